# -i after an uncaught exception
kite -i -c '1/0'
