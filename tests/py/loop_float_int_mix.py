# Arithmetic loops mixing ints and floats with comparisons, min/max and rounding.
xs = []
v = 0
for i in range(1000):
    v = v + 0.5 if i % 2 else v + 1
    xs.append(v)
print(xs[-1], type(xs[-1]).__name__, sum(xs))
cnt = 0
for i in range(10000):
    if i * 0.1 < i // 10 + 0.05:
        cnt += 1
print(cnt)
lo, hi = float('inf'), -float('inf')
for i in range(-500, 500):
    y = (i * i - 3 * i) / 7
    lo = min(lo, y)
    hi = max(hi, y)
print(lo, hi)
r = 0
for i in range(1000):
    r += round(i / 3) - i // 3
print(r)
