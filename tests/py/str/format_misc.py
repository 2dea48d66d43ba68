# format() builtin and __format__ on builtins, nested field access
print(format(42), format(42, 'd'), format(42, '5'), format('x', '>3'), format(3.5), format(True), format(None))
print(format(True, 'd'), format(False, '>5'), format(1.0, 'g'), format(10, '.2f'), format(10, '%'))
print('{0}-{0!r}-{0:>4}'.format('ab'), '{a[0]}{a[1]}{b}'.format(a='xy', b=1))
print('{:>{}}'.format('r', 4), '{:{}^{}}'.format('c', '*', 7), '{0:{1}}'.format(3.14159, '.3'))
print('{} {}'.format(*'ab'), '{x} {y}'.format(**{'x': 1, 'y': 2}))
print('{:.2}'.format('abc'), '{:.2}'.format(3.14159), '{:.0%}'.format(0.555))
print('{!r:^10}'.format('s'), '{:#06x}'.format(255), '{:#_b}'.format(10), '{:+,}'.format(10**6))
print('{:-^20}'.format(' mid '), '{:=+10.2f}'.format(-3.5), '{:010.3f}'.format(-3.5))
for spec in ['{', '}', '{0', '{:invalid}', '{0[}']:
    try:
        print(spec.format(1))
    except (ValueError, IndexError, TypeError) as e:
        print(repr(spec), type(e).__name__, e)
try:
    '{1}'.format('only')
except IndexError as e:
    print(type(e).__name__, e)
try:
    '{name}'.format(other=1)
except KeyError as e:
    print(type(e).__name__, e)
