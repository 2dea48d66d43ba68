# -h, -? and --help: the usage line then the options, on stdout, status 0
# by hand: the option list is Kite's (CPython's shape, Kite's options)
kite -h
kite -? >/dev/null && kite --help >/dev/null && echo same
