# Hot side exits: a branch the trace did not record becomes hot and gets its own trace, chained to the loop's;
# nested loops leave their inner loop every few iterations through an exit that gets a trace too.
def branches(n):
    a = b = c = 0
    for i in range(n):
        if i % 3 == 0:
            a += i
        elif i % 3 == 1:
            b -= i
        else:
            c ^= i
    return a, b, c


print(branches(3000))


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i % 5):
            total += i * j
        total -= 1
    return total


print(nested(2000))


def phases(n):
    # First the trace sees only even numbers, later the odd branch dominates.
    out = 0
    for i in range(n):
        v = i * 2 if i < n // 4 else i * 2 + 1
        if v % 2 == 0:
            out += v
        else:
            out -= 1
    return out


print(phases(4000))


def while_loop(n):
    i = 0
    s = 0.0
    while i < n:
        if i & 1:
            s += 0.5
        else:
            s -= 0.25
        i += 1
    else:
        s *= 2
    return s


print(while_loop(5001))


def breaks(items):
    found = []
    for row in items:
        for x in row:
            if x < 0:
                break
            if x == 0:
                continue
            found.append(x)
        else:
            found.append('end')
    return found


print(breaks([[1, 2, -1, 3], [0, 4], [5, 0, -2], [6]] * 3))
