class NonData:
    def __get__(self, obj, t): return 'nondata'
class Data:
    def __get__(self, obj, t): return 'data'
    def __set__(self, obj, v): print('Data.__set__', v)
class SetOnly:
    def __set__(self, obj, v): print('SetOnly.__set__', v)
class A:
    nd = NonData()
    d = Data()
    so = SetOnly()
a = A()
print(a.nd, a.d)
a.__dict__['nd'] = 'inst-nd'
a.__dict__['d'] = 'inst-d'
print(a.nd, a.d)
a.d = 5
a.nd = 6
print(a.nd, a.__dict__['nd'])
print(type(a.so).__name__)
a.so = 1
a.__dict__['so'] = 'inst-so'
print(a.so)
print(A.nd, A.d)
