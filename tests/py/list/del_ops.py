# del on lists, slices, and list as a stack/queue
a = list(range(10))
del a[0]; print(a)
del a[-1]; print(a)
del a[2:4]; print(a)
del a[::2]; print(a)
del a[:]; print(a)
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print('pop', stack.pop(), end='; ')
print()
queue = ['a', 'b', 'c']
queue.append('d')
print(queue.pop(0), queue.pop(0), queue)
b = [1, 2, 3]
try:
    del b[5]
except IndexError as e:
    print(type(e).__name__, e)
x = [5, 3, 8]
x[len(x):] = [9, 10]
x[:0] = [0]
print(x)
x[1:1] = ['ins']
print(x)
print(list(reversed(x)), x[-2::-2])
print(len([None] * 1000), sum([1] * 1000))
big = []
for i in range(10000):
    big.append(i)
print(len(big), big[-1], sum(big))
while len(big) > 3:
    big.pop()
print(big)
