# -c runs a string
kite -c 'print(1 + 1)'
