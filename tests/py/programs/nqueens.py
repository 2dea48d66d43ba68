# N-queens: count all solutions and print the first board
def solve(n):
    solutions = []
    cols, d1, d2 = set(), set(), set()
    placement = []
    def place(row):
        if row == n:
            solutions.append(list(placement))
            return
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2:
                continue
            cols.add(c); d1.add(row - c); d2.add(row + c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.remove(c); d1.remove(row - c); d2.remove(row + c)
    place(0)
    return solutions
for n in range(1, 9):
    print(n, len(solve(n)))
first = solve(8)[0]
print(first)
for c in first:
    print(' '.join('Q' if i == c else '.' for i in range(8)))
print(solve(4))
