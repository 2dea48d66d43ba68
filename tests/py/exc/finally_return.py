# finally overriding return/break, return values through finally
def f():
    try:
        return 'try'
    finally:
        print('finally runs before return')
print(f())
def g():
    try:
        return 'try'
    finally:
        return 'finally wins'
print(g())
def h():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(h())
def loop():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print('cleanup', i)
print(loop())
def brk():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'broke out, i=%d' % i
print(brk())
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print('n in finally', n)
print(counter())
def cont():
    out = []
    for i in range(3):
        try:
            continue
        finally:
            out.append(i)
    return out
print(cont())
