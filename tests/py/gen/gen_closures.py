# generators closing over variables, generator factories, and delegation chains
def make_counter_gen(step):
    def gen(start):
        n = start
        while True:
            yield n
            n += step
    return gen
by3 = make_counter_gen(3)
g = by3(1)
print([next(g) for _ in range(5)])
def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
print(list(take_while(lambda v: v < 20, by3(0))))
def tree_values(tree):
    value, children = tree
    yield value
    for child in children:
        yield from tree_values(child)
tree = (1, [(2, [(4, [])]), (3, [(5, []), (6, [])])])
print(list(tree_values(tree)), sum(tree_values(tree)))
def zip_longest_simple(a, b, fill=None):
    ia, ib = iter(a), iter(b)
    while True:
        x, y = next(ia, fill), next(ib, fill)
        if x is fill and y is fill:
            return
        yield x, y
print(list(zip_longest_simple('abc', [1])))
