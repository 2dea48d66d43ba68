a = {}
b = {1: 2}
c = {'a': 1, **d, 'b': 2}
d = {**a, **b}
e = {k: v for k, v in x}
