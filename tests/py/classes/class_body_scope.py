x = 'global'
class A:
    x = 'class'
    y = x + '!'
    def f(self):
        return x
    items = [i * 2 for i in range(3)]
    z = [x for _ in range(1)]
print(A.y, A().f(), A.items, A.z)
class B:
    a = 1
    b = a + 1
    del a
print(hasattr(B, 'a'), B.b)
def make(n):
    class K:
        val = n
        def get(self):
            return n
    return K
print(make(3).val, make(4)().get())
