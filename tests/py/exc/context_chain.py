# exception context while handling, and context inside finally
def show(e):
    chain = []
    while e is not None:
        chain.append(f'{type(e).__name__}({e})')
        e = e.__cause__ or e.__context__
    print(' <- '.join(chain))
try:
    try:
        try:
            raise KeyError('a')
        except KeyError:
            raise ValueError('b')
    except ValueError:
        raise TypeError('c')
except TypeError as e:
    show(e)
try:
    try:
        raise IndexError('x')
    finally:
        raise RuntimeError('from finally')
except RuntimeError as e:
    show(e)
try:
    try:
        raise OSError('io')
    except OSError as inner:
        raise LookupError('lk') from inner
except LookupError as e:
    show(e)
try:
    raise ValueError('no chain')
except ValueError as e:
    show(e)
