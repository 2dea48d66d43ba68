# A first Kite program: a little of everything.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[len(w)] = counts.get(len(w), 0) + 1

print("Hello from Kite!")
print("fib(90) =", fib(90))
print("2**100 =", 2 ** 100)
print("word lengths:", sorted(counts.items()))
print(f"{'pi':>6} = {3.14159265:.3f}")
