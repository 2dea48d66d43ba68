# strings.py - string building and processing: concatenation, join, split,
# %-formatting, str.format, f-strings, replace, find, upper/lower, slicing,
# encode/decode.
import sys


def main(scale):
    n = int(400000 * scale)
    parts = []
    for i in range(n):
        parts.append(f"item{i}:{i * 3 % 17:03d}")
    text = ",".join(parts)
    fields = text.split(",")
    total_len = 0
    for f in fields:
        name, val = f.split(":")
        total_len += len(name) + int(val)
    lines = []
    for i in range(n // 2):
        lines.append("%s-%d-%.2f" % ("row", i, i / 7.0))
        lines.append("{}|{:>8}|{:x}".format("col", i, i))
    joined = "\n".join(lines)
    upper = joined.upper()
    replaced = upper.replace("ROW", "r").replace("COL", "c")
    count_r = replaced.count("r-")
    pos = replaced.find("c|   12345")
    s = ""
    for i in range(n // 5):
        s += str(i % 10)
    digits = sum(ord(ch) - 48 for ch in s)
    words = ("the quick brown fox jumps over the lazy dog " * (n // 50)).split()
    caps = " ".join(w.capitalize() for w in words)
    rev = caps[::-1]
    dec = caps.swapcase().lower()
    starts = sum(1 for w in words if w.startswith("t"))
    stripped = sum(len(("  %d  " % i).strip()) for i in range(n // 5))
    h = 0
    for ch in dec[:200000]:
        h = (h * 31 + ord(ch)) & 0xffffffff
    print("strings checksum", len(text), total_len, len(joined), count_r,
          pos, digits, len(rev), starts, stripped, h)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
