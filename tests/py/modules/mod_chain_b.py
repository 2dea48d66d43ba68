# helper module imported by mod_chain_a
B_VALUE = 21
def shout(s):
    return s.upper() + '!'
