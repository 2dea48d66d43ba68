a = 'abc'
b = "it's"
c = 'say "hi"'
d = '''tri
ple'''
e = """doc"""
f = r'raw\n'
g = 'esc\n\t\\'
h = 'a' 'b' "c"
i = u'unicode'
j = '\x41\u00e9\U0001F600\101'
k = 'both \' and "'
