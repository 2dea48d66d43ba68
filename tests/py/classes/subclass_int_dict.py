class B(int):
    pass
b = B(5)
b.tag = 'x'
print(b, b.tag, b.__dict__, b + 1)
class S(str):
    pass
s = S('hi')
s.lang = 'en'
print(s, s.lang, vars(s))
class T(tuple):
    pass
t = T((1, 2))
t.name = 'pair'
print(t, t.name)
