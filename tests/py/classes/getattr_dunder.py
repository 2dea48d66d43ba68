class Lazy:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith('x'):
            return name * 2
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.real, l.xy, getattr(l, 'xz'))
try:
    l.other
except AttributeError as e:
    print(e)
print(hasattr(l, 'x1'), hasattr(l, 'q'), getattr(l, 'q', 'default'))
class Proxy:
    def __init__(self, target): self._t = target
    def __getattr__(self, name):
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1))
class Plain: pass
try:
    Plain().missing
except AttributeError as e:
    print(e)
try:
    Plain.missing
except AttributeError as e:
    print(e)
