# tuple repr and comparison semantics
print((1, 'a', 2.5, None, [1], (2,), {'k': 1}))
print(((1, 2), (3,)), ((),), (((1,),),))
print((1, 2) == [1, 2], (1, 2) == (1.0, 2.0), (0,) == (False,))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
print(max([(1, 'b'), (1, 'c'), (0, 'z')]))
print((1, float('nan')) == (1, float('nan')))
n = float('nan')
print((1, n) == (1, n), [n] == [n])
try:
    print((1, 'a') < (1, 2))
except TypeError as e:
    print(type(e).__name__, e)
print((1, 'a') < (2, 1))
print(tuple(reversed((1, 2, 3))), (1, 2, 3)[::2], len(((1, 2), 3)))
big = tuple(range(100))
print(big[95:], sum(big), big.count(50), big.index(99))
