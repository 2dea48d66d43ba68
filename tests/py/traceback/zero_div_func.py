# uncaught error two frames deep
def ratio(x, y):
    return x // y
total = 7
print(ratio(total, 2))
print(ratio(total, 0))
