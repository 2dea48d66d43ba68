def check(n):
    if n < 0:
        e = ValueError(f"negative: {n}")
        e.add_note("hint: use abs()")
        raise e
    return n
try:
    check(-2)
except ValueError as e:
    print(e, e.__notes__)
try:
    try:
        {}["a"]
    except KeyError:
        raise TypeError("replaced") from None
except TypeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
errs = []
for v in ["1", "x", None, "3"]:
    try:
        errs.append(int(v))
    except (ValueError, TypeError) as e:
        errs.append(type(e).__name__)
print(errs)
e = Exception("a", 1)
print(e.args, str(e), repr(e), str(Exception()), repr(Exception("x")), str(KeyError("k")), str(KeyError("a", "b")))
print(isinstance(KeyError(), LookupError), issubclass(FileNotFoundError, OSError), issubclass(ZeroDivisionError, ArithmeticError))
print(OSError(2, "No such file").strerror, str(OSError(2, "No such file")), StopIteration(5).value, SystemExit(2).code)
class MyErr(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f"code {self.code}"
print(str(MyErr(4)), repr(MyErr(4)), MyErr(4).args)
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    else:
        print("no else")
g()
try:
    try:
        raise ValueError("first")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer got", e)
def nested():
    try:
        raise KeyError("a")
    except KeyError as e1:
        try:
            raise ValueError("b")
        except ValueError as e2:
            return e2.__context__ is e1
print(nested())
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
e = None
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
raise RuntimeError("final") from KeyError("root")
