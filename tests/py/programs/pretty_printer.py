# a JSON-like pretty printer written in Python
def dumps(obj, indent=0, step=2):
    pad = ' ' * (indent + step)
    if isinstance(obj, dict):
        if not obj:
            return '{}'
        items = [f'{pad}{dumps(str(k))}: {dumps(v, indent + step, step)}' for k, v in obj.items()]
        return '{\n' + ',\n'.join(items) + '\n' + ' ' * indent + '}'
    if isinstance(obj, (list, tuple)):
        if not obj:
            return '[]'
        if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in obj):
            return '[' + ', '.join(dumps(x) for x in obj) + ']'
        items = [pad + dumps(x, indent + step, step) for x in obj]
        return '[\n' + ',\n'.join(items) + '\n' + ' ' * indent + ']'
    if isinstance(obj, str):
        out = '"'
        for ch in obj:
            if ch in '"\\':
                out += '\\' + ch
            elif ch == '\n':
                out += '\\n'
            elif ord(ch) < 32 or ord(ch) > 126:
                out += '\\u%04x' % ord(ch)
            else:
                out += ch
        return out + '"'
    if obj is True:
        return 'true'
    if obj is False:
        return 'false'
    if obj is None:
        return 'null'
    return repr(obj)
doc = {'name': 'Kite', 'version': [0, 1, 2], 'ratio': 0.1 + 0.2, 'tags': ['fast', 'small', 'é'],
       'nested': {'empty_list': [], 'empty_dict': {}, 'flag': True, 'nothing': None,
                  'quote': 'say "hi"\n', 'mixed': [1, 'two', [3.5, False]]}, 7: 'int key'}
print(dumps(doc))
print(dumps([]), dumps({}), dumps('tab\t'), dumps(10**20), dumps(-1.5e-7))
