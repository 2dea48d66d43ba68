for x in y:
    pass
for x, y in z:
    pass
for (a, b) in c: pass
for x in 1, 2, 3:
    pass
else:
    pass
for a.b in c: pass
for a[0] in c: pass
