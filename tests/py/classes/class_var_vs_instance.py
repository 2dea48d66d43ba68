class Dog:
    tricks = []
    def __init__(self, name):
        self.name = name
        self.own = []
    def add(self, t):
        self.tricks.append(t)
        self.own.append(t)
d, e = Dog('Fido'), Dog('Buddy')
d.add('roll')
e.add('dead')
print(d.tricks, d.own, e.own, Dog.tricks is d.tricks)
d.tricks = ['mine']
print(d.tricks, e.tricks, 'tricks' in vars(d), 'tricks' in vars(e))
class Cnt:
    n = 0
    def inc(self):
        self.n += 1
c1, c2 = Cnt(), Cnt()
c1.inc(); c1.inc(); c2.inc()
print(c1.n, c2.n, Cnt.n)
