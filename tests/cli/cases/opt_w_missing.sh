# -W needs an argument
kite -W
