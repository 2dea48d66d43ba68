if (n := len(a)) > 10:
    pass
print(x := 5)
[y := f(x), y**2]
while chunk := read():
    pass
