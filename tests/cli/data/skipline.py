this first line is not Python (-x skips it)
import sys
print("ran", sys.argv[1:])
