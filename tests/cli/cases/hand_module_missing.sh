# -m with a module that does not exist: status 1
# by hand: CPython names sys.executable (a full path) where Kite says kite
kite -m nosuch
