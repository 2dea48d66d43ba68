# print with sep, end, file=sys.stderr, flush
import sys
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=', ', end='!\n')
print('no newline', end='')
print(' -- continued')
print()
print(1, 2.0, None, True, [1], (2,), {'k': 3}, sep=' | ')
print('to stderr', file=sys.stderr)
print('x', 'y', sep='\n', file=sys.stderr)
print('flushed', flush=True)
print(*[1, 2, 3])
print(*'abc', sep='-')
print(sep='ignored')
print('end', end='\n\n')
print(None, sep=None, end=None)
sys.stdout.write('written directly\n')
sys.stderr.write('err direct\n')
print('é€😀', 'tab\there')
try:
    print('x', sep=5)
except TypeError as e:
    print(type(e).__name__, e)
