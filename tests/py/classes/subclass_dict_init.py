class Registry(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.created = True
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
r = Registry(a=1)
r['KEY'] = 'v'
print(r['key'], r['Key'], sorted(r.items()), r.created, len(r))
print(isinstance(r, dict), type(r).__name__, r == {'a': 1, 'key': 'v'})
r.update({'Z': 26})
print('Z' in r, 'z' in r)
