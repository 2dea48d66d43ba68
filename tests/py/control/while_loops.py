# while loops with break/continue/else
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('n =', n)
else:
    print('while else ran, n =', n)
i = 0
while True:
    i += 1
    if i > 3:
        break
    print('i', i)
else:
    print('not printed')
print('after break, i =', i)
k = 10
while k:
    k -= 3
    if k < 0:
        print('went negative', k)
        break
count = 0
while count < 3:
    count += 1
else:
    print('done', count)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 1000
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print('collatz steps', steps)
