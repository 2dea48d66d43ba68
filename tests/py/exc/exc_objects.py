# exception objects: args, str, repr
for e in [ValueError(), ValueError('msg'), ValueError('a', 2), KeyError('key'), KeyError(), KeyError('a', 'b'),
          IndexError(5), Exception(None), RuntimeError(''), StopIteration(42), SystemExit(3), OSError(2, 'No file')]:
    print(repr(e), '|', str(e), '|', e.args)
e = ValueError('x')
e.args = ('changed', 1)
print(e, repr(e))
print(str(KeyError("it's")), repr(KeyError("it's")), str(KeyError(1)))
print(StopIteration(5).value, StopIteration().value, SystemExit(7).code, SystemExit().code)
err = TypeError('detail')
print(type(err).__name__, type(err) is TypeError, isinstance(err, Exception))
class AppError(Exception):
    pass
class DetailedError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
print(repr(AppError('x')), str(AppError('x', 'y')))
try:
    raise DetailedError(404, 'not found')
except AppError as d:
    print(type(d).__name__, d.code, d.args, str(d))
print(repr(BaseException('b')), BaseException.__name__)
