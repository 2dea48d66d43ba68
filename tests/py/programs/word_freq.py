# word frequency counting over a literal text
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = []
for raw in TEXT.split():
    w = raw.strip('.,;:!?"').lower()
    if w:
        words.append(w)
print(len(words), 'words,', len(set(words)), 'distinct')
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, n in top[:8]:
    print(f'{w:<12}{n:>3} {"#" * n}')
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
print(max(freq, key=lambda w: (len(w), w)), [w for w in freq if freq[w] == 1][:5])
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(''.join(sorted(letters, key=lambda c: (-letters[c], c)))[:10])
