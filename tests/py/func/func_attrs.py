# function objects: attributes, passing functions, docstrings
def documented(a, b=1):
    """Add two numbers."""
    return a + b
print(documented.__name__, documented.__doc__, documented.__defaults__)
print(documented.__qualname__, documented.__module__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__name__)
documented.custom = 'attr'
print(documented.custom, hasattr(documented, 'custom'))
def apply(fn, *args):
    return fn(*args)
print(apply(documented, 2), apply(max, 3, 9, 4), apply(str.upper, 'x'))
funcs = [len, str.lower, abs]
print([f.__name__ for f in funcs])
def no_doc():
    pass
print(no_doc.__doc__, callable(no_doc), no_doc() is None)
def returns_multiple():
    return 1, 'two', [3]
a, b, c = returns_multiple()
print(a, b, c, returns_multiple())
def early(n):
    if n > 0:
        return 'positive'
    print('fell through')
print(early(1), early(-1))
