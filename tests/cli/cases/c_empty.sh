# an empty command does nothing
kite -c ''
