# AttributeError messages for builtins, modules and simple classes
import math
def t(f):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
t(lambda: [].foo)
t(lambda: (1, 2).append)
t(lambda: {}.add)
t(lambda: 'abc'.push)
t(lambda: (5).real.bad)
t(lambda: None.strip())
t(lambda: math.tau2)
t(lambda: setattr([], 'x', 1))
t(lambda: setattr('s', 'upper', 1))
class Plain:
    pass
p = Plain()
t(lambda: p.missing)
t(lambda: Plain.missing)
t(lambda: delattr(p, 'x'))
t(lambda: (1.5).is_integer.nope)
t(lambda: len.__foo__)
