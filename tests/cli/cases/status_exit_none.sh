# SystemExit with no argument: status 0
kite -c 'raise SystemExit'
