class Default(dict):
    def __missing__(self, key):
        print('missing', key)
        self[key] = len(key)
        return self[key]
d = Default(a=1)
print(d['a'], d['abc'], d)
print(d.get('zz'), 'zz' in d)
class Counter(dict):
    def __missing__(self, k):
        return 0
c = Counter()
for ch in 'hello':
    c[ch] += 1
print(sorted(c.items()))
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
ad = AttrDict()
ad.x = 5
print(ad.x, ad, type(ad).__name__, isinstance(ad, dict))
try:
    ad.nope
except AttributeError as e:
    print('AttributeError', e)
class Plain(dict): pass
try:
    Plain()['k']
except KeyError as e:
    print('KeyError', e)
