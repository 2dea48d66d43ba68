# a module body executes once; later imports reuse sys.modules
import sys
print('before first import', 'mod_counter' in sys.modules)
import mod_counter
print('after first import', mod_counter.loads)
import mod_counter
from mod_counter import bump
print('second import did not re-run', mod_counter.loads)
print(bump(), mod_counter.loads)
def f():
    import mod_counter as again
    return again.loads
print(f(), sys.modules['mod_counter'] is mod_counter)
