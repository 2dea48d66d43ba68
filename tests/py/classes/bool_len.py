class Empty:
    def __len__(self): return 0
class Full:
    def __len__(self): return 3
class T:
    def __bool__(self): return False
    def __len__(self): return 5
class Plain: pass
for o in (Empty(), Full(), T(), Plain()):
    print(bool(o), 'yes' if o else 'no', not o)
print(len(Full()), len(T()))
class BadBool:
    def __bool__(self): return 1
class NegLen:
    def __len__(self): return -1
class StrLen:
    def __len__(self): return '3'
for f, o in ((bool, BadBool()), (len, NegLen()), (bool, NegLen()), (len, StrLen()), (len, Plain())):
    try:
        f(o)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
