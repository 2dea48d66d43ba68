class Logged:
    def __init__(self): self.a = 1
    def __getattribute__(self, name):
        print('get', name)
        return object.__getattribute__(self, name)
x = Logged()
print(x.a)
try:
    x.b
except AttributeError as e:
    print(e)
class Both:
    def __getattribute__(self, name):
        if name == 'special':
            return 'from getattribute'
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return 'fallback ' + name
b = Both()
print(b.special, b.missing)
class Raiser:
    def __getattribute__(self, name):
        raise AttributeError('always')
    def __getattr__(self, name):
        return 'rescued ' + name
print(Raiser().anything)
class Everything:
    def __getattribute__(self, name):
        return 42
e = Everything()
print(e.foo, e.__class__)
