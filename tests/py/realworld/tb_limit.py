# a traceback longer than sys.tracebacklimit (1000) shows only the newest 1000 entries
import sys
sys.setrecursionlimit(1200)
def f():
    f()
f()
