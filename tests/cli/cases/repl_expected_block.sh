# an empty line where a block must start
printf 'if 1:\n\n5\n' | kite -iq
