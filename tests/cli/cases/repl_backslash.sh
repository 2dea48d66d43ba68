# a backslash continues the line
printf 'x = 1 + \\\n 2\nx\n' | kite -iq
