# -h acts at once: a bad option after it is not seen
# by hand: the help text is Kite's
kite -h -z >/dev/null; echo $?
