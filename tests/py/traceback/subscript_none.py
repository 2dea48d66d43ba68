# uncaught TypeError: subscripting None returned from a function
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            return (i, v)
pos = find([1, 2, 3], 2)
print(pos[0])
missing = find([1, 2, 3], 9)
print(missing[0])
