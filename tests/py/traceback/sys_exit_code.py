# sys.exit(3): no traceback, exit status 3; finally blocks still run
import sys
try:
    print('exiting with 3')
    sys.exit(3)
finally:
    print('finally runs on exit')
print('never')
