# set error messages
s = {1, 2}
for f in [lambda: s.remove(3), lambda: set().pop(), lambda: s.add([]), lambda: {{1}},
          lambda: s | [3], lambda: s < [1], lambda: s + s, lambda: s[0], lambda: frozenset([1]).remove(1),
          lambda: set(5), lambda: s.update(5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
