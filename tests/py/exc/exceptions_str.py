# str() and repr() of caught built-in errors from real operations
cases = [lambda: 1 / 0, lambda: [][0], lambda: {}['k'], lambda: int('q'), lambda: None.x, lambda: 'a' + 1]
for c in cases:
    try:
        c()
    except Exception as e:
        print(repr(e))
        print(str(e))
        print(e.args)
