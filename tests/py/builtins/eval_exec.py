x = 10
print(eval("x * 2"), eval(" 1 + 1"), eval("y + 1", {"y": 5}))
exec("z = x + 1")
print(z)
def f():
    a = 3
    return eval("a * a")
print(f())
g = {}
exec("def h(n): return n + 1", g)
print(g["h"](4), sorted(k for k in g if not k.startswith("__")))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    eval(3)
except TypeError as e:
    print(e)
print(eval("x", {"x": 1}, {"x": 2}))
