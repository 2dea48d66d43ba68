class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, event):
        def register(fn):
            self.handlers.setdefault(event, []).append(fn)
            return fn
        return register
    def emit(self, event, *args, **kwargs):
        results = []
        for h in self.handlers.get(event, []):
            try:
                results.append(h(*args, **kwargs))
            except Exception as e:
                results.append(f"{h.__name__} failed: {type(e).__name__}: {e}")
        return results
bus = EventBus()
@bus.on("order")
def log_order(item, qty=1):
    return f"logged {qty} x {item}"
@bus.on("order")
def check_stock(item, qty=1):
    if qty > 5:
        raise ValueError(f"only 5 {item}s left")
    return "in stock"
@bus.on("order")
def price(item, qty=1, *, unit=2.5):
    return round(qty * unit, 2)
print(bus.emit("order", "apple"))
print(bus.emit("order", "pear", qty=7))
print(bus.emit("order", "fig", 3, unit=1.1))
print(bus.emit("refund"), sorted(bus.handlers), [f.__name__ for f in bus.handlers["order"]])
class Observable:
    def __init__(self):
        self._obs = []
        self._value = 0
    def subscribe(self, fn):
        self._obs.append(fn)
        return lambda: self._obs.remove(fn)
    @property
    def value(self): return self._value
    @value.setter
    def value(self, v):
        old, self._value = self._value, v
        for fn in list(self._obs):
            fn(old, v)
o = Observable()
seen = []
unsub = o.subscribe(lambda a, b: seen.append((a, b)))
o.subscribe(lambda a, b: print(f"changed {a} -> {b}"))
o.value = 5
unsub()
o.value = 7
print(seen, o.value)
