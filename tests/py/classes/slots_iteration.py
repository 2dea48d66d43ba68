class Rec:
    __slots__ = ('name', 'age', 'email')
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def as_dict(self):
        return {k: getattr(self, k) for k in self.__slots__ if hasattr(self, k)}
r = Rec(name='ann', age=3)
print(r.as_dict())
try:
    Rec(phone=1)
except AttributeError as e:
    print(e)
print(getattr(r, 'email', 'no email'), hasattr(r, 'email'))
r.email = 'a@b'
print(sorted(r.as_dict().items()))
