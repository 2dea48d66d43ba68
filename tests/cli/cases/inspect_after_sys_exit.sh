# -i after SystemExit: printed as a traceback, then the REPL
kite -i -c 'import sys; sys.exit(4)'
