# time: only types and monotonicity are checked, never actual values.
import time
t = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
s = 0
for i in range(10000):
    s += i
m2 = time.monotonic()
p2 = time.perf_counter()
print(type(t).__name__, t > 1e9, type(m1).__name__, m2 >= m1, p2 >= p1, s)
print(type(time.time_ns()).__name__, time.time_ns() > 10 ** 18, type(time.perf_counter_ns()).__name__)
time.sleep(0.01)
print(time.monotonic() >= m2, time.perf_counter() - p1 >= 0.0)
