# __module__ and __qualname__ of built-in functions and bound built-in methods
import math, sys
print(len.__module__, math.sqrt.__module__, [].append.__module__, "x".upper.__module__)
print(len.__qualname__, [].append.__qualname__, math.sqrt.__qualname__, dict.fromkeys.__qualname__, "a".join.__qualname__, (1).bit_length.__qualname__)
print(print.__module__, print.__name__, {}.get.__name__)
