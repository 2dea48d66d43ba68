ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    out = []
    for v, s in ROMAN:
        q, n = divmod(n, v)
        out.append(s * q)
    return "".join(out)
def from_roman(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals[b] > v else v
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    assert from_roman(r) == n, n
    print(f"{n:>5} = {r}")
def is_leap(y): return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
def day_of_year(y, m, d): return sum(DAYS[:m - 1]) + d + (1 if m > 2 and is_leap(y) else 0)
def weekday(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3: y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7
names = "Sun Mon Tue Wed Thu Fri Sat".split()
for date in [(2000, 1, 1), (2024, 2, 29), (1969, 7, 20), (2026, 11, 25)]:
    print("%04d-%02d-%02d" % date, names[weekday(*date)], day_of_year(*date), is_leap(date[0]))
def calendar(y, m):
    lines = [f"{['January','February','March','April','May','June','July','August','September','October','November','December'][m-1]} {y}".center(20), "Su Mo Tu We Th Fr Sa"]
    n = DAYS[m - 1] + (1 if m == 2 and is_leap(y) else 0)
    cells = ["  "] * weekday(y, m, 1) + [f"{d:>2}" for d in range(1, n + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print(calendar(2024, 2))
try:
    assert from_roman("IIII") == 5, "bad numeral"
except AssertionError as e:
    print("AssertionError:", e)
