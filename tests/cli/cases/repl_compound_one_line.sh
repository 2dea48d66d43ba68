# a one-line compound statement still waits for an empty line
printf 'if 1: print(1)\n\nfor i in range(2): i\n\n' | kite -iq
