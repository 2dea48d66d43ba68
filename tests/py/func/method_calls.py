# bound methods of builtins as first-class values
words = []
add = words.append
for w in 'to be or not'.split():
    add(w)
print(words)
up = 'shout'.upper
print(up(), up.__name__)
d = {'a': 1}
get = d.get
print(get('a'), get('b', 0))
join_comma = ','.join
print(join_comma(['x', 'y']), join_comma('abc'))
methods = [str.upper, str.title, str.swapcase]
print([m('hello World') for m in methods])
print(list(map(str.strip, [' a ', 'b '])), sorted(['b', 'A', 'c'], key=str.casefold))
counter = {}
inc = lambda k: counter.__setitem__(k, counter.get(k, 0) + 1)
for ch in 'banana':
    inc(ch)
print(counter)
print([].__class__.__name__, (1).__add__(2), 'ab'.__mul__(2), [1, 2].__len__())
