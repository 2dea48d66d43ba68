# min, max with key/default; sum with start; abs; any; all
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a', 'c'))
print(max(['aa', 'b', 'cccc'], key=len), min(['aa', 'b', 'cccc'], key=len), max([], default='none'))
print(min([(2, 'b'), (1, 'z')]), max([-3, 2, -5], key=abs), min([], key=len, default=0))
print(max([1, 3, 3.0], key=float), max([3.0, 3]), min([1, True]))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([[1], [2, 3]], []), sum(x * x for x in range(4)))
print(sum([0.1, 0.2, 0.3]), sum((1.5, 2)), sum([], 0.0), sum(range(10), start=5))
print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-10**30), abs(True))
print(any([0, 0, 1]), any([]), any('') , all([1, 'a', [0]]), all([1, 0]), all([]))
print(any(x > 3 for x in [1, 2, 5]), all(c.isalpha() for c in 'abc'))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: sum(['a', 'b'], ''), lambda: sum(['a']),
            lambda: min(1, 2, key=5), lambda: max([1], [2], default=0)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
