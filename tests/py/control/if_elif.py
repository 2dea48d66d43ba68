# if/elif/else chains and truthiness in conditions
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 3, 10, 99]:
    print(n, classify(n))
for v in [[], [0], '', 'x', None, 0.0]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 7
if x > 5: print('one-line if')
if x > 100:
    pass
else:
    print('else branch')
if x % 2 == 0 and x > 0 or x == 7:
    print('compound')
if not (x < 3 or x > 10):
    print('in range')
if 3 < x <= 7:
    print('chained in if')
