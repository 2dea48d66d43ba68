# nested lists, aliasing, shallow copies, equality
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 3] * 3
alias[1][1] = 5
print(alias)
m = [[1, 2], [3, 4]]
shallow = m[:]
shallow[0][0] = 99
shallow[1] = 'replaced'
print(m, shallow)
c = list(m)
print(c == m, c is m, c[0] is m[0])
t = [row[:] for row in m]
t[0][1] = -1
print(m, t)
flat = [x for row in [[1, 2], [3], [], [4, 5, 6]] for x in row]
print(flat)
transposed = [list(r) for r in zip(*[[1, 2, 3], [4, 5, 6]])]
print(transposed)
a = [1, 2]
a.append(a)
print(a)
print([[1, 2], [3]] == [[1, 2], [3]], [[1]] < [[1, 0]], [1, [2]] != [1, [3]])
