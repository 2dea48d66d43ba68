# tuple methods, conversions and namedtuple-free record handling
rec = ('Ann', 31, 'eng')
name, age, dept = rec
print(f'{name} is {age} in {dept}', rec.index('eng'), rec.count(31))
recs = [rec, ('Bob', 25, 'ops'), ('Cy', 31, 'eng')]
print(sorted(recs, key=lambda r: (r[1], r[0])))
print([r[0] for r in recs if r[2] == 'eng'])
print(tuple(map(len, ('a', 'bb'))), tuple(zip((1, 2), 'ab')), tuple(enumerate('x')))
print(tuple(range(0)), (1,) * 0, (1, 2) * 2, (1, 2) + (3,), ((1, 2),) + ((3, 4),))
print(len((1, (2, 3), [4, 5, 6])), (1, 2, 3)[-2], (1, 2, 3)[5:], (1, 2, 3)[::-2])
print(str((1, 'a')), repr((1.5, None, True)), (('nested',),))
t = (3, 1, 2)
print(sorted(t), tuple(sorted(t)), min(t), max(t), sum(t), any(t), all(t + (0,)))
print((1, 2) < (1, 2, 3), (2,) > (1, 9, 9), () == tuple(), (None,) != (None, None))
