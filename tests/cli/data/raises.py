def f(n):
    return 10 // n

print("before")
f(0)
