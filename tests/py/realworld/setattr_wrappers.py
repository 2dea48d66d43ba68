# user __setattr__/__delattr__ delegating to object's slot wrappers, and the wrappers'
# argument-count errors (a bad count used to leave an exception pending)
class Audited:
    def __setattr__(self, k, v):
        print(f"set {k}={v!r}")
        object.__setattr__(self, k, v)
    def __delattr__(self, k):
        print(f"del {k}")
        object.__delattr__(self, k)

a = Audited()
a.x = 1
a.y = [2]
del a.x
print(a.__dict__, {}.get("zz"))
for f in [lambda: object.__setattr__(a, "x"), lambda: object.__setattr__(a, "x", 1, 2),
          lambda: int.__repr__(1, 2), lambda: int.__add__(1), lambda: object.__delattr__(a),
          lambda: object.__getattribute__(a, "y", 3)]:
    try:
        f()
        print("no error")
    except TypeError as e:
        print(repr(str(e)))
print("done")
