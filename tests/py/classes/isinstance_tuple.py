class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C, int)), isinstance(b, ()))
print(isinstance(b, (C, (int, (B,)))))
print(issubclass(B, (C, A)), issubclass(B, (int, str)), issubclass(bool, (str, int)))
print(isinstance(1, object), isinstance(A, type), isinstance(A, object))
print(issubclass(A, object), issubclass(type, object), issubclass(object, type))
for args in [(b, 1), (b, (A, 1)), (1, A), (B, 'x')]:
    try:
        print(isinstance(*args) if args[0] is b else issubclass(*args))
    except TypeError as e:
        print(e)
