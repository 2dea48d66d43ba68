# sorting records with key functions: stable multi-pass sorts, reverse=True
people = [
    {'name': 'Ann', 'dept': 'eng', 'age': 31, 'salary': 120},
    {'name': 'Bob', 'dept': 'ops', 'age': 45, 'salary': 95},
    {'name': 'Cid', 'dept': 'eng', 'age': 28, 'salary': 120},
    {'name': 'Dee', 'dept': 'hr', 'age': 31, 'salary': 70},
    {'name': 'Eve', 'dept': 'ops', 'age': 28, 'salary': 95},
    {'name': 'Fay', 'dept': 'eng', 'age': 39, 'salary': 150},
]
def show(title, rows):
    print(title + ':', ', '.join(f"{p['name']}({p['dept']},{p['age']},{p['salary']})" for p in rows))
show('by age', sorted(people, key=lambda p: p['age']))
show('by salary desc', sorted(people, key=lambda p: p['salary'], reverse=True))
show('by dept then name', sorted(people, key=lambda p: (p['dept'], p['name'])))
show('dept asc, salary desc', sorted(people, key=lambda p: (p['dept'], -p['salary'])))
step = sorted(people, key=lambda p: p['name'], reverse=True)
step = sorted(step, key=lambda p: p['age'])
show('two-pass stable', step)
show('reverse keeps ties in order', sorted(people, key=lambda p: p['age'], reverse=True))
by_dept = {}
for p in people:
    by_dept.setdefault(p['dept'], []).append(p['salary'])
for d in sorted(by_dept, key=lambda d: -sum(by_dept[d]) / len(by_dept[d])):
    s = by_dept[d]
    print(f'{d:>4}: n={len(s)} avg={sum(s) / len(s):.2f} max={max(s)}')
oldest = max(people, key=lambda p: (p['age'], p['name']))
print('oldest', oldest['name'], 'youngest', min(people, key=lambda p: p['age'])['name'])
