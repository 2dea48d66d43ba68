# uncaught TypeError: too many positional arguments
def pair(a, b):
    return (a, b)
values = [1, 2, 3]
print(pair(*values[:2]))
print(pair(*values))
