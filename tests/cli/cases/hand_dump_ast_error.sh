# --dump-ast of a file with a SyntaxError: the error, status 1
# by hand: a Kite option; the error text is CPython's
kite --dump-ast bad_syntax.py
