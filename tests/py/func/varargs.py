# *args and **kwargs, unpacking in calls
def show(*args, **kwargs):
    print(args, kwargs)
show()
show(1, 2)
show(a=1, b=2)
show(1, *[2, 3], x=4, **{'y': 5})
show(*'ab', *range(2))
show(**{'k': 'v'}, **{'j': 'w'})
def total(*nums):
    return sum(nums)
print(total(), total(1), total(1, 2, 3), total(*range(101)))
def kw_only_names(**kw):
    return sorted(kw)
print(kw_only_names(z=1, a=2, m=3))
def wrapper(*args, **kwargs):
    return target(*args, **kwargs)
def target(a, b, c=0):
    return a + b + c
print(wrapper(1, 2), wrapper(1, b=2, c=3), wrapper(*(1, 2, 3)))
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(1, 2, 3))
print(type(first_rest(1)[1]).__name__)
args = [3, 1, 2]
print(max(*args), sorted(args), print(*args, sep=':'))
