# a recursive-descent calculator with precedence, unary minus, power and parentheses
class Parser:
    def __init__(self, text):
        self.toks = self.lex(text)
        self.pos = 0
    def lex(self, text):
        toks, i = [], 0
        while i < len(text):
            c = text[i]
            if c.isspace():
                i += 1
            elif c.isdigit() or c == '.':
                j = i
                while j < len(text) and (text[j].isdigit() or text[j] == '.'):
                    j += 1
                toks.append(float(text[i:j]) if '.' in text[i:j] else int(text[i:j]))
                i = j
            elif text[i:i + 2] == '**':
                toks.append('**'); i += 2
            elif c in '+-*/%()':
                toks.append(c); i += 1
            else:
                raise ValueError(f'bad character {c!r}')
        return toks
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None
    def take(self):
        t = self.peek(); self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in ('+', '-'):
            v = v + self.term() if self.take() == '+' else v - self.term()
        return v
    def term(self):
        v = self.unary()
        while self.peek() in ('*', '/', '%'):
            op = self.take(); r = self.unary()
            v = v * r if op == '*' else v / r if op == '/' else v % r
        return v
    def unary(self):
        if self.peek() == '-':
            self.take()
            return -self.unary()
        return self.power()
    def power(self):
        base = self.atom()
        if self.peek() == '**':
            self.take()
            return base ** self.unary()
        return base
    def atom(self):
        t = self.take()
        if t == '(':
            v = self.expr()
            if self.take() != ')':
                raise ValueError('expected )')
            return v
        if isinstance(t, (int, float)):
            return t
        raise ValueError(f'unexpected token {t!r}')
def calc(s):
    p = Parser(s)
    v = p.expr()
    if p.peek() is not None:
        raise ValueError(f'trailing input {p.peek()!r}')
    return v
for e in ['1 + 2 * 3', '(1 + 2) * 3', '2 ** 3 ** 2', '-2 ** 2', '10 / 4', '7 % 3 - -1', '2 ** 100',
          '1.5 * (2 - 0.5)', '((4))', '1 / 0', '3 +', '2 $ 3', '(1 + 2', '4 4']:
    try:
        print(f'{e:<18} = {calc(e)}')
    except (ValueError, ZeroDivisionError) as ex:
        print(f'{e:<18} ! {type(ex).__name__}: {ex}')
