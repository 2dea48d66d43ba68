class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5))
print(list(map(add5, [1, 2, 3])))
class Plain: pass
print(callable(Plain()), callable(Plain))
try:
    Plain()()
except TypeError as e:
    print(e)
try:
    add5()
except TypeError as e:
    print(e)
