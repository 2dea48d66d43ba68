# try/except/finally inside loops with break/continue
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('body', i)
    finally:
        print('finally', i)
results = []
for s in ['1', 'x', '3', '', '5']:
    try:
        results.append(int(s))
    except ValueError:
        results.append(None)
        continue
    else:
        results.append('ok')
print(results)
n = 0
while True:
    try:
        n += 1
        if n == 3:
            break
    finally:
        print('while finally', n)
print('n', n)
