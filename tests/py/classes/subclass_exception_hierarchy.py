class AppError(Exception):
    code = 1
class DBError(AppError):
    code = 2
class ConnError(DBError, ConnectionError):
    code = 3
for cls in (AppError, DBError, ConnError):
    try:
        raise cls('msg')
    except AppError as e:
        print(type(e).__name__, e.code, e, isinstance(e, OSError))
print([c.__name__ for c in ConnError.__mro__])
try:
    raise ConnError('x')
except ConnectionError as e:
    print('caught as ConnectionError', e.args)
class Wrapped(Exception):
    def __init__(self, inner):
        super().__init__(f"wrapped: {inner}")
        self.inner = inner
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise Wrapped(z) from z
except Wrapped as w:
    print(w, type(w.inner).__name__, w.__cause__ is w.inner)
