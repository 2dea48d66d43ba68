# every list method
a = [3, 1, 4]
a.append(1); print(a)
a.extend([5, 9]); print(a)
a.extend('ab'); print(a)
a.insert(0, 'first'); a.insert(100, 'last'); a.insert(-1, 'penult'); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(4), a.index(1), a.count(1), a.count('z'))
a = [5, 2, 8, 1, 9, 3]
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
b = a.copy(); b.append(0); print(a, b)
b.clear(); print(b)
words = ['pear', 'Fig', 'apple', 'kiwi', 'banana']
words.sort(key=len); print(words)
words.sort(key=str.lower, reverse=True); print(words)
print(a.index(8, 2), [1, 2, 1, 2].index(2, 2))
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2),
            lambda: [1, 'a'].sort(), lambda: [1].index(1, 1)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(a.sort() is None, a.append(1) is None)
