class Wrapper:
    def __init__(self, obj):
        self._obj = obj
    def __getattr__(self, name):
        print('delegating', name)
        return getattr(self._obj, name)
w = Wrapper('text')
print(w.upper(), w.count('t'))
class Half:
    def __getattr__(self, name):
        if name == 'ok':
            return 'fine'
        return super().__getattribute__(name)
h = Half()
print(h.ok)
try:
    h.other
except AttributeError as e:
    print(e)
class Raiser:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    Raiser().x
except KeyError as e:
    print('KeyError', e)
print(hasattr(Half(), 'zz'))
try:
    hasattr(Raiser(), 'zz')
except KeyError as e:
    print('hasattr propagates', e)
