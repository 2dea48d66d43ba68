# -m runs a module found in the current directory as __main__
kite -m mymod a -b
