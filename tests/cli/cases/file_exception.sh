# an uncaught exception: traceback on stderr, status 1 (absolute path: CPython shows one)
kite "$PWD/raises.py"
