class A: pass
a = A()
r = repr(a)
print(r.startswith('<__main__.A object at 0x'), r.endswith('>'))
print(str(a) == repr(a))
print(repr(A), str(A))
class B:
    def __repr__(self):
        return 'B()'
print(repr(B()), str(B()), f"{B()}", [B()], (B(),), {1: B()})
class C:
    def __str__(self):
        return 'C-str'
c = C()
print(str(c), f"{c}", repr(c).startswith('<__main__.C'), [str(c)])
print('%s %r' % (B(), B()))
