# control flow across nested functions: early returns, loops with inner helpers
def process(rows):
    def valid(r):
        return isinstance(r, int) and r >= 0
    out = []
    for r in rows:
        if not valid(r):
            if r is None:
                break
            continue
        out.append(r * 2)
    else:
        out.append('complete')
    return out
print(process([1, -2, 'x', 3]), process([1, None, 3]))
def find(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return -1, -1
g = [[1, 2], [3, 4]]
print(find(g, 4), find(g, 9))
def classify_all(vals):
    res = {}
    for v in vals:
        key = 'neg' if v < 0 else 'zero' if v == 0 else 'pos'
        res.setdefault(key, []).append(v)
    return res
print(classify_all([3, -1, 0, 7, -4]))
