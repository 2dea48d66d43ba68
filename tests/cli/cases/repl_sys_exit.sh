# sys.exit() leaves with status 0
printf 'import sys\nsys.exit()\n' | kite -iq
