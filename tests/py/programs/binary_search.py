# binary search, bisect-style insertion and merge sort, all hand-written
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(a) and a[lo] == x else -1
data = [1, 3, 3, 5, 8, 13, 21, 34]
print([bsearch(data, x) for x in [1, 3, 4, 34, 35, 0]])
def insort(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    a.insert(lo, x)
s = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(s, v)
print(s)
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    left, right = merge_sort(a[:m]), merge_sort(a[m:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
nums = [(i * 37 + 11) % 101 for i in range(30)]
print(merge_sort(nums))
print(merge_sort(nums) == sorted(nums), merge_sort(['pear', 'apple', 'fig']))
def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print(isqrt(10**40), isqrt(2 * 10**30), isqrt(99))
