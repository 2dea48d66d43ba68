# a directory without __main__.py: status 1
# by hand: CPython names sys.executable (a full path) where Kite says kite
kite nomain
