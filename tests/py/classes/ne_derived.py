class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print('eq called')
        return self.v == o.v
print(A(1) != A(1))
print(A(1) != A(2))
class B(A):
    def __ne__(self, o):
        return 'custom ne'
print(B(1) != B(1))
