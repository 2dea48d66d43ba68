# lists of lists as matrices: rotate, spiral, flatten, reshape
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
rot = [list(r) for r in zip(*m[::-1])]
print(rot)
print([list(r) for r in zip(*m)][::-1])
def spiral(m):
    out = []
    m = [row[:] for row in m]
    while m:
        out += m.pop(0)
        m = [list(r) for r in zip(*m)][::-1]
    return out
print(spiral(m), spiral([[1, 2, 3, 4], [5, 6, 7, 8]]))
flat = [v for row in m for v in row]
print(flat, [flat[i:i + 2] for i in range(0, len(flat), 2)])
print([sum(r) for r in m], [sum(c) for c in zip(*m)], sum(m[i][i] for i in range(3)))
print(m)
