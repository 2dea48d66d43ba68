# reverse Polish notation evaluator and infix-to-RPN (shunting yard)
PREC = {'+': 1, '-': 1, '*': 2, '/': 2, '^': 3}
def to_rpn(expr):
    out, ops = [], []
    for tok in expr.replace('(', ' ( ').replace(')', ' ) ').split():
        if tok.isdigit():
            out.append(tok)
        elif tok in PREC:
            while ops and ops[-1] != '(' and (PREC[ops[-1]] > PREC[tok] or
                                              (PREC[ops[-1]] == PREC[tok] and tok != '^')):
                out.append(ops.pop())
            ops.append(tok)
        elif tok == '(':
            ops.append(tok)
        elif tok == ')':
            while ops[-1] != '(':
                out.append(ops.pop())
            ops.pop()
    while ops:
        out.append(ops.pop())
    return out
def eval_rpn(tokens):
    st = []
    for t in tokens:
        if t in PREC:
            b, a = st.pop(), st.pop()
            st.append(a + b if t == '+' else a - b if t == '-' else a * b if t == '*' else
                      a / b if t == '/' else a ** b)
        else:
            st.append(int(t))
    if len(st) != 1:
        raise ValueError(f'malformed expression, stack={st}')
    return st[0]
for e in ['3 + 4 * 2', '( 1 + 2 ) * ( 3 + 4 )', '2 ^ 3 ^ 2', '100 / 8 / 2', '7 - 2 - 1', '2 * (3 + 4) ^ 2']:
    r = to_rpn(e)
    print(f'{e:<22} -> {" ".join(r):<20} = {eval_rpn(r)}')
for bad in [['1', '+'], ['1', '2'], ['4', '0', '/']]:
    try:
        eval_rpn(bad)
    except (IndexError, ValueError, ZeroDivisionError) as ex:
        print(bad, type(ex).__name__, ex)
