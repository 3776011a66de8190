# float ** float in hot loops: the specialized power (BINARY_OP_POWER_FLOAT) and the cases it leaves to the
# generic path (errors: 0.0 to a negative power, overflow; a negative base to an integral power is fine).
xs = [2.0, 0.5, -2.0, 0.0, 1e300, float('inf'), -float('inf'), float('nan'), 1.0, -1.0]
ys = [2.0, -1.5, 3.0, 0.5, -1.0, 10.0, 0.0, float('inf'), -float('inf'), float('nan')]
out = []
for k in range(3):
    for x in xs:
        for y in ys:
            if x < 0 and y == y and y != int(y) if abs(y) != float('inf') else False:
                continue  # a complex result in CPython
            try:
                out.append(x ** y)
            except (ZeroDivisionError, ValueError, OverflowError) as e:
                out.append(type(e).__name__ + ": " + str(e))
print(len(out))
for v in out[:100]:
    print(v)


def mag(n):
    t = 0.0
    for i in range(1, n):
        d = i * 0.25
        t += (d * d + 1.0) ** (-1.5) + d ** 0.5
    return t


print(mag(3000))
