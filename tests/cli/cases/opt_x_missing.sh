# -X needs an argument
kite -X
