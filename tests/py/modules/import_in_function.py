# imports inside functions bind local names; module globals are shared
def use_math():
    import math
    return math.factorial(5)
print(use_math())
print('math' in globals())
def use_helper():
    from mod_helper import add_item, items
    add_item('x')
    return items
print(use_helper(), use_helper())
import mod_helper
print(mod_helper.items)
