def add(a, b=2):
    return a + b

class Point:
    x: int = 0

for i in range(3):
    if i % 2:
        print(add(i), [i, *()], {'k': i})
