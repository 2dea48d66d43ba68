# iterating dicts: keys, items, nested, building from pairs
inventory = {'apples': 3, 'pears': 0, 'kiwis': 12, 'plums': 5}
for name in inventory:
    print(name, inventory[name])
for name, qty in sorted(inventory.items()):
    print(f'{name:>8}: {qty:3d}')
in_stock = [n for n, q in inventory.items() if q]
print(in_stock)
total = 0
for q in inventory.values():
    total += q
print(total, len(inventory), any(inventory.values()), all(inventory.values()))
print(list(zip(inventory, inventory.values())))
print(dict(sorted(inventory.items(), key=lambda kv: kv[1])))
matrix = {'r1': {'c1': 1, 'c2': 2}, 'r2': {'c1': 3, 'c2': 4}}
for r, row in matrix.items():
    print(r, sum(row.values()), [row[c] for c in sorted(row)])
print(list(iter(inventory)), next(iter(inventory)), next(iter(inventory.items())))
print(list(enumerate(inventory)))
print(max(inventory.items(), key=lambda kv: kv[1])[0])
