# partition/rpartition/splitlines
print('key=value=x'.partition('='), 'key=value=x'.rpartition('='))
print('novalue'.partition('='), 'novalue'.rpartition('='))
print('a->b->c'.partition('->'), 'a->b->c'.rpartition('->'))
text = 'line1\nline2\r\nline3\rline4\n\nlast'
print(text.splitlines())
print(text.splitlines(True))
print(''.splitlines(), '\n'.splitlines(), 'x\n'.splitlines(), 'x\n\n'.splitlines())
print('a\x0bb\x0cc\x1cd\u2028e'.splitlines())
print('one\ntwo\n'.split('\n'))
try:
    'a'.partition('')
except ValueError as e:
    print(type(e).__name__, e)
