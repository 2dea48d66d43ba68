# a dedented line inside a block is a SyntaxError, as in CPython
printf 'def f(): return 1\nf()\n' | kite -iq
