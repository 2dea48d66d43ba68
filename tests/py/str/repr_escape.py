# repr of strings with quotes, escapes, unicode
for s in ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', 'cr\r', 'bs\\x',
          '\x00\x01\x1f\x7f', '\x80\x9f\xa0', 'é€😀', '\u200b', '\U0001f600',
          '\xff', '\u0378', '\t\n\r\x0b\x0c']:
    print(repr(s), len(s))
print(str('a\nb'))
print(repr(''), repr("'"), repr('"'), repr('\''))
print(ascii('é€😀\n'), ascii('plain'))
print(['a', "b'c", 'é'], ('x',), {'k': 'v"'})
print('\N{GREEK SMALL LETTER ALPHA}', '\u03b1' == 'α', '\x41\101')
print(r'raw\n\t', len(r'\n'), 'con' 'cat' "enated")
print("""triple
quoted""", '''single
triple''')
print('line \
continued')
