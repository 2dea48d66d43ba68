class MyError(Exception):
    pass
class CodeError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"
try:
    raise MyError('a', 'b')
except MyError as e:
    print(e.args, str(e), repr(e))
try:
    raise CodeError(404, 'not found')
except Exception as e:
    print(e, e.code, e.args, type(e).__name__, isinstance(e, CodeError))
class Sub(MyError): pass
try:
    raise Sub()
except MyError as e:
    print(repr(e), e.args, str(e) == '')
print(issubclass(Sub, Exception), Sub.__mro__[-3:])
class WithAttr(ValueError):
    def __init__(self, v):
        self.v = v
try:
    raise WithAttr(3)
except ValueError as e:
    print(e.v, e.args, str(e))
