# list equality, ordering, containment and repr of nested/recursive structures
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 3], [2] > [1, 99], [[1, 2]] < [[1, 3]])
print([] < [0], [0] < [0, 0], ['a'] < ['b'], [1, 'a'] == [1, 'a'])
print([1, [2, 3]] in [[1, [2, 3]], 4], [2, 3] in [1, 2, 3])
x = [1, 2]
y = [x, x]
print(y, y[0] is y[1])
x.append(3)
print(y)
z = []
z.append(z)
print(z, [z, [z]])
d = {'self': None}
d['self'] = d
print(d)
print(max([[1, 2], [1, 3], [0, 9]]), sorted([[3], [1, 2], [1]]))
print([0.0] == [-0.0], [1] * 3 == [1, 1, 1], list('ab') == ['a', 'b'])
