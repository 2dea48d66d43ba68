# the REPL on a pipe (-i): expression values are printed, None is not
printf '1 + 2\nNone\nx = 5\nx\n"s"\n' | kite -iq
