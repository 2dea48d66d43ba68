class A:
    def __init__(self, v): self.v = v
a = A(3)
print(A.__init__ is not object.__init__, object.__init__(a) is None)
print(A.__repr__ is object.__repr__, A.__str__ is object.__str__)
print(a.__repr__().startswith('<__main__.A'), a.__str__() == a.__repr__())
print(a.__eq__(a), a.__eq__(1), a.__ne__(a), a.__ne__(1))
print(a.__hash__() == hash(a), a.__sizeof__() > 0, a.__class__ is A)
print(a.__format__(''), 'x') if False else print(a.__format__('') == str(a))
print(int.__add__(1, 2), (5).__mul__(3), 'ab'.__len__(), [1, 2].__contains__(2))
print(int.__add__(1, 'x'), str.__add__('a', 'b'))
try:
    int.__add__('a', 1)
except TypeError as e:
    print(e)
