class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
for x in Countdown(2):
    print('x', x)
c = Countdown(2)
print(next(c), next(c), next(c, 'done'))
try:
    next(c)
except StopIteration:
    print('stop')
class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
print(list(Range2(4)), sum(Range2(5)), sorted(Range2(3), reverse=True))
a, b = Range2(2)
print(a, b)
print(dict(zip(Range2(3), 'abc')))
