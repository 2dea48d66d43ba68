# raise from, implicit chaining, __cause__/__context__/__suppress_context__
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('converted') from e
except ValueError as v:
    print(repr(v), repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError:
        raise RuntimeError('during handling')
except RuntimeError as r:
    print(repr(r), repr(r.__cause__), repr(r.__context__), r.__suppress_context__)
try:
    try:
        int('x')
    except ValueError:
        raise TypeError('no context') from None
except TypeError as t:
    print(repr(t), t.__cause__, repr(t.__context__), t.__suppress_context__)
try:
    raise IndexError('plain')
except IndexError as p:
    print(p.__cause__, p.__context__, p.__suppress_context__)
e1 = ValueError('a')
e2 = KeyError('b')
try:
    raise e1 from e2
except ValueError as x:
    print(x.__cause__ is e2, x is e1)
