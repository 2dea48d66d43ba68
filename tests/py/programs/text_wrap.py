# greedy text wrapping and justification
TEXT = ('Kite is an embeddable interpreter for Python 3 written in C. Its observable behaviour must '
        'match CPython byte for byte, including tracebacks, reprs and exit codes.')
def wrap(text, width):
    lines, cur = [], []
    for w in text.split():
        if cur and len(' '.join(cur + [w])) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines
def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ''
    for i, w in enumerate(words[:-1]):
        out += w + ' ' * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for width in (30, 45):
    print('=' * width)
    lines = wrap(TEXT, width)
    for l in lines[:-1]:
        print(justify(l, width) + '|')
    print(' '.join(lines[-1]).ljust(width) + '|')
print(len(wrap(TEXT, 10)), max(len(' '.join(l)) for l in wrap(TEXT, 20)))
