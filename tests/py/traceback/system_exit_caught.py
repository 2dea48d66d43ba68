# catching SystemExit and inspecting its code, then exiting with a different status
import sys
for arg in [None, 0, 2, 'text']:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print('caught SystemExit', repr(e.code), e.args)
try:
    exit_code = 4
    raise SystemExit(exit_code)
except BaseException as e:
    print(type(e).__name__, e.code)
sys.exit(2)
