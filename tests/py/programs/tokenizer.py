# a small tokenizer for arithmetic/assignment expressions
KEYWORDS = {'let', 'print', 'if', 'else'}
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            text = src[i:j]
            tokens.append(('FLOAT' if '.' in text else 'INT', text))
            i = j
        elif c.isalpha() or c == '_':
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == '_'):
                j += 1
            word = src[i:j]
            tokens.append(('KW' if word in KEYWORDS else 'NAME', word))
            i = j
        elif c in '"\'':
            j = src.index(c, i + 1)
            tokens.append(('STR', src[i + 1:j]))
            i = j + 1
        elif src[i:i + 2] in ('==', '!=', '<=', '>=', '**'):
            tokens.append(('OP', src[i:i + 2]))
            i += 2
        elif c in '+-*/%()=<>,':
            tokens.append(('OP', c))
            i += 1
        else:
            raise SyntaxError(f'unexpected character {c!r} at {i}')
    return tokens
for line in ['let x = 42 + y_2 * 3.5', 'print("hi there", x ** 2)', 'if a <= b else c != 10']:
    print(line)
    for kind, text in tokenize(line):
        print(f'  {kind:<6}{text!r}')
try:
    tokenize('x = 5 $ 3')
except SyntaxError as e:
    print('error:', e)
