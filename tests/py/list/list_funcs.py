# builtins applied to lists
a = [4, 1, 7, 3, 9, 2]
print(len(a), min(a), max(a), sum(a), sorted(a), list(reversed(a)))
print(any(x > 8 for x in a), all(x > 0 for x in a), any([]), all([]))
print(list(enumerate(a[:3])), list(enumerate(a[:2], start=10)))
print(list(zip(a, 'abc')), list(zip()), list(zip([1, 2], [3, 4], [5, 6])))
print(a.index(max(a)), [i for i, v in enumerate(a) if v == min(a)])
print(list(map(str, a)), list(map(pow, [2, 3], [3, 2])))
print(sorted(a)[len(a) // 2], sum(a) / len(a))
print(list(filter(lambda v: v % 2, a)))
print([list(p) for p in zip(*[[1, 2], [3, 4], [5, 6]])])
b = [[3, 'c'], [1, 'a'], [2, 'b']]
print(min(b), max(b), sorted(b, key=lambda p: p[1], reverse=True))
print(list(range(5)) == [0, 1, 2, 3, 4], list(range(5)) is list(range(5)))
print([1, 2, 3] * 0, [0] * -3, [[]] * 2)
print(hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
