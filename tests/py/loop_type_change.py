# A hot loop whose operand types change after warm-up (int -> float -> str -> big int), forcing deopts.
def combine(a, b):
    return a + b


results = []
for i in range(3000):
    if i < 1000:
        x = combine(i, 1)
    elif i < 2000:
        x = combine(i * 0.5, 0.25)
    elif i < 2500:
        x = combine(str(i), '!')
    else:
        x = combine(2 ** 64 + i, -i)
    if i % 500 == 499:
        results.append(x)
print(results)
acc = 0
for i in range(2000):
    acc = acc + (i if i % 3 else 0.5)
print(acc)
vals = [1, 2.5, 'a', (1,), [2], 10 ** 30, True, None]
out = []
for rep in range(200):
    for v in vals:
        out.append(type(v).__name__ if v is None else v * 2)
print(out[-8:], len(out))
