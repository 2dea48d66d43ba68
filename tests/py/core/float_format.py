# float formatting: str/repr/format/%/f-string agree on the shortest repr
vals = [0.0, 1.0, 0.5, 0.1, 1/3, 2/3, 100.0, 1e15, 1e16, 1.5e16, 1e-4, 1e-5, 123456.789, -2.5, 1e300, 5e-324]
for v in vals:
    print(repr(v), str(v), f'{v}', '%s' % v, '%r' % v, format(v), format(v, 'g'), format(v, '.3g'))
for v in [3.14159, -0.0005, 12345.6789]:
    print(f'{v:f}|{v:.1f}|{v:e}|{v:.2E}|{v:g}|{v:G}|{v:%}|{v:10.4}|{v:<12.3f}|{v:+.0f}')
print('%.3f %.0e %g %10.2f|' % (2.0005, 15000, 2.5e-5, -3.14159))
print(round(2.5), f'{2.5:.0f}', f'{3.5:.0f}', f'{0.125:.2f}', f'{0.375:.2f}')
print(f'{1e22:.0f}', f'{2**0.5:.15f}', f'{2**0.5:.17g}')
