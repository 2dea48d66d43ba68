# EOF inside a block runs it
printf 'if 1:\n  print(1)\n' | kite -iq
