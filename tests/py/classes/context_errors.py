class NoExit:
    def __enter__(self): return self
class NoEnter:
    def __exit__(self, *a): pass
for o in (NoExit(), NoEnter(), 5):
    try:
        with o:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError('in exit')
try:
    with ExitRaises():
        raise ValueError('inner')
except RuntimeError as e:
    print(e, type(e.__context__).__name__)
