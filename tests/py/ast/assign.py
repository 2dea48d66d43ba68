a = 1
a = b = c = 2
a, b = b, a
[a, b] = c
(a, b), c = d
a.b = c[d] = e
x: int
y: int = 5
(z): int = 1
a.b: str
a[0]: int = 1
