class Field:
    def __init__(self, kind, default=None):
        self.kind, self.default = kind, default
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, cls):
        return self if obj is None else obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, value):
        if value is not None and not isinstance(value, self.kind):
            raise TypeError(f"{self.name}: expected {self.kind}, got {type(value).__name__}")
        obj.__dict__[self.name] = value

class Record:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __repr__(self):
        fields = [k for k, v in vars(type(self)).items() if isinstance(v, Field)]
        return f"{type(self).__name__}(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in fields) + ")"

class Product(Record):
    name = Field(str)
    price = Field(int | float, 0)
    tags = Field(list | tuple | None)

p = Product(name="lamp", price=19.5, tags=("home",))
q = Product(name="desk", price=120)
print(p, q)
for bad in [dict(price="cheap"), dict(tags={"x"}), dict(name=3)]:
    try:
        Product(**bad)
    except TypeError as e:
        print(e)
def describe(x: int | str | None) -> str:
    if isinstance(x, int | float):
        return f"number {x}"
    if isinstance(x, str):
        return f"text {x!r}"
    return "nothing"
print([describe(v) for v in [3, "hi", None, 2.5]], describe.__annotations__)
