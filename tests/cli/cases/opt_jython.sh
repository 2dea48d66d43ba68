# -J is reserved
kite -J
