class A:
    def __bool__(self):
        return None
try:
    bool(A())
except TypeError as e:
    print(e)
try:
    if A(): pass
except TypeError as e:
    print(e)
class L:
    def __len__(self):
        return 2 ** 70
try:
    len(L())
except OverflowError as e:
    print(e)
class F:
    def __len__(self):
        return 1.5
try:
    len(F())
except TypeError as e:
    print(e)
