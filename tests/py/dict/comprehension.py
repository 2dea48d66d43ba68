# dict comprehensions and counting idioms
squares = {x: x * x for x in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
words = 'the cat and the hat and the bat'.split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print({w: words.count(w) for w in words})
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
by_len = {}
for w in words:
    by_len.setdefault(len(w), set()).add(w)
print({k: sorted(v) for k, v in by_len.items()})
print(dict(zip('abc', range(3))), dict(enumerate('xy')))
nested = {i: {j: i + j for j in range(2)} for i in range(2)}
print(nested, nested[1][1])
inverted = {}
for k, v in {'a': 1, 'b': 1, 'c': 2}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
