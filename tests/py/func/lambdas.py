# lambdas: in sort keys, map, immediately-invoked, defaults, nested
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda *a: a)(1, 2), (lambda **k: k)(x=1))
print((lambda a, b=10: a + b)(1), (lambda a, *, b: a - b)(5, b=3))
print(sorted(['ccc', 'a', 'bb'], key=lambda s: -len(s)))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
adder = lambda n: lambda x: x + n
print(adder(3)(4))
print(sq.__name__, (lambda: 0).__name__, type(sq).__name__)
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
for sym in '+-*':
    print(sym, ops[sym](6, 3))
fns = [lambda x, k=k: x ** k for k in range(4)]
print([f(2) for f in fns])
print((lambda x: (lambda y: x * y))(6)(7))
print(list(filter(lambda v: v % 3 == 0, range(20))))
