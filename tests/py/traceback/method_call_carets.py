# carets under a call on an attribute, and on a builtin call
text = 'a,b,c'
parts = text.split(',')
n = int(parts[0])
