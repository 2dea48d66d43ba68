# keyword-only and positional-only parameters
def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2), kwonly(1, c=5, b=4))
def posonly(a, b, /, c, *, d):
    return a, b, c, d
print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))
def mixed(a, /, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3), mixed(1, 2, 3, 4, c=5, e=6), mixed(1, b=9, c=0))
def po_and_kw(x, /, **kw):
    return x, kw
print(po_and_kw(1, x=2))
for call in [lambda: kwonly(1, 2), lambda: kwonly(1), lambda: posonly(1, b=2, c=3, d=4),
             lambda: posonly(1, 2, 3, 4), lambda: mixed(c=1), lambda: kwonly(1, b=2, z=0)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
