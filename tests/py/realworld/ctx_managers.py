class Timer:
    def __init__(self, name, log):
        self.name, self.log = name, log
    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None}")
        return False

class Suppress:
    def __init__(self, *excs):
        self.excs = excs
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.excs):
            self.caught = ev
            return True
        return False

log = []
with Timer("a", log) as t, Timer("b", log):
    log.append(f"body {t.name}")
print(log)
log.clear()
try:
    with Timer("outer", log):
        with Timer("inner", log):
            raise KeyError("k")
except KeyError as e:
    log.append(f"handled {e!r}")
print(log)
with Suppress(ZeroDivisionError, ValueError) as s:
    int("nope")
print("suppressed:", repr(s.caught), type(s.caught).__mro__[1].__name__)
with Suppress(TypeError) as s2:
    pass
print(s2.caught)
try:
    with Suppress(TypeError):
        [][0]
except IndexError as e:
    print("escaped:", e)

class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et:
            self.store.clear()
            self.store.update(self.snapshot)
            print(f"rolled back after {et.__name__}: {ev}")
            return True
        print("committed")

store = {"x": 1}
with Transaction(store) as s:
    s["y"] = 2
with Transaction(store) as s:
    s["z"] = 3
    s["x"] = s["missing"]
print(store)

def gen_resource(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)

class contextmanager_like:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        else:
            try:
                self.gen.throw(ev)
            except StopIteration:
                return True
            except BaseException as e:
                if e is ev:
                    return False
                raise
with contextmanager_like(gen_resource("db")) as r:
    print("using", r)
try:
    with contextmanager_like(gen_resource("file")) as r:
        raise OSError("disk full")
except OSError as e:
    print("OSError:", e, e.args, e.errno)
def early():
    for i in range(3):
        with Timer(str(i), log):
            if i == 1:
                return i
log.clear()
print(early(), log)
