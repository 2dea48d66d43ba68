# nested dict/list data: traversal, path lookup, aggregation
data = {
    'users': [
        {'id': 1, 'name': 'ann', 'roles': ['admin', 'dev'], 'meta': {'logins': 12}},
        {'id': 2, 'name': 'bob', 'roles': ['dev'], 'meta': {'logins': 3}},
        {'id': 3, 'name': 'cy', 'roles': [], 'meta': {}},
    ],
    'version': 2,
}
def get_path(obj, path, default=None):
    for part in path.split('.'):
        try:
            obj = obj[int(part)] if isinstance(obj, list) else obj[part]
        except (KeyError, IndexError, ValueError):
            return default
    return obj
for p in ['version', 'users.0.name', 'users.1.meta.logins', 'users.2.meta.logins', 'users.9', 'users.x']:
    print(p, '->', get_path(data, p, 'N/A'))
role_index = {}
for u in data['users']:
    for r in u['roles']:
        role_index.setdefault(r, []).append(u['name'])
print(role_index)
print(sum(u['meta'].get('logins', 0) for u in data['users']))
print({u['name']: len(u['roles']) for u in data['users']})
def walk(obj, prefix=''):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, f'{prefix}.{k}' if prefix else k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, f'{prefix}[{i}]')
    else:
        yield prefix, obj
for path, leaf in walk(data):
    print(path, '=', leaf)
