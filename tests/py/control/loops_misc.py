# loop patterns: sentinel loops, counters, accumulation, early return search
def first_negative(nums):
    for i, n in enumerate(nums):
        if n < 0:
            return i, n
    return None
print(first_negative([3, 0, -2, -5]), first_negative([1, 2]))
total = 0
i = 0
data = [4, 8, 15, 16, 23, 42]
while i < len(data) and total < 30:
    total += data[i]
    i += 1
print(total, i)
evens, odds = [], []
for n in range(10):
    (evens if n % 2 == 0 else odds).append(n)
print(evens, odds)
running = []
acc = 0
for n in data:
    acc += n
    running.append(acc)
print(running)
for outer in range(3):
    for inner in range(3):
        if inner == outer:
            continue
        if inner > outer:
            break
        print(outer, inner)
countdown = 3
while countdown:
    print('T-minus', countdown)
    countdown -= 1
print('liftoff')
