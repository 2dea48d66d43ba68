text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

def normalize(word):
    return word.strip(".,;:!?\"'").lower()

counts = {}
for line in text.splitlines():
    for w in line.split():
        w = normalize(w)
        if w:
            counts[w] = counts.get(w, 0) + 1

ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(f"{'word':<12}{'count':>6}")
print("-" * 18)
for word, n in ranked[:10]:
    print(f"{word:<12}{n:>6}")
print("unique:", len(counts), "total:", sum(counts.values()))
longest = max(counts, key=len)
print("longest word:", longest, len(longest))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda p: p[1], reverse=True)[:5]
print(" ".join(f"{c}={n}" for c, n in top))
print("%-10s|%5d|%8.3f" % ("ratio", len(counts), len(counts) / sum(counts.values())))
caps = [w for w in text.split() if w[0].isupper()]
print(caps)
print(text.count("it was"), text.find("epoch"), text.rfind("of"), text.index("age"))
print(repr(text[:20]), text[:20].title(), text[:20].swapcase())
