# exceptions propagating through call frames and cleanup order
def level3():
    print('level3 start')
    raise RuntimeError('deep')
def level2():
    try:
        level3()
    finally:
        print('level2 finally')
def level1():
    try:
        level2()
    except KeyError:
        print('not this one')
    print('unreachable')
try:
    level1()
except RuntimeError as e:
    print('caught at top:', e)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float('inf')
    finally:
        print('divided', a, b)
print(safe_div(1, 2), safe_div(1, 0))
def parse_all(items):
    out, errs = [], []
    for it in items:
        try:
            out.append(int(it))
        except (ValueError, TypeError) as e:
            errs.append(type(e).__name__)
    return out, errs
print(parse_all(['1', 'two', None, '4', [5]]))
