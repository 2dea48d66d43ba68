# global and nonlocal
count = 0
def incr():
    global count
    count += 1
    return count
incr(); incr()
print(count)
def make_global():
    global created
    created = 'yes'
make_global()
print(created)
def outer():
    x = 'outer'
    def inner():
        nonlocal x
        x = 'changed by inner'
    inner()
    return x
print(outer())
def counter():
    n = 0
    def step(by=1):
        nonlocal n
        n += by
        return n
    return step
c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())
def shadow():
    count = 100
    return count
print(shadow(), count)
def read_only():
    return count * 2
print(read_only())
def nested():
    a = 1
    def mid():
        def innermost():
            nonlocal a
            a += 1
        innermost()
        innermost()
    mid()
    return a
print(nested())
