# KeyError/IndexError details
d = {'a': 1, 1: 'one', (1, 2): 'pair'}
for k in ['b', 2, (3, 4), '', None, 2.5, ('x',)]:
    try:
        d[k]
    except KeyError as e:
        print('KeyError', e, repr(e), e.args)
for seq in [[], [1, 2], 'ab', (1,), range(2)]:
    try:
        seq[10]
    except IndexError as e:
        print('IndexError', type(seq).__name__, e)
try:
    [].pop()
except IndexError as e:
    print('IndexError', e)
try:
    'abc'[-4]
except IndexError as e:
    print('IndexError', e)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    {'a': 1}.popitem()
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
