# return values: implicit None, multiple values, returning functions, early exit in loops
def nothing():
    x = 1
def bare():
    return
def multi():
    return 1, 2
def nested_return(n):
    for i in range(n):
        for j in range(n):
            if i * j == 4:
                return i, j
    return 'not found'
print(nothing(), bare(), multi(), nested_return(5), nested_return(2))
def sign(n):
    if n > 0:
        return 1
    elif n < 0:
        return -1
    return 0
print([sign(v) for v in (-5, 0, 5)])
def chooser(kind):
    def add(a, b):
        return a + b
    def mul(a, b):
        return a * b
    return add if kind == 'add' else mul
print(chooser('add')(3, 4), chooser('mul')(3, 4))
def returns_in_try():
    try:
        return 'from try'
    except Exception:
        return 'from except'
print(returns_in_try())
