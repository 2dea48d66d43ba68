# split/rsplit with and without separators and maxsplit; join
s = '  the quick  brown\tfox\njumps  '
print(s.split())
print(s.split(' '))
print(s.split(None, 2))
print(s.rsplit(None, 2))
print('a,b,,c,'.split(','))
print('a,b,,c,'.split(',', 2))
print('a,b,,c,'.rsplit(',', 2))
print('a::b::c'.split('::'), 'a::b::c'.rsplit('::', 1))
print(''.split(), ''.split(','), '   '.split(), ' '.split(' '))
print('abc'.split('abc'), 'aaa'.split('a'), 'aXbXc'.split('X', 0))
print('a b c'.split(maxsplit=1), 'a b c'.rsplit(maxsplit=1))
print('1 2 3'.split(sep=None, maxsplit=-1))
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ', '.join(map(str, range(5))))
print(' '.join(('one',)), '\n'.join(['l1', 'l2']).split('\n'))
try:
    'a'.split('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    ','.join(['a', 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ','.join(5)
except TypeError as e:
    print(type(e).__name__, e)
print('x y'.split(' ', -1), 'héllo wörld'.split('ö'))
