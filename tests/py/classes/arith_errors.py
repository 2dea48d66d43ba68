class Foo: pass
class Bar:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
tests = [lambda: Foo() + 1, lambda: 1 + Foo(), lambda: Foo() - Foo(), lambda: Foo() * 'a',
         lambda: Foo() / 2, lambda: Foo() // 2, lambda: Foo() % 2, lambda: Foo() ** 2,
         lambda: Foo() @ Foo(), lambda: Foo() << 1, lambda: Foo() >> 1, lambda: Foo() & 1,
         lambda: Foo() | 1, lambda: Foo() ^ 1, lambda: Bar() + Bar(), lambda: Bar() + 1,
         lambda: divmod(Foo(), 1), lambda: pow(Foo(), 2, 3), lambda: -Foo(), lambda: +Foo(),
         lambda: ~Foo(), lambda: abs(Foo())]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
x = Foo()
try:
    x += 1
except TypeError as e:
    print(e)
try:
    x **= 2
except TypeError as e:
    print(e)
try:
    x @= 2
except TypeError as e:
    print(e)
