# generator expressions: laziness, single pass, scoping
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in 'a bb ccc'.split()))
print(list(x for x in 'abc' if x != 'b'), tuple(i for i in range(3)), sorted(c for c in 'cab'))
print(any(n > 5 for n in [1, 9]), all(n > 5 for n in [6, 9]), ''.join(str(n) for n in range(5)))
def noisy(n):
    print('  produce', n)
    return n
lazy = (noisy(i) for i in range(3))
print('created')
print(next(lazy))
print(list(lazy))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
data = [1, 2, 3]
gen = (v for v in data)
data.append(4)
print(list(gen))
it = iter([1, 2, 3])
first_gen = (v * 10 for v in it)
print(next(first_gen), list(it))
try:
    (1 / x for x in [1, 0]).__next__()
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
