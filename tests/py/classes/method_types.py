class A:
    def m(self): pass
    @classmethod
    def c(cls): pass
    @staticmethod
    def s(): pass
a = A()
print(type(A.m).__name__, type(a.m).__name__)
print(type(A.c).__name__, type(a.c).__name__)
print(type(A.s).__name__, type(a.s).__name__)
print(type(A.__dict__['m']).__name__, type(A.__dict__['c']).__name__, type(A.__dict__['s']).__name__)
print(type([].append).__name__, type(list.append).__name__, type(list.__dict__['fromkeys'] if 'fromkeys' in list.__dict__ else dict.__dict__['fromkeys']).__name__)
print(type(int.__add__).__name__, type((1).__add__).__name__)
print(a.m.__func__ is A.m, A.c.__func__ is a.c.__func__)
print(callable(A.s), A.s() is None)
