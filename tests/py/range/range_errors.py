# range argument and operation errors
for f in [lambda: range(), lambda: range(1, 2, 3, 4), lambda: range('1'), lambda: range(1, 10, 0),
          lambda: range(5)[10], lambda: range(5)['a'], lambda: range(3).index(5), lambda: range(3) + range(2),
          lambda: range(3) * 2]:
    try:
        print(f())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
r = range(3)
try:
    r[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.start = 5
except AttributeError as e:
    print(type(e).__name__, e)
