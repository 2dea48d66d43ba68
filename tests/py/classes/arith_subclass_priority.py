class A:
    def __add__(self, o):
        return 'A.add'
    def __radd__(self, o):
        return 'A.radd'
class B(A):
    def __radd__(self, o):
        return 'B.radd'
class C(A):
    pass
print(A() + B())
print(A() + C())
print(B() + A())
print(1 + A(), A() + 1)
class MyInt(int):
    def __radd__(self, o):
        return 'MyInt.radd'
    def __rsub__(self, o):
        return 'MyInt.rsub'
print(1 + MyInt(2), 5 - MyInt(1), MyInt(2) + 1)
class F(float):
    def __rmul__(self, o):
        return 'F.rmul'
print(2 * F(1.5), 2.0 * F(3))
