# bare raise, re-raising in nested handlers, raising exception classes
def risky():
    raise ValueError('original')
try:
    try:
        risky()
    except ValueError:
        print('logging and re-raising')
        raise
except ValueError as e:
    print('outer got', e)
try:
    raise KeyError
except KeyError as e:
    print('class raised:', repr(e))
try:
    try:
        raise TypeError('first')
    except TypeError as e:
        saved = e
        raise
except TypeError as e:
    print(e is saved)
def handler():
    try:
        raise IndexError('in handler')
    except IndexError:
        try:
            raise KeyError('nested')
        except KeyError:
            pass
        raise
try:
    handler()
except IndexError as e:
    print('re-raised after nested handler:', e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
