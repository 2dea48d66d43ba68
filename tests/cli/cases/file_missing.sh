# a missing script: status 2, CPython message with the absolute path
kite nonexist.py
