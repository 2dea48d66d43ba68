# a SyntaxError in a stdin script
printf 'x = (1,\n' | kite
