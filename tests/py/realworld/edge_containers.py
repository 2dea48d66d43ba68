import gc
a = [1, 2]
a.append(a)
d = {"k": 1}
d["self"] = d
print(a, d, repr(a) == str(a))
t = (1, [2, 3], {"x": (4,)})
t[1].append(5)
print(t, len(t), t.count(1), t.index([2, 3, 5]))
try:
    t[0] = 9
except TypeError as e:
    print(e)
dd = {i: i * i for i in range(5)}
try:
    for k in dd:
        dd[k + 100] = 0
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
lst = list(range(10))
for x in lst:
    if x % 3 == 0:
        lst.remove(x)
print(lst)
print(sorted({3: "c", 1: "a", 2: "b"}.items()), list({3: 1, 1: 2}), {1: 2} | {3: 4}, {**{"a": 1}, "b": 2})
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3}, {1, 2} <= {1, 2, 3}, frozenset({1, 2}) == {1, 2})
print(sorted(frozenset([3, 1, 2])), set(), frozenset(), {()}, dict(), list(), tuple())
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
x = [5, 3, 8]
x.sort(key=lambda v: -v)
print(x, x.copy() is x, x[:] == x, x * 0, [0] * 3, [[0] * 2] * 2)
m = [[0] * 3 for _ in range(3)]
m[0][0] = 1
print(m, [row[::-1] for row in m], list(zip(*m)))
nums = [4, 1, 7, 3]
nums[1:3] = [10, 20, 30]
del nums[0]
nums.insert(0, -1)
nums.extend(range(2))
print(nums, nums.pop(), nums.pop(0), nums, nums.index(20), 30 in nums)
print(list(reversed(range(5))), range(0, 10, 3)[-1], len(range(0, 100, 7)), range(5) == range(0, 5), list(range(10, 0, -3)))
print(dict.fromkeys("abc", 0), dict(zip("ab", [1, 2])), dict([("x", 1)], y=2))
dd = {"b": 2, "a": 1}
dd.update(c=3)
print(dd.setdefault("a", 99), dd.pop("b"), dd.pop("zz", "none"), dd, list(dd.keys()), list(dd.values()), dd.items())
print(dd.keys() & {"a", "q"}, "a" in dd.keys(), len(dd.values()))
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("del", self.name)
n1, n2 = Node("n1"), Node("n2")
n1.peer, n2.peer = n2, n1
del n1, n2
print("collected", gc.collect() >= 2)
n3 = Node("n3")
n3 = None
print("end")
print(min((3, "c"), (1, "z")), max("apple", "banana", key=len), min([], default="empty"), sum([[1], [2]], []))
print(list(zip(range(3), "ab", [True] * 5)), list(enumerate([])), [*range(3), *"ab"], (*"xy",))
first, *middle, last = range(6)
print(first, middle, last)
(a1, b1), c1 = (1, 2), 3
print(a1, b1, c1)
print([y for x in [[1, 2], [3]] for y in x if y != 2], {x % 3 for x in range(10)}, {k: v for k, v in zip("ab", "cd")})
if (n := len(lst)) > 3:
    print("walrus", n)
