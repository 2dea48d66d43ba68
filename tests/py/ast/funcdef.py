def f(): pass
def f(a, b): pass
def f(a, b=1, *args, c, d=2, **kw): pass
def f(a, /, b, *, c): pass
def f(a=1, /, b=2): pass
def f(*, a): pass
def f(a: int, b: str = 'x') -> bool: pass
def f(*args: int, **kw: str): pass
def f(a, b,): pass
