class A:
    def __eq__(self, o):
        print('A.__eq__'); return NotImplemented
    def __lt__(self, o):
        print('A.__lt__'); return NotImplemented
class B:
    def __eq__(self, o):
        print('B.__eq__'); return NotImplemented
    def __gt__(self, o):
        print('B.__gt__'); return True
a, b = A(), B()
print(a == b)
print(a < b)
print(a != b)
class Sub(A):
    def __eq__(self, o):
        print('Sub.__eq__'); return 'sub'
print(a == Sub())
try:
    a < 1
except TypeError as e:
    print(e)
try:
    B() <= A()
except TypeError as e:
    print(e)
class C: pass
for t in (lambda: C() < C(), lambda: C() <= C(), lambda: C() > C(), lambda: C() >= C()):
    try:
        t()
    except TypeError as e:
        print(e)
print(C() == C(), C() != C())
