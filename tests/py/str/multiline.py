# triple-quoted strings, line handling, dedent-free processing
poem = """\
Roses are red,
  Violets are blue,
	Tabs and spaces
end"""
print(poem)
lines = poem.splitlines()
print(len(lines), [len(l) for l in lines])
print([l.strip() for l in lines])
print([l.expandtabs(4) for l in lines])
numbered = '\n'.join(f'{i:>2}| {l}' for i, l in enumerate(lines, 1))
print(numbered)
print(poem.count('\n'), poem.upper().splitlines()[0], poem[-3:])
csv = 'name,age\nann,30\nbob,25\n'
header, *rows = [r.split(',') for r in csv.strip().split('\n')]
print(header, rows, [dict(zip(header, r)) for r in rows])
