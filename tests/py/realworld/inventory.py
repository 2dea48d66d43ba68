class OutOfStock(Exception):
    def __init__(self, sku, wanted, have):
        self.sku, self.wanted, self.have = sku, wanted, have
        super().__init__(sku, wanted, have)
    def __str__(self):
        return f"{self.sku}: wanted {self.wanted}, have {self.have}"

class Item:
    def __init__(self, sku, name, price, qty=0):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price!r}, qty={self.qty})"
    @property
    def value(self):
        return self.price * self.qty

class Inventory:
    def __init__(self):
        self._items = {}
        self.log = []
    def add(self, item):
        if item.sku in self._items:
            self._items[item.sku].qty += item.qty
        else:
            self._items[item.sku] = item
        self.log.append(("add", item.sku, item.qty))
    def remove(self, sku, n):
        item = self._items.get(sku)
        if item is None:
            raise KeyError(sku)
        if item.qty < n:
            raise OutOfStock(sku, n, item.qty)
        item.qty -= n
        self.log.append(("remove", sku, n))
        if item.qty == 0:
            del self._items[sku]
    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: i.sku))
    def __len__(self):
        return len(self._items)
    def __contains__(self, sku):
        return sku in self._items
    def total(self):
        return sum(i.value for i in self)
    def report(self):
        lines = [f"{'SKU':<6}{'Name':<12}{'Qty':>5}{'Value':>10}"]
        lines += [f"{i.sku:<6}{i.name:<12}{i.qty:>5}{i.value:>10.2f}" for i in self]
        lines.append(f"{'':<6}{'TOTAL':<12}{sum(i.qty for i in self):>5}{self.total():>10.2f}")
        return "\n".join(lines)

inv = Inventory()
inv.add(Item("A100", "bolt", 0.25, 400))
inv.add(Item("B200", "nut", 0.1, 1000))
inv.add(Item("C300", "gear", 12.5, 8))
inv.add(Item("A100", "bolt", 0.25, 100))
print(inv.report())
orders = [("A100", 450), ("C300", 9), ("Z999", 1), ("C300", 8), ("B200", 1)]
for sku, n in orders:
    try:
        inv.remove(sku, n)
    except OutOfStock as e:
        print("out of stock ->", e, e.args)
    except KeyError as e:
        print("unknown sku", e, repr(e))
    else:
        print(f"shipped {n} x {sku}")
print(len(inv), "C300" in inv, "A100" in inv, list(inv))
print(inv.report())
from_log = {}
for action, sku, n in inv.log:
    from_log[action] = from_log.get(action, 0) + n
print(from_log, sorted(inv.log, key=lambda e: (e[1], -e[2]))[:3])
print(max(inv, key=lambda i: i.value).name, [i.name for i in inv if i.price < 1])
