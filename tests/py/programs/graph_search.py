# BFS shortest paths, DFS, topological sort, connected components
edges = [('a', 'b'), ('a', 'c'), ('b', 'd'), ('c', 'd'), ('d', 'e'), ('f', 'g')]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
def bfs(start):
    dist, order, queue = {start: 0}, [], [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nb in sorted(graph[node]):
            if nb not in dist:
                dist[nb] = dist[node] + 1
                queue.append(nb)
    return dist, order
print(bfs('a'))
def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nb in sorted(graph[node]):
        if nb not in seen:
            dfs(nb, seen)
    return seen
print(dfs('a'))
comps, seen = [], set()
for n in sorted(graph):
    if n not in seen:
        comp = dfs(n)
        seen.update(comp)
        comps.append(sorted(comp))
print(comps)
deps = {'app': ['lib', 'utils'], 'lib': ['core'], 'utils': ['core'], 'core': [], 'tests': ['app']}
def topo(deps):
    out, state = [], {}
    def visit(n):
        if state.get(n) == 'done':
            return
        if state.get(n) == 'active':
            raise ValueError('cycle at ' + n)
        state[n] = 'active'
        for d in deps[n]:
            visit(d)
        state[n] = 'done'
        out.append(n)
    for n in sorted(deps):
        visit(n)
    return out
print(topo(deps))
deps['core'] = ['tests']
try:
    topo(deps)
except ValueError as e:
    print('error:', e)
