# frames named <genexpr> and <dictcomp> in a traceback
words = ['alpha', 'beta', None, 'delta']
lengths = {w: len(w) for w in words[:2]}
print(lengths)
total = sum(len(w) for w in words)
