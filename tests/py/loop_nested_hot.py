# Nested hot loops with early exits, float accumulation and list mutation.
grid = [[(r * 37 + c * 11) % 17 for c in range(60)] for r in range(60)]
best = (-1, None)
for r in range(60):
    for c in range(60):
        s = 0
        for dr in range(3):
            row = grid[(r + dr) % 60]
            for dc in range(3):
                s += row[(c + dc) % 60]
        if s > best[0]:
            best = (s, (r, c))
print(best)
acc = 0.0
for i in range(1, 20001):
    acc += 1.0 / (i * i)
print(f'{acc:.12f}')
lst = list(range(1000))
i = 0
while i < len(lst):
    if lst[i] % 3 == 0:
        lst.pop(i)
    else:
        lst[i] *= 2
        i += 1
print(len(lst), lst[:6], lst[-3:], sum(lst))
