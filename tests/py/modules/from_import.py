# from x import y, from x import y as z, and name binding semantics
from mod_helper import greet, items, add_item as add
from math import sqrt, pi as PI
print(greet('from-import'), sqrt(81), PI)
add(1)
add(2)
print(items)
import mod_helper
print(items is mod_helper.items)
from mod_helper import GREETING
mod_helper.GREETING = 'changed'
print(GREETING, mod_helper.GREETING, greet('x'))
from mod_chain_a import A_VALUE, via_b
print(A_VALUE, via_b())
try:
    from mod_helper import does_not_exist
except ImportError as e:
    print(type(e).__name__, e.name)
