# NameError and UnboundLocalError messages (3.11 wording)
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
def f():
    print(y)
    y = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
counter = 0
def bump():
    counter += 1
try:
    bump()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    return undefined_global
try:
    g()
except NameError as e:
    print(type(e).__name__, e, isinstance(e, UnboundLocalError))
def outer():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print('closure', type(e).__name__, e)
    z = 1
outer()
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
try:
    prnt('typo')
except NameError as e:
    print(type(e).__name__, e)
