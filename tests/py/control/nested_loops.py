# nested loops: multiplication table, pairs, early exit
for i in range(1, 5):
    row = ''
    for j in range(1, 5):
        row += f'{i * j:4}'
    print(row)
pairs = []
for a in range(4):
    for b in range(a + 1, 4):
        pairs.append((a, b))
print(pairs, len(pairs))
target = 10
nums = [2, 7, 4, 6, 3]
for i in range(len(nums)):
    for j in range(i + 1, len(nums)):
        if nums[i] + nums[j] == target:
            print('pair', nums[i], nums[j])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
total = 0
for row in matrix:
    for v in row:
        if v % 2 == 0:
            continue
        total += v
print('odd total', total)
for i, row in enumerate(matrix):
    for j, v in enumerate(row):
        if i == j:
            print('diag', v)
