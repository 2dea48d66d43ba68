# an unexpected indent at the prompt
printf '  1\n2\n' | kite -iq
