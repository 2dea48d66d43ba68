# string formatting of a table with alignment, totals and number formats
rows = [
    ('Widget', 4, 3.5),
    ('Gadget extra long name', 1, 129.99),
    ('Nut', 250, 0.045),
    ('Bolt', 1200, 0.1),
    ('Émail pot', 3, 12.0),
]
headers = ('Item', 'Qty', 'Unit', 'Total')
name_w = max(len(r[0]) for r in rows + [headers])
line = '+' + '-' * (name_w + 2) + '+' + '-' * 7 + '+' + '-' * 10 + '+' + '-' * 12 + '+'
print(line)
print(f'| {headers[0]:<{name_w}} | {headers[1]:>5} | {headers[2]:>8} | {headers[3]:>10} |')
print(line.replace('-', '='))
grand = 0
for name, qty, unit in rows:
    total = qty * unit
    grand += total
    print(f'| {name:<{name_w}} | {qty:>5,} | {unit:>8.3f} | {total:>10,.2f} |')
print(line)
print(f'| {"TOTAL":>{name_w}} | {sum(r[1] for r in rows):>5,} | {"":>8} | {grand:>10,.2f} |')
print(line)
print('{:^{w}}'.format(' centered title ', w=len(line)).replace(' ', '~'))
for pct in [0.0, 0.125, 0.5, 1.0]:
    bar = '#' * int(pct * 20)
    print(f'{pct:6.1%} [{bar:<20}]')
