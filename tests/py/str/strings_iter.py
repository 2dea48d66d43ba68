# building strings in loops, reversing words, palindromes, counting characters
text = 'A man a plan a canal Panama'
clean = ''.join(c.lower() for c in text if c.isalpha())
print(clean, clean == clean[::-1])
words = text.split()
print(' '.join(reversed(words)), ' '.join(w[::-1] for w in words))
counts = {}
for c in clean:
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items()))
print(max(counts, key=counts.get), counts['a'])
vowels = sum(1 for c in clean if c in 'aeiou')
print(vowels, len(clean) - vowels)
acronym = ''.join(w[0].upper() for w in 'portable network graphics'.split())
print(acronym)
caesar = ''.join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in 'hello, world xyz')
print(caesar)
lines = ['first', 'second', 'third']
out = ''
for i, l in enumerate(lines, 1):
    out += f'{i}: {l}\n'
print(out, end='')
print(repr(out))
print('-' * 20)
print('|'.join(f'{w:^7}' for w in lines))
