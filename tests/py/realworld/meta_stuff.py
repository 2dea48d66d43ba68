class Registry(type):
    classes = {}
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        if name != "Plugin":
            mcls.classes[name.lower()] = cls
        return cls
    def __repr__(cls):
        return f"<plugin {cls.__name__}>"

class Plugin(metaclass=Registry):
    def run(self):
        return f"{type(self).__name__} running"

class Alpha(Plugin): pass
class Beta(Plugin):
    def run(self):
        return super().run().upper()

print(sorted(Registry.classes), Registry.classes["beta"]().run(), Alpha, type(Alpha))

class Base:
    subclasses = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)
class A(Base, tag="a"): pass
class B(A): pass
print(Base.subclasses, A.tag, B.tag)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.name, value)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, vars(p), type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print(e)

class Lazy:
    def __init__(self):
        self.loaded = {}
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        val = len(name)
        self.loaded[name] = val
        return val
l = Lazy()
print(l.hello, l.ab, l.loaded, hasattr(l, "_private"))

class Audited:
    def __setattr__(self, k, v):
        print(f"set {k}={v!r}")
        super().__setattr__(k, v)
    def __delattr__(self, k):
        print(f"del {k}")
        object.__delattr__(self, k)
a = Audited(); a.x = 1; a.y = [2]; del a.x
print(a.__dict__)

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"
s = Stack([1, 2]); s.push(3)
print(s, s.peek(), len(s), s + [4], type(s + [4]).__name__, isinstance(s, list))

class Default(dict):
    def __missing__(self, key):
        self[key] = key * 2
        return self[key]
d = Default(a=1)
print(d["a"], d["bb"], d, d.get("zz"))

class Money(int):
    def __new__(cls, v, cur="USD"):
        return super().__new__(cls, v)
    def __repr__(self):
        return f"{int(self)} USD"
m = Money(5)
print(m, m + 1, repr(m), m * 2, type(m + 1).__name__, str(m))

class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hi")
print(u.shout(), u + "x", type(u + "x").__name__, u == "hi", {u: 1}["hi"])

class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
try:
    hash(Point(1, 2))
except TypeError as e:
    print(e)
print(Point.__hash__, Point(1, 2) == Point(1, 2))
