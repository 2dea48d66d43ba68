a, *b = c
*a, b = c
f(*x, *y)
x = [*a, *b]
y = {*a, *b}
return_value = (*a, b)
for *a, b in c: pass
