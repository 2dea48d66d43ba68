# "During handling of the above exception, another exception occurred:"
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return d['default'] + 1
lookup({'a': 1}, 'b')
