# sets for membership tests and deduplication in realistic code
stop = set('a an the of and to in'.split())
text = 'The history of the art of the craft and the science of it'
words = [w.lower() for w in text.split()]
kept = [w for w in words if w not in stop]
print(kept)
print(sorted(set(kept)), len(kept) - len(set(kept)))
seen, dups = set(), []
for w in words:
    if w in seen and w not in dups:
        dups.append(w)
    seen.add(w)
print(dups)
a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(sorted(set(a)), list(dict.fromkeys(a)))
visited = set()
n = 7
while n not in visited:
    visited.add(n)
    n = (n * n + 1) % 23
print(n, len(visited), sorted(visited))
