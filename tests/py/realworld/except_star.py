# ExceptionGroup and except* (3.11)
try:
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b"), ValueError("c")])
except* ValueError as eg:
    print("values:", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(x) for x in eg.exceptions])
eg = ExceptionGroup("grp", [KeyError("k"), ExceptionGroup("inner", [OSError("o")])])
print(repr(eg), eg.message, len(eg.exceptions))
m, rest = eg.split(KeyError)
print(repr(m), repr(rest))
