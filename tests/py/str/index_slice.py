# indexing and slicing by code point, incl. non-ASCII
s = 'hello, world'
print(s[0], s[-1], s[4], s[-5])
print(s[2:5], s[:5], s[7:], s[-5:], s[:-7], s[:])
print(s[::2], s[1::3], s[::-1], s[-1:-6:-1], s[10:2:-2])
print(s[100:], repr(s[5:2]), s[-100:3], s[3:100])
u = 'héllo wörld ñ €uro'
print(len(u), u[1], u[7], u[-4], u[12])
print(u[::-1])
print(u[1:5], u[-6:])
e = 'a😀b'
print(len(e), e[1] == '😀', e[2], e[::-1] == 'b😀a')
print(len('日本語テキスト'), '日本語テキスト'[2:4])
for i, ch in enumerate('añ€'):
    print(i, ch, ord(ch))
try:
    s[20]
except IndexError as ex:
    print(type(ex).__name__, ex)
try:
    s[0] = 'H'
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    s['a']
except TypeError as ex:
    print(type(ex).__name__, ex)
print(s[slice(1, 4)], s[slice(None, None, -3)])
print('' [0:0] == '', 'abc'[-4:], 'abc'[::-2])
