class ConfigError(Exception):
    pass

def load(key, cfg):
    try:
        return cfg[key]
    except KeyError:
        raise ConfigError(f"missing key {key!r}")

def parse_port(cfg):
    raw = load("port", cfg)
    try:
        return int(raw)
    except ValueError as e:
        raise ConfigError("bad port") from e

for cfg in [{"port": "8080"}, {"port": "http"}, {}]:
    try:
        print(parse_port(cfg))
    except ConfigError as e:
        print("ConfigError:", e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))

def cleanup():
    try:
        1 / 0
    finally:
        print("cleanup ran")

try:
    cleanup()
except ZeroDivisionError as e:
    print("caught", e)

def outer():
    try:
        {}["x"]
    except KeyError:
        [].pop()

parse_port({"port": "abc"})
