# -X gc-stats: collector statistics per generation on stderr at exit (stdout untouched)
# by hand: a Kite option
kite -X gc-stats -c 'import gc; gc.collect(); print("done")' 2>/dev/null
kite -X gc-stats -c 'import gc; gc.collect(); print("done")' 2>&1 >/dev/null | sed -e 's/[0-9][0-9]* collections/N collections/' -e 's/[0-9][0-9]* collected/N collected/'
