# RecursionError from unbounded recursion, caught; then normal calls still work
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(0)
except RecursionError as e:
    print('mutual:', e)
print(isinstance(RecursionError(), RuntimeError))
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(500))
print(sys.getrecursionlimit())
