import math
samples = {"north": [12.5, 14.1, 9.8, 11.0, 15.3], "south": [22.0, 19.5, 21.25, 18.0], "east": [5.0], "west": []}
def mean(xs): return sum(xs) / len(xs)
def median(xs):
    s = sorted(xs); n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
def stdev(xs):
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))
print(f"{'region':<8}|{'n':>3}|{'mean':>8}|{'median':>8}|{'stdev':>8}")
for region, xs in sorted(samples.items()):
    try:
        print(f"{region:<8}|{len(xs):>3}|{mean(xs):>8.3f}|{median(xs):>8.2f}|{stdev(xs):>8.4f}")
    except ZeroDivisionError as e:
        print(f"{region:<8}|{len(xs):>3}| error: {e}")
    except IndexError as e:
        print(f"{region:<8}|{len(xs):>3}| error: {e}")
allx = [x for xs in samples.values() for x in xs]
hist = {}
for x in allx:
    b = int(x // 5) * 5
    hist[b] = hist.get(b, 0) + 1
for b in sorted(hist):
    print(f"{b:>3}-{b + 4:<3} {'*' * hist[b]} ({hist[b] / len(allx):.1%})")
print(round(mean(allx), 4), median(allx), min(allx), max(allx), f"{sum(allx):.2f}")
pct = lambda p: sorted(allx)[min(len(allx) - 1, int(p / 100 * len(allx)))]
print([pct(p) for p in (10, 50, 90, 100)])
corr_x, corr_y = [1, 2, 3, 4, 5], [2, 4, 5, 4, 5]
mx, my = mean(corr_x), mean(corr_y)
cov = sum((a - mx) * (b - my) for a, b in zip(corr_x, corr_y))
r = cov / math.sqrt(sum((a - mx) ** 2 for a in corr_x) * sum((b - my) ** 2 for b in corr_y))
print(f"r = {r:.6f}", f"slope = {cov / sum((a - mx) ** 2 for a in corr_x):.3f}")
