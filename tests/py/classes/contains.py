class Evens:
    def __contains__(self, x):
        return x % 2 == 0
print(4 in Evens(), 3 in Evens(), 3 not in Evens())
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
print(20 in Seq(), 25 in Seq())
class It:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in It(), 7 in It())
class Truthy:
    def __contains__(self, x): return 'yes'
print(1 in Truthy())
class No: pass
try:
    1 in No()
except TypeError as e:
    print(e)
