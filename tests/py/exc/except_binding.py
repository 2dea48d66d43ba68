# the except-as name is unbound after the handler; handler matching by tuple and order
e = 'before'
try:
    raise ValueError('v')
except ValueError as e:
    print('in handler', e)
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)
errors = (TypeError, ValueError)
for exc in [TypeError('t'), ValueError('v'), KeyError('k')]:
    try:
        try:
            raise exc
        except errors as caught:
            print('tuple handler', type(caught).__name__)
    except KeyError as k:
        print('outer handler', repr(k))
try:
    raise ZeroDivisionError('z')
except (ArithmeticError, ZeroDivisionError) as z:
    print('first matching clause wins', type(z).__name__)
try:
    raise KeyError('bare')
except:
    print('bare except')
