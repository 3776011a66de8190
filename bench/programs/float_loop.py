# A tight float loop on locals: where immediate floats pay off most. A point is rotated by a small fixed
# angle n times (the rotation is computed, not looked up) while a running sum accumulates; the result
# depends on every step's rounding, so all IEEE-754 runtimes print the same digits.
import sys


def run(n):
    c = 0.9999995000000417   # cos(0.001)
    s = 0.0009999998333333417  # sin(0.001)
    x = 1.0
    y = 0.0
    acc = 0.0
    for _ in range(n):
        t = x * c - y * s
        y = x * s + y * c
        x = t
        acc += x * y + 0.5
    return acc, x, y


print("%.6f %.12f %.12f" % run(int(sys.argv[1]) if len(sys.argv) > 1 else 8000000))
