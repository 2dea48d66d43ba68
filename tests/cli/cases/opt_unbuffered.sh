# -u: stdout and stderr unbuffered, so they interleave in order
kite -u -c 'import sys; print(1); sys.stderr.write("two\n"); print(3)' 2>&1
