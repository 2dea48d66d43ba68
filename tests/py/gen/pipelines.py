# generator pipelines over builtins: iter()/next(), chained generators
def read_lines(text):
    for line in text.split('\n'):
        yield line
def non_blank(lines):
    for l in lines:
        if l.strip():
            yield l.strip()
def numbered(lines, start=1):
    n = start
    for l in lines:
        yield f'{n:02d}: {l}'
        n += 1
text = 'alpha\n\n  beta  \ngamma\n   \ndelta'
for out in numbered(non_blank(read_lines(text))):
    print(out)
def take(n, it):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return
def naturals():
    n = 1
    while True:
        yield n
        n += 1
evens = (n for n in naturals() if n % 2 == 0)
print(list(take(5, evens)), list(take(3, 'ab')))
def window(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total
print(list(running_total([3, 1, 4, 1, 5])))
