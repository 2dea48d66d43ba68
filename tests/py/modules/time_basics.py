# the time module's clocks and sleep (only deterministic facts are printed)
import time
t0 = time.perf_counter()
time.sleep(0.01)
dt = time.perf_counter() - t0
print(0.009 < dt < 5.0)
print(type(time.time()).__name__, type(time.time_ns()).__name__)
print(time.monotonic() <= time.monotonic(), time.process_time() >= 0)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
for bad in (-1, "x"):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
