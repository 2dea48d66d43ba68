# --dump-ast FILE prints ast.dump(ast.parse(src), indent=2)
# by hand: a Kite option; the expected text is CPython's ast.dump(..., indent=2)
kite --dump-ast small.py
