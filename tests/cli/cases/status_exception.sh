# an uncaught exception in -c
kite -c '1/0'
