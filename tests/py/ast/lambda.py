f = lambda: 0
g = lambda x, y=1, *a, z, w=2, **k: x
h = lambda a, /, b, *, c: a
i = lambda *, k: k
