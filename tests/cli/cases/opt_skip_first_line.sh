# -x skips the first line of the script, keeping line numbers
kite -x skipline.py a
