# callable(), classes as callables, builtins as values in data structures
table = {'len': len, 'upper': str.upper, 'sorted': sorted, 'sum': sum, 'abs': abs}
print(table['len']('hello'), table['upper']('kite'), table['sorted']('cba'), table['sum']([1, 2]), table['abs'](-3))
convs = [int, float, str, bool, list, tuple]
print([c('1') if c not in (list, tuple) else c('12') for c in convs])
print([callable(x) for x in [len, 'len', int, 3, lambda: 0, print, None, [].append]])
apply_all = lambda fs, v: [f(v) for f in fs]
print(apply_all([abs, str, float, lambda v: v * 2], -4))
print(sorted([3, -5, 1], key=abs), max('apple', 'fig', key=len), list(map(int.__neg__, [1, 2])))
print(list(map(str.__len__, ['ab', 'c'])), sorted(['b', 'A'], key=str.lower))
