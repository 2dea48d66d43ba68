# -i: the REPL follows the command (no banner), prompts on stderr
printf 'x * 2\n' | kite -i -c 'x = 21'
