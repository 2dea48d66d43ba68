# common runtime errors from containers and conversions
def unpack2(s):
    a, b = s
    return a, b
ops = {
    'list.remove': lambda: [1].remove(5),
    'tuple.index': lambda: (1,).index(5),
    'dict iter mutate': None,
    'str * float': lambda: 'ab' * 1.5,
    'int() of list': lambda: int([1]),
    'float of str': lambda: float('one'),
    'str.join non-str': lambda: ''.join([1, 2]),
    'sorted mixed': lambda: sorted([1, 'a', 2]),
    'unpack str': lambda: unpack2('abc'),
    'range float': lambda: range(2.0),
    'bad base': lambda: int('12', 1),
}
for name, op in ops.items():
    if op is None:
        d = {1: 1}
        try:
            for k in d:
                d[k + 1] = 0
        except RuntimeError as e:
            print(name, '->', type(e).__name__, e)
        continue
    try:
        op()
    except Exception as e:
        print(name, '->', type(e).__name__, e)
