# open brackets continue, even across empty lines
printf 'x = (1,\n\n2)\nx\n[1,\n 2]\n' | kite -iq
