# PEP 604 unions: X | Y on classes and None, isinstance/issubclass with a union
class C: pass
u = int | str
print(u, int | None, None | int, int | str | int, int | int, C | None, type(u).__name__, u.__args__, (int | None).__args__)
print(isinstance(3, u), isinstance(None, int | None), isinstance(2.5, u), issubclass(bool, int | str), isinstance(C(), C | None))
print(u == (str | int), u == (int | float), hash(u) == hash(str | int), (int | str) | float, int | (str | float))
print(len({int | str, str | int}), type.__or__(int, str), type.__ror__(int, str))
try:
    int | 3
except TypeError as e:
    print(e)
try:
    isinstance(3, 3)
except TypeError as e:
    print(e)
def f(x: int | None = None) -> list | None: return x
print(f.__annotations__)
