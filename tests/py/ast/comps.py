a = [x for x in y]
b = [x * y for x in a for y in b if x if y]
c = (x for x in y)
d = {x: y for x in a if x for y in b}
e = [[y for y in x] for x in z]
