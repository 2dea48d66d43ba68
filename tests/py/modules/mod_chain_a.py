# helper module: imports another helper module at import time
import mod_chain_b
A_VALUE = mod_chain_b.B_VALUE * 2
def via_b():
    return mod_chain_b.shout('chained')
