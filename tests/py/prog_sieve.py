# Sieve of Eratosthenes, prime counting, twin primes and a segmented check.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(n + 1) if is_p[k]]


ps = sieve(100000)
print(len(ps), ps[:12], ps[-3:])
twins = [(p, q) for p, q in zip(ps, ps[1:]) if q - p == 2]
print(len(twins), twins[-1])
gaps = {}
for p, q in zip(ps, ps[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items())[:8], max(gaps))
print(sum(ps) % 1000000007, sum(1 for p in ps if p % 4 == 1), sum(1 for p in ps if p % 4 == 3))
