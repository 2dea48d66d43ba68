# sys.exit(3)
kite -c 'import sys; sys.exit(3)'
