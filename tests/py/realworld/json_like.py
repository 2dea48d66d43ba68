def dumps(o, indent=0, level=0):
    pad = " " * (indent * (level + 1)) if indent else ""
    end = " " * (indent * level) if indent else ""
    nl = "\n" if indent else ""
    sep = "," + nl if indent else ", "
    if o is None: return "null"
    if o is True: return "true"
    if o is False: return "false"
    if isinstance(o, (int, float)): return repr(o)
    if isinstance(o, str):
        return '"' + o.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(o, (list, tuple)):
        if not o: return "[]"
        return "[" + nl + sep.join(pad + dumps(x, indent, level + 1) for x in o) + nl + end + "]"
    if isinstance(o, dict):
        if not o: return "{}"
        return "{" + nl + sep.join(f"{pad}{dumps(str(k))}: {dumps(v, indent, level + 1)}" for k, v in o.items()) + nl + end + "}"
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

def loads(s):
    i = 0
    def ws():
        nonlocal i
        while i < len(s) and s[i] in " \n\t\r": i += 1
    def val():
        nonlocal i
        ws()
        c = s[i]
        if c == "{":
            i += 1; out = {}; ws()
            if s[i] == "}": i += 1; return out
            while True:
                ws(); k = val(); ws(); assert s[i] == ":", f"expected ':' at {i}"; i += 1
                out[k] = val(); ws()
                if s[i] == ",": i += 1; continue
                assert s[i] == "}", f"expected '}}' at {i}"; i += 1; return out
        if c == "[":
            i += 1; out = []; ws()
            if s[i] == "]": i += 1; return out
            while True:
                out.append(val()); ws()
                if s[i] == ",": i += 1; continue
                i += 1; return out
        if c == '"':
            j = i + 1; buf = []
            while s[j] != '"':
                if s[j] == "\\":
                    j += 1; buf.append({"n": "\n", "t": "\t"}.get(s[j], s[j]))
                else:
                    buf.append(s[j])
                j += 1
            i = j + 1
            return "".join(buf)
        for lit, v in (("true", True), ("false", False), ("null", None)):
            if s.startswith(lit, i):
                i += len(lit); return v
        j = i
        while j < len(s) and s[j] in "+-0123456789.eE": j += 1
        num = s[i:j]; i = j
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    return val()

doc = {"name": "kite", "version": [1, 2, 0], "fast": True, "deps": None, "ratio": 0.75, "notes": 'say "hi"\nbye', "nested": {"a": [], "b": {}, "c": [{"x": -1e-5}]}}
text = dumps(doc, indent=2)
print(text)
print(dumps(doc))
back = loads(text)
print(back == doc, back["nested"]["c"][0]["x"], type(back["version"][0]).__name__)
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
try:
    loads('{"a" 1}')
except AssertionError as e:
    print("parse error:", e)
