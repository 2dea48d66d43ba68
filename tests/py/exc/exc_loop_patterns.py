# exceptions as control flow: EAFP lookups, retry loops, cleanup accounting
d = {'a': 1}
def lookup(k):
    try:
        return d[k]
    except KeyError:
        return f'no {k}'
print(lookup('a'), lookup('b'))
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f'attempt {attempts} failed')
    return 'connected'
for i in range(5):
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print('retry after:', e)
else:
    print('gave up')
opened = []
def use(name, fail):
    opened.append(name)
    try:
        if fail:
            raise RuntimeError(name)
        return 'used ' + name
    finally:
        opened.remove(name)
for name, fail in [('r1', False), ('r2', True)]:
    try:
        print(use(name, fail))
    except RuntimeError as e:
        print('failed', e)
print('still open:', opened)
print(issubclass(ConnectionError, OSError))
