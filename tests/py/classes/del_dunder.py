class R:
    def __init__(self, name): self.name = name
    def __del__(self): print('del', self.name)
a = R('a')
del a
print('after del a')
b = R('b')
b = None
print('after rebind')
def f():
    r = R('local')
    print('in f')
f()
print('after f')
lst = [R('x'), R('y')]
lst.clear()
print('after clear')
keep = R('kept until exit')
