TEMPLATE = """Dear {name},
Your order #{order:05d} of {qty} item{plural} totals ${total:,.2f}.
{items}
Regards,
{sender:>20}"""
orders = [
    {"name": "Ann", "order": 42, "items": [("pen", 2, 1.5), ("ink", 1, 12.0)], "sender": "Shop"},
    {"name": "Bo", "order": 1337, "items": [("laptop", 1, 1899.99)], "sender": "Shop Inc."},
]
for o in orders:
    qty = sum(q for _, q, _ in o["items"])
    total = sum(q * p for _, q, p in o["items"])
    items = "\n".join(f"  - {n:<8} x{q:<3} @ {p:>8.2f}" for n, q, p in o["items"])
    print(TEMPLATE.format(name=o["name"], order=o["order"], qty=qty, plural="s" if qty != 1 else "",
                          total=total, items=items, sender=o["sender"]))
    print("=" * 30)

def render(tpl, ctx):
    out, i = [], 0
    while True:
        j = tpl.find("{{", i)
        if j < 0:
            out.append(tpl[i:])
            break
        k = tpl.index("}}", j)
        out.append(tpl[i:j])
        expr = tpl[j + 2:k].strip()
        val = ctx
        for part in expr.split("."):
            val = val[int(part)] if part.isdigit() else val[part]
        out.append(str(val))
        i = k + 2
    return "".join(out)
ctx = {"user": {"name": "Zed", "tags": ["a", "b"]}, "n": 3}
print(render("Hi {{ user.name }}, tag0={{user.tags.0}}, n={{n}}!", ctx))
try:
    render("{{ user.age }}", ctx)
except KeyError as e:
    print("missing", e)
def wrap(text, width):
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines
para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
for line in wrap(para, 28):
    print(f"|{line:<28}|")
for line in wrap(para, 28):
    print(f"|{line:^28}|")
def slug(s):
    keep = "".join(c.lower() if c.isalnum() else "-" for c in s)
    while "--" in keep:
        keep = keep.replace("--", "-")
    return keep.strip("-")
print(slug("  Hello, World! Python 3.11 -- rocks  "))
print("Caesar:", "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in "attack at dawn!"))
rle = lambda s: "".join(f"{len(g)}{g[0]}" for g in __import__("sys") and [s[i:j] for i, j in zip([0] + [k for k in range(1, len(s)) if s[k] != s[k - 1]], [k for k in range(1, len(s)) if s[k] != s[k - 1]] + [len(s)])])
print(rle("aaabccddddde"))
print(" ".join(w[::-1] for w in "reverse each word".split()), "racecar" == "racecar"[::-1])
print(f"{'x':>{3}}|{'y':<{2}}|{42!r:>5}|{'é'!a}|{3.5!s:>5}")
