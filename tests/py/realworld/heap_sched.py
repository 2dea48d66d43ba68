class MinHeap:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def __bool__(self):
        return bool(self.items)
    def push(self, item):
        a = self.items
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if a[i] < a[p]:
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break
    def pop(self):
        a = self.items
        if not a:
            raise IndexError("pop from empty heap")
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            n = len(a)
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                s = i
                if l < n and a[l] < a[s]: s = l
                if r < n and a[r] < a[s]: s = r
                if s == i: break
                a[i], a[s] = a[s], a[i]
                i = s
        return top

h = MinHeap()
for x in [5, 3, 9, 1, 7, 2, 8, 6, 4, 0]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print("error:", e)

tasks = MinHeap()
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship")]:
    tasks.push((prio, name))
while tasks:
    p, n = tasks.pop()
    print(f"{p}: {n}")

def dijkstra(graph, src):
    dist = {src: 0}
    pq = MinHeap()
    pq.push((0, src))
    seen = set()
    while pq:
        d, u = pq.pop()
        if u in seen: continue
        seen.add(u)
        for v, w in graph.get(u, []):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                pq.push((nd, v))
    return dist

g = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 5)], "B": [("D", 1)], "D": []}
print(sorted(dijkstra(g, "A").items()))
