# closures capture variables, not values
def make_adder(n):
    def add(x):
        return x + n
    return add
add5, add10 = make_adder(5), make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(); inc()
print(get())
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def make_lazy():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return fs
print([f() for f in make_lazy()])
def outer():
    v = 'before'
    def show():
        return v
    v = 'after'
    return show
print(outer()())
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
print(compose(str, abs, lambda v: v - 10)(3))
print(add5.__closure__ is not None, make_adder.__closure__)
def accumulator():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    return add
acc = accumulator()
acc(1)
print(acc(2), acc(3))
