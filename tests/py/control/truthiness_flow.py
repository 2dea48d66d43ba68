# and/or return operands; used for defaults and guards in control flow
def describe(x):
    return x and 'truthy' or 'falsy'
print([describe(v) for v in [0, 1, '', 'a', [], [0], None]])
config = {'retries': 0, 'name': ''}
print(config.get('retries') or 3, config.get('name') or 'anonymous', config.get('timeout') or 30)
items = []
print(items and items[0], (items or ['default'])[0])
x = None
y = x or []
y.append(1)
print(x, y)
print(1 and 2 and 3, 1 and 0 and 3, 0 or '' or None, 0 or '' or 'last')
n = 5
print(n > 3 and 'big', n > 10 and 'huge', n > 10 or 'not huge')
while items or n > 3:
    n -= 1
    print('loop', n)
