# send(): values flow into generators
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
acc = accumulator()
print(next(acc))
print(acc.send(10), acc.send(5), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print('stopped', e.value)
def echo():
    received = yield 'ready'
    while True:
        received = yield f'echo: {received}'
e = echo()
print(e.send(None), e.send('hi'), e.send(42))
def averager():
    total, count, avg = 0.0, 0, None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 60]:
    print('avg', a.send(v))
g = echo()
try:
    g.send('too early')
except TypeError as ex:
    print(type(ex).__name__, ex)
