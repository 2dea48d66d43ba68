@dec
def f(): pass
@a.b(c)
@d
class C: pass
@x[0]
def g(): pass
