data = """name,dept,salary,start
Alice,Engineering,120000,2015-03-01
Bob,Sales,65000.50,2018-07-15
Carol,Engineering,135000,2012-11-30
Dan,Marketing,72000,2020-01-02
Eve,Sales,58000,2021-06-21
Frank,Engineering,99000,2019-09-09
"""

def parse(text):
    lines = [l for l in text.strip().split("\n") if l]
    header = lines[0].split(",")
    rows = []
    for line in lines[1:]:
        fields = line.split(",")
        row = dict(zip(header, fields))
        row["salary"] = float(row["salary"])
        y, m, d = map(int, row["start"].split("-"))
        row["start"] = (y, m, d)
        rows.append(row)
    return header, rows

header, rows = parse(data)
print(header)
by_dept = {}
for r in rows:
    by_dept.setdefault(r["dept"], []).append(r)
for dept in sorted(by_dept):
    people = by_dept[dept]
    total = sum(p["salary"] for p in people)
    avg = total / len(people)
    print(f"{dept:>12}: n={len(people)} total={total:,.2f} avg={avg:10.2f}")
oldest = min(rows, key=lambda r: r["start"])
print("senior:", oldest["name"], "%04d/%02d/%02d" % oldest["start"])
print(sorted(rows, key=lambda r: (r["dept"], -r["salary"]))[0]["name"])
for r in rows:
    print("{name:<6} {salary:>12,.1f} {start[0]}".format(**r))
print(round(sum(r["salary"] for r in rows) / len(rows), 2))
print(max(r["salary"] for r in rows), min(r["salary"] for r in rows))
print([r["name"] for r in rows if r["salary"] > 70000])
print(",".join(header).upper().replace(",", ";"))
print("%s earns %.1f%% of total" % (rows[0]["name"], 100 * rows[0]["salary"] / sum(r["salary"] for r in rows)))
print(f"{1234567.891:e} {0.000123:g} {1e20:g} {123456789:_} {255:#x} {255:#o} {255:08b}")
