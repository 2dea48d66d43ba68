# --dis needs an argument (CPython's message for long options)
# by hand: a Kite option
kite --dis
