# --dis of a missing file
# by hand: a Kite option (CPython's can't-open message)
kite --dis nonexist.py
