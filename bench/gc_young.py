# gc_young.py - a large long-lived heap (about 2,000,000 container objects:
# 1M small lists, 1M tuples referring to them) stays alive while the program
# churns through short-lived containers, some of which survive for a while
# (a ring buffer), so young collections run constantly against a big old
# generation. Measures: total time and peak RSS (runner). If the time module
# exists, gc.callbacks time every collection; the count and longest pause per
# generation go to stderr as a "gcstats:" line (not part of the checksum).
import sys
import gc

try:
    import time
    clock = time.perf_counter
except Exception:
    clock = None


class Stats:
    def __init__(self):
        self.t0 = 0.0
        self.count = [0, 0, 0]
        self.maxpause = [0.0, 0.0, 0.0]
        self.total = 0.0

    def callback(self, phase, info):
        if phase == "start":
            self.t0 = clock()
        else:
            dt = clock() - self.t0
            g = info["generation"]
            self.count[g] += 1
            self.total += dt
            if dt > self.maxpause[g]:
                self.maxpause[g] = dt


def main(scale):
    stats = None
    if clock is not None and hasattr(gc, "callbacks"):
        stats = Stats()
        gc.callbacks.append(stats.callback)
    live_n = int(1000000 * scale)
    lists = [[i & 255, None] for i in range(live_n)]
    live = [(lst, i & 7) for i, lst in enumerate(lists)]
    ring = [None] * 1024
    acc = 0
    churn = int(3000000 * scale)
    for i in range(churn):
        t = [i & 1023, (i, i + 1), {"k": i & 15}]
        acc += t[0] + t[2]["k"]
        if i % 7 == 0:
            ring[i & 1023] = t
        if i % 1000 == 0:
            j = (i * 7919) % live_n
            live[j][0][1] = t
    s = 0
    for tup in live:
        s += tup[0][0] + tup[1]
        if tup[0][1] is not None:
            s += 1
    if stats is not None:
        gc.callbacks.remove(stats.callback)
        sys.stderr.write("gcstats: collections=%d/%d/%d maxpause_ms=%.3f/%.3f/%.3f "
                         "total_ms=%.1f\n" % (
                             stats.count[0], stats.count[1], stats.count[2],
                             stats.maxpause[0] * 1e3, stats.maxpause[1] * 1e3,
                             stats.maxpause[2] * 1e3, stats.total * 1e3))
    print("gc_young checksum", live_n, churn, acc, s)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
