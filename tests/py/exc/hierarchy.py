# built-in exception hierarchy
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
         (IndexError, LookupError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError), (StopIteration, Exception),
         (GeneratorExit, Exception), (GeneratorExit, BaseException), (KeyboardInterrupt, Exception),
         (SystemExit, BaseException), (Exception, BaseException), (TypeError, ValueError),
         (UnicodeError, ValueError), (FileNotFoundError, OSError), (AssertionError, Exception),
         (AttributeError, Exception), (EOFError, Exception), (StopAsyncIteration, Exception), (bool, int)]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
try:
    {}[1]
except LookupError as e:
    print('LookupError caught', type(e).__name__)
try:
    [][1]
except (KeyError, IndexError) as e:
    print('tuple caught', type(e).__name__)
try:
    1 / 0
except ArithmeticError as e:
    print('ArithmeticError caught', type(e).__name__, isinstance(e, Exception))
print(IOError is OSError, EnvironmentError is OSError)
