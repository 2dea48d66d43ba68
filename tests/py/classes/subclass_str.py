class Shout(str):
    def shout(self):
        return self.upper() + '!'
    def __add__(self, o):
        return Shout(str.__add__(self, o))
s = Shout('hey')
print(s.shout(), s + ' you', type(s + 'x').__name__, len(s), s[0], s == 'hey', repr(s))
print(f"{s}", '%s' % s, str(s), s.split('e'), 'e' in s, hash(s) == hash('hey'))
d = {s: 1}
print(d['hey'])
class Tagged(str):
    def __new__(cls, v, tag):
        o = super().__new__(cls, v)
        return o
print(Tagged('x', 1), type(Tagged('x', 1)).__name__)
