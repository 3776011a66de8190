# A tight float loop on locals: where immediate floats pay off most.
import sys


def run(n):
    x = 0.0
    y = 1.5
    for _ in range(n):
        x = x * 0.5 + y * 1.0001
        y = y - x * 0.25
    return x + y


print("%.9f" % run(int(sys.argv[1]) if len(sys.argv) > 1 else 3000000))
