# -c needs an argument
kite -c
