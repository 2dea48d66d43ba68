# dict error cases and messages
d = {'a': 1}
for f in [lambda: d['b'], lambda: d[[]], lambda: d.pop('z'), lambda: {}.popitem(),
          lambda: dict(1), lambda: dict([1]), lambda: dict([('a',)]), lambda: d.update([1, 2]),
          lambda: {**[1]}, lambda: d.fromkeys(1), lambda: d < d, lambda: d + d, lambda: dict(a=1, **{'a': 2})]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
