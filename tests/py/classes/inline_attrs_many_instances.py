class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
head = None
for i in range(1000):
    head = Node(i, head)
total = 0
n = head
while n:
    total += n.val
    n = n.next
print(total)
class Wide:
    pass
objs = []
for i in range(50):
    w = Wide()
    for j in range(i % 9):
        setattr(w, 'a%d' % j, j)
    objs.append(w)
print(sum(len(vars(o)) for o in objs))
print(sorted(vars(objs[8])))
class Cyc:
    pass
for i in range(100):
    x = Cyc()
    x.me = x
    x.other = [x]
import gc
gc.collect()
print('ok')
