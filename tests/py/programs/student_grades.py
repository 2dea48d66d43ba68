# student grades: parsing records, statistics, letter grades, ranking
RAW = """alice:88,92,79
bob:75,64,81
carol:95,98,100
dave:55,61,48
erin:88,92,79
frank:70,
"""
def letter(avg):
    for cutoff, g in [(90, 'A'), (80, 'B'), (70, 'C'), (60, 'D')]:
        if avg >= cutoff:
            return g
    return 'F'
students = {}
for line in RAW.strip().splitlines():
    name, _, scores = line.partition(':')
    try:
        students[name] = [int(s) for s in scores.split(',')]
    except ValueError as e:
        print(f'skipping {name}: {e}')
ranked = sorted(students, key=lambda n: (-sum(students[n]), n))
for rank, name in enumerate(ranked, 1):
    sc = students[name]
    avg = sum(sc) / len(sc)
    print(f'{rank}. {name:<6} {sc} avg={avg:6.2f} {letter(avg)}')
all_scores = [s for sc in students.values() for s in sc]
mean = sum(all_scores) / len(all_scores)
var = sum((s - mean) ** 2 for s in all_scores) / len(all_scores)
print(f'mean={mean:.3f} std={var ** 0.5:.3f} min={min(all_scores)} max={max(all_scores)}')
s = sorted(all_scores)
mid = len(s) // 2
print('median', (s[mid - 1] + s[mid]) / 2 if len(s) % 2 == 0 else s[mid])
dist = {}
for n, sc in students.items():
    dist.setdefault(letter(sum(sc) / len(sc)), []).append(n)
print(dict(sorted(dist.items())))
