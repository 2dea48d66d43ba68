registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
def add_hello(cls):
    cls.hello = lambda self: f"hello from {type(self).__name__}"
    return cls
def replace(cls):
    return 42
@add_hello
class A:
    pass
A = register(A)
class _Unused:
    pass
@register
class B(A):
    pass
@replace
class C:
    pass
print(registry)
print(A().hello(), B().hello())
print(C)
def with_args(tag):
    def deco(cls):
        cls.tag = tag
        return cls
    return deco
@with_args('t1')
class D:
    pass
print(D.tag)
