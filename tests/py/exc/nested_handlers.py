# exception raised inside except and finally blocks, caught outside
def risky(kind):
    try:
        if kind == 'value':
            raise ValueError('v')
        return 'ok'
    except ValueError as e:
        raise KeyError('raised in except') from None
    finally:
        print('cleanup for', kind)
for k in ['none', 'value']:
    try:
        print(risky(k))
    except KeyError as e:
        print('caught', repr(e), e.__context__ is not None, e.__suppress_context__)
try:
    try:
        raise ValueError('a')
    except ValueError:
        try:
            raise TypeError('b')
        except TypeError as inner:
            print('inner context:', repr(inner.__context__))
        print('back in outer handler')
except Exception:
    print('not reached')
import sys
try:
    raise IndexError('current')
except IndexError:
    print(type(sys.exc_info()[1]).__name__, sys.exc_info()[0].__name__)
print(sys.exc_info())
