class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print('created')
        return cls._inst
    def __init__(self, v):
        print('init', v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never')
print(Other())
class WithNew:
    def __new__(cls, x):
        obj = object.__new__(cls)
        obj.x = x * 2
        return obj
w = WithNew(5)
print(w.x, type(w).__name__)
print(type(WithNew.__dict__['__new__']).__name__)
class Sub(WithNew):
    pass
print(Sub(1).x, type(Sub(1)).__name__)
try:
    object.__new__(1)
except TypeError as e:
    print(e)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
