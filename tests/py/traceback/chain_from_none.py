# raise ... from None suppresses the context in the traceback
def get(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f'no setting named {k}') from None
get({}, 'color')
