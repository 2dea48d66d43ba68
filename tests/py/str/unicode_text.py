# non-ASCII strings: lengths, case, slicing, ord/chr, sorting by code point
words = ['zebra', 'Äpfel', 'apple', 'éclair', 'Zürich', 'ångström', '日本', 'émoji😀']
print(sorted(words))
for w in words:
    print(w, len(w), w.upper(), w[::-1], [hex(ord(c)) for c in w[:2]])
s = 'naïve café'
print(s.title(), s.capitalize(), s.split('ï'), s.find('é'), s.replace('é', 'e'))
print('Ω'.lower(), 'ω'.upper(), 'Ǆ'.lower(), 'ǆ'.upper(), 'ǆ'.title())
print(chr(0x1F600), ord('😀'), '😀' * 3, len('😀' * 3), '👍🏽'.__len__())
print('€100'.isdigit(), '١٢٣'.isdigit(), '١٢٣'.isdecimal(), 'Ⅻ'.isnumeric(), 'Ⅻ'.isdigit())
print(repr('zero\u200bwidth'), repr('\u00e9'), repr('e\u0301'), 'e\u0301' == 'é')
print(f'{"é":>5}|{"日本":^6}|{"😀":<3}|')
