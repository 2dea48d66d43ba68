# is* predicates
tests = ['abc', 'ABC', 'Abc', 'abc123', '123', '', ' ', '\t\n', 'Hello World', 'Hello world',
         '½', '²', '٣', 'é', '_x', 'x_1', 'if', '1a', 'a b', '-5', '3.5']
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())
print('\x07'.isprintable(), 'a\nb'.isprintable())
