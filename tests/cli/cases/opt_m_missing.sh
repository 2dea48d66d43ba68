# -m needs an argument
kite -m
