graph = {
    "a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": [], "g": ["a"],
}

def bfs(g, start):
    order, queue, seen = [], [start], {start}
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nb in g[node]:
            if nb not in seen:
                seen.add(nb)
                queue.append(nb)
    return order

def dfs(g, node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nb in g[node]:
        if nb not in seen:
            dfs(g, nb, seen)
    return seen

def paths(g, a, b, path=()):
    path = path + (a,)
    if a == b:
        yield path
        return
    for nb in g[a]:
        yield from paths(g, nb, b, path)

def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out

print(bfs(graph, "a"))
print(dfs(graph, "g"))
for p in paths(graph, "a", "f"):
    print(" -> ".join(p))
print(topo(graph))
grid = ["S.#.....", ".##.###.", "....#...", "##.##.#E", "........"]
def solve(grid):
    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
    prev = {start: None}
    q = [start]
    while q:
        r, c = q.pop(0)
        if grid[r][c] == "E":
            path = []
            cur = (r, c)
            while cur:
                path.append(cur)
                cur = prev[cur]
            return path[::-1]
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = (r, c)
                q.append((nr, nc))
path = solve(grid)
print(len(path), path[:4])
canvas = [list(row) for row in grid]
for r, c in path[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
