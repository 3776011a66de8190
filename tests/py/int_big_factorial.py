# Factorials quickly leave the machine-word range.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

for n in (0, 1, 5, 10, 20, 21, 25, 30, 50):
    print(n, fact(n))
f100 = fact(100)
print(len(str(f100)), str(f100)[:20], f100 % 1000003)
print(fact(200) // fact(198))
digits = sum(int(c) for c in str(fact(300)))
print(digits)
