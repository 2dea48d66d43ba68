class State:
    transitions = {}
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"<{self.name}>"
    def on(self, event):
        nxt = self.transitions.get(event)
        if nxt is None:
            raise ValueError(f"{self.name} cannot handle {event!r}")
        return nxt

class Idle(State):
    transitions = {"coin": "ready"}
class Ready(State):
    transitions = {"push": "vending", "refund": "idle"}
class Vending(State):
    transitions = {"done": "idle"}

STATES = {cls.__name__.lower(): cls for cls in (Idle, Ready, Vending)}

class Machine:
    def __init__(self):
        self.state = Idle("idle")
        self.history = [self.state.name]
        self.coins = 0
    def fire(self, event):
        new = self.state.on(event)
        if event == "coin":
            self.coins += 1
        self.state = STATES[new](new)
        self.history.append(new)
        return self

m = Machine()
for ev in ["coin", "push", "done", "coin", "refund", "push", "coin", "coin"]:
    try:
        m.fire(ev)
        print(f"{ev:>7} -> {m.state}")
    except ValueError as e:
        print(f"{ev:>7} !! {e}")
print(" > ".join(m.history), m.coins)

def tokenize(s):
    tokens, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            tokens.append(("NUM", float(s[i:j]) if "." in s[i:j] else int(s[i:j])))
            i = j
        elif c in "+-*/()":
            tokens.append(("OP", c)); i += 1
        else:
            raise SyntaxError(f"bad char {c!r} at {i}")
    return tokens

def evaluate(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else (None, None)
    def expr():
        nonlocal pos
        v = term()
        while peek()[1] in ("+", "-"):
            op = tokens[pos][1]; pos += 1
            v = v + term() if op == "+" else v - term()
        return v
    def term():
        nonlocal pos
        v = factor()
        while peek()[1] in ("*", "/"):
            op = tokens[pos][1]; pos += 1
            v = v * factor() if op == "*" else v / factor()
        return v
    def factor():
        nonlocal pos
        kind, val = peek()
        pos += 1
        if val == "(":
            v = expr(); pos += 1
            return v
        if val == "-":
            return -factor()
        return val
    return expr()

for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "2 * (3 + 4) - -1", "1.5 * 4", "7 / 0", "3 $ 4"]:
    try:
        print(src, "=", evaluate(tokenize(src)))
    except ZeroDivisionError as e:
        print(src, "->", type(e).__name__, e)
    except SyntaxError as e:
        print(src, "->", e)
