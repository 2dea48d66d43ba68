def f():
    super()
try:
    f()
except RuntimeError as e:
    print(e)
class A:
    @staticmethod
    def s():
        return super()
try:
    A.s()
except RuntimeError as e:
    print(e)
class B(A):
    def m(self):
        return super().nope
try:
    B().m()
except AttributeError as e:
    print(e)
