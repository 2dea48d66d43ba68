# any/all short-circuit and sum over various iterables
def check(v):
    print('check', v)
    return v > 2
print(any(check(v) for v in [1, 3, 5]))
print(all(check(v) for v in [3, 1, 5]))
print(any([]), all([]), any([0, '']), all([1, 'x', [0]]))
print(sum([]), sum([1.5, 2.5]), sum(range(5), 100), sum([[1], [2]], []), sum((0.1,) * 3))
print(sum([True, True, False]), sum(x % 2 == 0 for x in range(10)), sum({1: 'a', 2: 'b'}))
print(sum([2**64, 2**64]), sum([1, 2.5, True]), sum(map(len, ['ab', 'cde'])))
