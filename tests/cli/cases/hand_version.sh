# -V and --version
# by hand: Kite prints "Kite 0.1.0 (Python 3.11.7 compatible)" where CPython prints "Python 3.11.7"
kite -V
kite --version
kite -q -V
