import sys
print("appdir main", sys.argv)
