class Foo:
    def __init__(self, x):
        self.x = x
class Bar:
    def __init__(self, a, b, *, c):
        pass
class Empty: pass
class RetInit:
    def __init__(self):
        return 5
tests = [lambda: Foo(), lambda: Foo(1, 2), lambda: Foo(y=1), lambda: Bar(1),
         lambda: Bar(), lambda: Bar(1, 2), lambda: Empty(1), lambda: Empty(a=1),
         lambda: RetInit(), lambda: object(1)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
