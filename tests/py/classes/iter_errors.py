class NoIter: pass
class BadIter:
    def __iter__(self): return 5
class NotIterable:
    __iter__ = None
for o in (NoIter(), BadIter(), NotIterable()):
    try:
        iter(o)
    except TypeError as e:
        print(e)
    try:
        for x in o: pass
    except TypeError as e:
        print(e)
class NoNext:
    def __iter__(self): return self
try:
    next(NoNext())
except TypeError as e:
    print(e)
