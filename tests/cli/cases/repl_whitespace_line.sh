# a line of blanks does not end a block (only an empty line does)
printf 'if 1:\n  x = 1\n   \n  print(x)\n\n' | kite -iq
