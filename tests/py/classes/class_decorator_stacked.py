def register(cls):
    print('register', cls.__name__)
    return cls
def add_hello(cls):
    print('add_hello', cls.__name__)
    cls.hello = lambda self: 'hello'
    return cls
@register
@add_hello
class A:
    pass
print(A, A().hello())
