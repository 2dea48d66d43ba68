# inventory management: nested dicts, restocking rules and a report
stock = {
    'apple': {'qty': 50, 'price': 0.4, 'min': 20},
    'banana': {'qty': 8, 'price': 0.25, 'min': 30},
    'cherry': {'qty': 0, 'price': 3.0, 'min': 5},
    'date': {'qty': 12, 'price': 1.75, 'min': 10},
}
orders = [('apple', 35), ('banana', 10), ('cherry', 1), ('date', 2), ('fig', 1), ('apple', 10)]
for item, n in orders:
    entry = stock.get(item)
    if entry is None:
        print(f'{item}: unknown item')
    elif entry['qty'] < n:
        print(f'{item}: only {entry["qty"]} left, wanted {n}')
    else:
        entry['qty'] -= n
        print(f'{item}: sold {n} for {n * entry["price"]:.2f}')
restock = {k: v['min'] * 2 - v['qty'] for k, v in stock.items() if v['qty'] < v['min']}
print('restock', restock)
for k, n in restock.items():
    stock[k]['qty'] += n
value = sum(v['qty'] * v['price'] for v in stock.values())
print(f'stock value {value:.2f}')
for k in sorted(stock, key=lambda k: stock[k]['qty'] * stock[k]['price'], reverse=True):
    print(f'  {k:<8}{stock[k]["qty"]:>4} x {stock[k]["price"]:>5.2f}')
