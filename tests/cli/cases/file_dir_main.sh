# a directory runs its __main__.py
kite appdir x
