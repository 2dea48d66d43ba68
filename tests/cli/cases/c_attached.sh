# the -c argument may be attached to the option
kite '-cprint(7)'
