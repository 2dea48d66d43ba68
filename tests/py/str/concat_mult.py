# concatenation, repetition, comparison, membership, iteration
a, b = 'foo', 'bar'
print(a + b, a * 3, 3 * b, a * 0, a * -1 == '', (a + b) * 2)
print(a < b, a == 'foo', a != b, max(a, b), min('x', 'ab', 'abc'), sorted('hello'))
print(list('héllo'), tuple('ab'), len(''), len('a' * 1000))
print(str(1) + str(2.0) + str(None) + str([1]) + str((1,)) + str({'a': 1}))
s = ''
for ch in 'abc':
    s = ch + s
print(s)
print(''.join(reversed('stressed')), 'abc' * 2 + 'd')
print(ord('a'), chr(97), ord('€'), chr(8364), chr(0x1F600) == '😀', ord('\n'))
print('Abc'.lower() == 'abc', 'a' < 'é', 'Z' < 'a')
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord('ab')
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord('')
except TypeError as e:
    print(type(e).__name__, e)
