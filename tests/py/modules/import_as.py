# import x as z, import a, b, and module identity
import math as m, sys as system
import mod_helper as h
import mod_helper
print(m.floor(3.7), system.maxsize > 0, h.greet('alias'))
print(h is mod_helper, m is system.modules['math'])
import mod_chain_a as ca
print(ca.A_VALUE, ca.mod_chain_b.B_VALUE, 'mod_chain_b' in system.modules)
del h
print('h' in dir(), 'mod_helper' in dir())
