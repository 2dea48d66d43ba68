# failed imports raise ModuleNotFoundError / ImportError
try:
    import no_such_module_kite
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from no_such_pkg import thing
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import not_a_function
except ImportError as e:
    print(type(e).__name__, e.name)
print(issubclass(ModuleNotFoundError, ImportError))
import math
print('math still fine', math.sqrt(4))
