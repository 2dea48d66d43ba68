# generators consumed by builtins: sum, max, sorted, dict, zip, enumerate, any/all
def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
print(sum(evens(10)), max(evens(10)), min(evens(10)), sorted(evens(7), reverse=True))
print(list(zip(evens(10), 'abc')), list(enumerate(evens(5), 1)), dict(zip('xy', evens(4))))
print(any(v > 6 for v in evens(10)), all(v % 2 == 0 for v in evens(10)), tuple(evens(3)))
print(set(evens(5)) == {0, 2, 4}, ' '.join(str(v) for v in evens(9)), list(map(str, evens(4))))
g = evens(6)
print(4 in g, list(g))
h = evens(6)
print(next(h), sum(h))
print(list(reversed(list(evens(5)))), len(list(evens(100))))
