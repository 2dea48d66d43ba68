# a SyntaxError is reported at once
printf '1 +\n2\n' | kite -iq
