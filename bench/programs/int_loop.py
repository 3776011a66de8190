# Tight integer loops: arithmetic, bit operations, comparisons and while loops on small ints in locals.
import sys


def mix(n):
    acc = 0
    for i in range(n):
        acc = (acc * 31 + (i ^ (i >> 3))) & 0xFFFFFFF
        if acc & 1:
            acc += i % 7
        else:
            acc -= i // 3
    return acc


def collatz_steps(limit):
    longest = 0
    best = 0
    total = 0
    k = 1
    while k < limit:
        x = k
        steps = 0
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x >>= 1
            steps += 1
        total += steps
        if steps > longest:
            longest = steps
            best = k
        k += 1
    return total, best, longest


def sieve_count(limit):
    flags = [True] * limit
    flags[0] = flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def main(n):
    print(mix(n * 20))
    print("%d %d %d" % collatz_steps(n))
    print(sieve_count(n * 20))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 90000)
