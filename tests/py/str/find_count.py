# find/rfind/index/rindex/count/startswith/endswith
s = 'abracadabra'
print(s.find('a'), s.find('bra'), s.find('z'), s.find('a', 1), s.find('a', 1, 3), s.find(''))
print(s.rfind('a'), s.rfind('bra'), s.rfind('z'), s.rfind('a', 0, 5), s.rfind(''))
print(s.index('c'), s.rindex('a'), s.index('a', -4))
print(s.count('a'), s.count('bra'), s.count(''), s.count('a', 5), s.count('aa'))
print('aaaa'.count('aa'), ''.count(''), 'abc'.count('', 1))
print(s.startswith('abr'), s.startswith('bra'), s.startswith('bra', 1), s.startswith(('x', 'ab')))
print(s.endswith('bra'), s.endswith(('x', 'y')), s.endswith('cad', 0, 7), s.endswith(''))
print('héllo'.find('l'), 'héllo'.index('o'), '日本語'.find('語'))
print('a' in s, 'cad' in s, 'dac' in s, '' in s, 'x' not in s)
try:
    s.index('z')
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex('z')
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.startswith(['a'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 in s)
except TypeError as e:
    print(type(e).__name__, e)
