# a command may hold several lines
kite -c 'x = 2
if x:
    print(x * 21)'
