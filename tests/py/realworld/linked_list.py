class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head); self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self): return self.size
    def __repr__(self): return "LL[" + " -> ".join(map(str, self)) + "]"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def __getitem__(self, i):
        if i < 0: i += self.size
        for k, v in enumerate(self):
            if k == i: return v
        raise IndexError("LinkedList index out of range")
ll = LinkedList(range(1, 6))
print(ll, len(ll), ll[0], ll[-1], list(ll.reverse()), sum(ll), 3 in ll, max(ll))
try:
    ll[10]
except IndexError as e:
    print(e)
class LRU:
    def __init__(self, cap):
        self.cap, self.d = cap, {}
    def get(self, k):
        if k not in self.d: return -1
        v = self.d.pop(k); self.d[k] = v
        return v
    def put(self, k, v):
        self.d.pop(k, None)
        self.d[k] = v
        if len(self.d) > self.cap:
            del self.d[next(iter(self.d))]
c = LRU(2)
c.put(1, 1); c.put(2, 2); print(c.get(1)); c.put(3, 3); print(c.get(2)); c.put(4, 4)
print(c.get(1), c.get(3), c.get(4), list(c.d.items()))
class Trie:
    def __init__(self): self.root = {}
    def insert(self, w):
        node = self.root
        for ch in w: node = node.setdefault(ch, {})
        node["$"] = True
    def starts(self, p):
        node = self.root
        for ch in p:
            if ch not in node: return []
            node = node[ch]
        out = []
        def walk(n, acc):
            for k in sorted(n):
                if k == "$": out.append(p + acc)
                else: walk(n[k], acc + k)
        walk(node, "")
        return out
t = Trie()
for w in "car cart care cat dog dot do".split(): t.insert(w)
print(t.starts("ca"), t.starts("do"), t.starts("z"))
