# output written before an uncaught error is kept; stderr holds only the traceback
import sys
for i in range(3):
    print('line', i)
print('warning: about to fail', file=sys.stderr)
x = {}['missing']
