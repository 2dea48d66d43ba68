class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
i = Idx(2)
print([10, 20, 30][i], 'abcdef'[Idx(1):Idx(4)], (1, 2, 3)[Idx(-1)])
print(bin(i), hex(Idx(255)), oct(Idx(8)), range(Idx(3)), list(range(Idx(1), Idx(4))))
print('ab' * Idx(3), [0] * Idx(2), int(i), operator_index := i.__index__())
print(hash(i) != 0, '%d' % Idx(5) if False else 'skip')
class Bad:
    def __index__(self): return 'x'
try:
    [1, 2][Bad()]
except TypeError as e:
    print(e)
class No: pass
try:
    [1, 2][No()]
except TypeError as e:
    print(e)
try:
    'ab' * No()
except TypeError as e:
    print(e)
