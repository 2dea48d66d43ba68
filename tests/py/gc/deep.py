# Collections deep in the call stack, and very long chains (freed and collected).
import gc

gc.disable()  # deterministic: only the explicit collections below run
log = []

class Node:
    def __del__(self):
        log.append("del")

def make_cycle():
    a = Node()
    b = Node()
    a.b = b
    b.a = a

def recurse(n):
    if n == 0:
        make_cycle()
        gc.collect()
        return len(log)
    return recurse(n - 1)

print(recurse(900))

head = None
for i in range(200000):
    head = [head]
del head
print("long chain freed by reference counting")

first = []
node = first
for i in range(200000):
    nxt = []
    node.append(nxt)
    node = nxt
node.append(first)
del first, node, nxt
print(gc.collect())

d = {}
cur = d
for i in range(100000):
    cur["next"] = {}
    cur = cur["next"]
cur["back"] = d
del d, cur
print(gc.collect())
