# three frames: module -> outer -> middle -> inner
def inner(items):
    return items[3]
def middle(items):
    return inner(items) + 1
def outer():
    data = [1, 2, 3]
    return middle(data)
outer()
