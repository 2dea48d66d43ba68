class A:
    def get_class(self):
        return __class__
    def name(self):
        return __class__.__name__
class B(A): pass
print(A().get_class() is A, B().get_class() is A, B().name())
def outer():
    class Local:
        def m(self):
            return __class__
    return Local
L = outer()
print(L().m() is L)
class C:
    def f(self):
        return super().__class__.__name__
print(C().f())
