# an unknown option: status 2, usage on stderr
kite -z
