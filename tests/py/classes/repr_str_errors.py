class A:
    def __repr__(self):
        return 1
class B:
    def __str__(self):
        return None
for f, o in ((repr, A()), (str, B()), (str, A())):
    try:
        f(o)
    except TypeError as e:
        print(e)
class C:
    def __repr__(self):
        raise ValueError('bad repr')
try:
    print([C()])
except ValueError as e:
    print('ValueError', e)
