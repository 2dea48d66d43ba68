# function scope subtleties: default capture, closures in loops, recursion via name lookup
def make():
    fns = []
    for i in range(3):
        def f(x, i=i):
            return x + i
        fns.append(f)
    return fns
print([f(10) for f in make()])
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
alias = fact
print(alias(6))
def outer():
    results = []
    def record(v):
        results.append(v)
    for v in 'abc':
        record(v)
    return results
print(outer())
x = 'global x'
def reads_global():
    return x
def shadows():
    x = 'local x'
    return reads_global(), x
print(shadows())
def counter_gen():
    count = 0
    def tick():
        nonlocal count
        count += 1
        return count
    return [tick() for _ in range(3)], tick()
print(counter_gen())
