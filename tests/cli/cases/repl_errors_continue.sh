# an error prints a traceback and the session goes on
printf '1/0\nx = 3\nundefined\nx\n' | kite -iq
