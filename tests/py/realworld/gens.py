def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

print(list(take(15, fib())))

def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        count += 1
        avg = total / count
    return total

g = running_avg()
next(g)
for v in [10, 20, 30, 45]:
    print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside:", e)
        yield "recovered"
    finally:
        print("finally in gen")

g = guarded()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
g2 = guarded()
print(next(g2))
g2.close()
print(list(guarded()))

def chain(*its):
    for it in its:
        yield from it

def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(chain("ab", [1, 2], range(3))), list(flatten([1, [2, [3, [4, []]], 5]])))
squares = (n * n for n in range(10) if n % 2)
print(squares.__class__.__name__, sum(squares), sum(squares))
def pipeline(lines):
    stripped = (l.strip() for l in lines)
    nonblank = (l for l in stripped if l and not l.startswith("#"))
    pairs = (l.split("=", 1) for l in nonblank)
    return {k.strip(): v.strip() for k, v in pairs}
print(pipeline(["# config", "a = 1", "", "  b=two  ", "c = x=y"]))
def gen_with_return():
    yield 1
    return "done"
def delegator():
    r = yield from gen_with_return()
    yield r
print(list(delegator()))
gi = fib()
print(next(gi), next(gi), gi.__name__, type(gi).__name__)
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset": n = 0
        else: n += 1
c = counter(); next(c)
print([c.send(x) for x in [None, None, "reset", None]])
try:
    next(x for x in [])
except StopIteration:
    print("empty genexp")
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
z = zip(fib(), "abc")
print(list(z), list(map(lambda a, b: a * b, range(5), fib())))
print(list(enumerate("xyz", 10)), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(any(x > 5 for x in fib()), all(x < 100 for x in take(5, fib())))
g = (i for i in range(3))
print(next(g), list(g), list(g))
