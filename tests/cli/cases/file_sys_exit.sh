# sys.exit(n) gives status n
kite exits.py
