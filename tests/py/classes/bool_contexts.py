class Flag:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print('bool', self.v)
        return self.v
f, t = Flag(False), Flag(True)
print(f or 'x')
print(t and 'y')
if not f:
    print('not f')
while t:
    print('loop'); break
print([x.v for x in (f, t) if x])
print(all([t, t]), any([f, f]))
print('yes' if t else 'no')
