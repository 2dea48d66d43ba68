# -V is acted on after the whole command line is parsed
kite -V -z
