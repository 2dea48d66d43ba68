# dict creation, lookup, assignment, ordering, repr
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], 'b' in d, 'z' in d, 'z' not in d)
d['a'] = 100
print(d)
print({}, dict(), dict(x=1, y=2), dict([('k', 'v'), (1, 2)]), dict({'q': 0}, r=1))
print({1: 'int', 1.0: 'float', True: 'bool'})
print({(1, 2): 'tuple', None: 'none', 2.5: 'f', 'nested': {'k': [1, 2]}})
del d['b']
print(d, list(d))
d['b'] = 'back'
print(d)
try:
    d['missing']
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    del d['missing']
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}[[1]]
except TypeError as e:
    print(type(e).__name__, e)
print({'a': 1} == {'a': 1}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {1: 1} != {1: 2})
e = {'x': 1}
e.update(y=2)
e.update([('z', 3)])
e.update({'x': 10})
print(e)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0))
