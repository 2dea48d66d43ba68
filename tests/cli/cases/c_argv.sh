# -c: sys.argv[0] is "-c"; what follows the command is not parsed as options
kite -c 'import sys; print(sys.argv)' a -b --c
