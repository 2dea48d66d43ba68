# SystemExit with a string: printed on stderr, status 1
kite -c 'raise SystemExit("bye")'
