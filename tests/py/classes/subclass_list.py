class MyList(list):
    def push(self, x):
        self.append(x)
        return self
    def total(self):
        return sum(self)
m = MyList([1, 2])
m.push(3).push(4)
print(m, len(m), m.total(), m[1:3], type(m[1:3]).__name__, type(m).__name__)
print(isinstance(m, list), m == [1, 2, 3, 4], sorted(m, reverse=True))
m.extra = 'attr'
print(m.extra)
class Logged(list):
    def append(self, x):
        print('append', x)
        super().append(x)
l = Logged()
l.append(1)
l += [2]
print(l, repr(l))
class Stack(list):
    def __repr__(self):
        return 'Stack' + super().__repr__()
print(Stack([1, 2]), str(Stack()))
print(MyList() == [], bool(MyList()), bool(MyList([0])))
