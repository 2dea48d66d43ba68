# printf-style % formatting
print('%d %i %s %r' % (42, -7, 'str', 'repr'))
print('%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %#x %o %#o' % (255, 255, 255, 8, 8))
print('%f %.2f %10.3f %-10.1f| %e %.3E %g %G' % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 0.00001234, 1e20))
print('%s' % (1, ), '%s' % [1, 2], '%s %s' % ('a', 'b'), '%%', '%c%c' % (65, 'z'))
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30})
print('%*d|%-*d|%.*f' % (6, 1, 4, 2, 2, 3.14159))
print('%s' % None, '%r' % 'x', '%a' % 'é', '%5s|%-5s|' % ('ab', 'cd'), '%.2s' % 'abcdef')
print('%d' % 3.99, '%d' % True, '%s' % True, '%x' % -255, '%.0f' % 2.5, '%.0f' % 3.5)
print('%g %g %g %g' % (100000, 1000000, 0.0001, 0.00001))
print('%10.4g|%-10.2e|' % (3.14159265, 31415.9))
print('%s and %s' % ((1, 2), [3]))
for bad in [lambda: '%d' % 'x', lambda: '%s %s' % ('a',), lambda: '%s' % ('a', 'b'), lambda: '%z' % 1,
            lambda: '%(k)s' % {'j': 1}, lambda: '%c' % 'ab']:
    try:
        print(bad())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
