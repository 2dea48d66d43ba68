# an uncaught KeyboardInterrupt: traceback, then death by SIGINT (the shell says 130)
kite -c 'raise KeyboardInterrupt'
