# strip family, replace, removeprefix/removesuffix
s = '  \t hi there \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'abcHIcba'.strip('abc'), 'xyhi'.lstrip('yx'), 'hi!!?'.rstrip('!?'))
print(repr(''.strip()), repr('   '.strip()), 'aaa'.strip('a') == '')
print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'hello'.replace('', '-'))
print('aaaa'.replace('aa', 'b'), 'abc'.replace('x', 'y'), 'abc'.replace('abc', ''))
print('a.b.c'.replace('.', '', -1), 'ababab'.replace('ab', 'X', 2))
print('héllo'.replace('é', 'e'), '€'.replace('€', 'EUR'))
print('test_file.py'.removesuffix('.py'), 'test_file.py'.removeprefix('test_'), 'x'.removeprefix('y'))
print(repr('\u00a0 x \u3000'.strip()))
