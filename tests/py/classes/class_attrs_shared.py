class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.items.append(Counter.count)
a = Counter()
b = Counter()
c = Counter()
print(Counter.count, a.count, b.items is Counter.items, Counter.items)
Counter.count = 10
print(a.count, b.count)
a.count = 5
print(a.count, b.count, Counter.count)
print(sorted(k for k in a.__dict__))
print('count' in Counter.__dict__, 'items' in Counter.__dict__)
