# f-strings incl. nested specs, conversions and '='
name, n, pi = 'Ada', 42, 3.14159
print(f'hello {name}!', f'{n + 1}', f'{n * 2:>6}', f'{pi:.2f}', f'{"quoted"}')
w, p = 10, 3
print(f'[{pi:{w}.{p}f}]', f'[{name:^{w}}]', f'[{n:{"0"}{w}d}]')
print(f'{name!r} {name!s} {"é"!a} {name!r:>8}')
print(f'{n=}', f'{pi=:.1f}', f'{name = }', f'{n+1=}', f'{name=!s}', f'{name=!r:>8}')
print(f'{{braces}} {{{n}}}')
d = {'k': [1, 2]}
print(f"{d['k'][1]}", f'{d["k"]}', f'{len(d)}')
print(f'{n:#x} {n:08b} {n:,} {1234567.891:_.2f} {0.5:%}')
print(f'{"nested " + f"{n}"}')
print(f'{[x * 2 for x in range(3)]}', f'{(lambda v: v + 1)(5)}', f'{n if n > 10 else 0}')
x = 'é€'
print(f'{x!a}', f'{x:*^6}', f'{x!r:-<8}')
print(f'{3.0}', f'{1e20}', f'{1/3}', f'{-0.0}', f'{True}', f'{None}')
print(f'multi {n} '
      f'line {name}')
print(f'{n!s:>{w}}|')
