# generator functions: lazy execution, state, exhaustion
def count_up(n):
    print('  generator started')
    i = 0
    while i < n:
        print('  yielding', i)
        yield i
        i += 1
    print('  generator finished')
g = count_up(3)
print(type(g).__name__)
print('first next')
print(next(g))
print('loop over rest')
for v in g:
    print('got', v)
print(list(g), next(g, 'exhausted'))
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
sq = squares()
print([next(sq) for _ in range(6)])
print(list(count_up(0)))
def empty():
    return
    yield
print(list(empty()), sum(x for x in empty()))
