# Exceptions raised and caught inside hot loops, including from builtins and from deep calls.
def risky(i):
    if i % 7 == 0:
        raise ValueError(i)
    if i % 11 == 0:
        return {}[i]
    return i


caught = {'ValueError': 0, 'KeyError': 0}
total = 0
for i in range(5000):
    try:
        total += risky(i)
    except ValueError:
        caught['ValueError'] += 1
    except KeyError:
        caught['KeyError'] += 1
print(total, caught)
conv = 0
for tok in ['1', 'x', '2.5', '3'] * 500:
    try:
        conv += int(tok)
    except ValueError:
        conv -= 1
print(conv)
n = 0
for i in range(2000):
    try:
        n += 1
        if i % 2:
            continue
    finally:
        n += 1
print(n)
