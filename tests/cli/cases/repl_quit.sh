# quit() leaves
printf 'quit()\n' | kite -iq
