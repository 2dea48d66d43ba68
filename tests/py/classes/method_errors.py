class A:
    def f(self, x):
        return x
    def g():
        return 1
a = A()
for call in (lambda: a.f(), lambda: a.f(1, 2), lambda: a.g(), lambda: A.f(),
             lambda: a.f(y=1), lambda: a.f(1, x=2)):
    try:
        call()
    except TypeError as e:
        print(e)
