class A: pass
class B: pass
class C(A): pass
for v in (5, (), (int,), (B,), (C,)):
  try:
    A.__bases__ = v; print(A.__mro__)
  except TypeError as e: print(e)
class S: __slots__=('a',)
class D: pass
try: D.__bases__=(S,)
except TypeError as e: print(e)
class X: 
  def f(self): return 'X'
class Y:
  def f(self): return 'Y'
class Z(X): pass
Z.__bases__ = (Y,)
print(Z().f(), Z.__mro__)
