# finally blocks in generators run on exhaustion, close, and break from loop
def resource(name):
    print('open', name)
    try:
        for i in range(3):
            yield f'{name}-{i}'
    finally:
        print('close', name)
for item in resource('A'):
    print(item)
g = resource('B')
print(next(g))
g.close()
h = resource('C')
for item in h:
    print(item)
    if item.endswith('1'):
        break
h.close()
print('after break')
def gen_try_except():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
t = gen_try_except()
next(t)
t.close()
print('end')
