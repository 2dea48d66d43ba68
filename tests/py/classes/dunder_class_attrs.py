class Outer:
    class Inner:
        def m(self): pass
    def method(self):
        class Local: pass
        return Local
print(Outer.__name__, Outer.__qualname__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer().method().__qualname__)
print(Outer.Inner.m.__qualname__)
print(Outer.__module__, Outer.Inner.__module__)
o = Outer()
print(o.__class__ is Outer, o.__class__.__name__)
print(Outer.__class__, type(Outer.__dict__).__name__)
print(Outer.__doc__)
class Doc:
    "docstring here"
print(Doc.__doc__, Doc().__doc__)
print(repr(Outer.Inner).endswith("Outer.Inner'>"), repr(Outer))
