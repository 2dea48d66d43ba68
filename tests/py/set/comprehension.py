# set comprehensions and dedup idioms
print({x % 5 for x in range(20)})
print({x * y for x in range(4) for y in range(4) if x != y})
nums = [5, 3, 5, 1, 3, 9, 1]
print(sorted(set(nums)), len(set(nums)))
seen = set()
unique_in_order = []
for n in nums:
    if n not in seen:
        seen.add(n)
        unique_in_order.append(n)
print(unique_in_order)
print(sorted({c for c in 'mississippi'}))
letters = {c.lower() for c in 'Hello World' if c.isalpha()}
print(sorted(letters), len(letters))
primes = set(range(2, 50))
for i in range(2, 8):
    primes -= set(range(i * i, 50, i))
print(sorted(primes))
evens = {n for n in range(20) if n % 2 == 0}
threes = {n for n in range(20) if n % 3 == 0}
print(sorted(evens & threes), sorted(evens - threes), len(evens | threes))
print(set(map(abs, [-1, 1, -2, 2, 0])))
