# fannkuch-redux: permutations of a small list, prefix reversals ("pancake flips"), list indexing and slicing.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # Count the flips of this permutation: reverse the first perm[0]+1 items until 0 comes first.
        first = perm1[0]
        if first:
            perm = perm1[:]
            flips = 0
            while first:
                perm[:first + 1] = perm[first::-1]
                flips += 1
                first = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips * sign
        # Next permutation in the order the benchmark prescribes (rotate the prefix, count down).
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
checksum, max_flips = fannkuch(n)
print("%d\nPfannkuchen(%d) = %d" % (checksum, n, max_flips))
