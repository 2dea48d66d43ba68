# center/ljust/rjust/zfill/expandtabs
for w in (0, 3, 8, 9):
    print(repr('abc'.center(w)), repr('abc'.ljust(w)), repr('abc'.rjust(w)))
print('abc'.center(10, '*'), 'abc'.ljust(6, '-'), 'abc'.rjust(6, '.'))
print('ab'.center(5, '#'), 'ab'.center(6, '#'), 'abc'.center(6, '#'), 'a'.center(4, '='))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(5), '12345'.zfill(3), ''.zfill(2))
print(repr('a\tb\tc'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('abcd\te'.expandtabs(4)))
print(repr('\t'.expandtabs(0)), repr('x\ty\n\tz'.expandtabs(3)))
print('é'.center(5, '€'))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print(type(e).__name__, e)
