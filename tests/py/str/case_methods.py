# upper/lower/title/capitalize/swapcase/casefold
for s in ['hello world', 'HELLO World', "they're bill's", 'x1y2 z3', 'ÉCOLE ñandú', 'ß straße', '', 'a']:
    print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print('ß'.upper(), 'ß'.casefold(), 'İ'.lower() == 'i̇', len('İ'.lower()))
print('hELLO'.capitalize(), '123abc'.capitalize(), ' abc'.capitalize())
print('hello_world-foo bar'.title(), 'ǅ'.lower(), 'ǆ'.title())
