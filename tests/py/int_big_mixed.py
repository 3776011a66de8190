# Mixing small and big ints in every operator.
big = 10 ** 30 + 7
small = 12345
print(big + small, small + big, big - small, small - big)
print(big * small, small * big, big * -small)
print(big // small, big % small, -big // small, -big % small)
print(small // big, small % big, -small // big, -small % big)
print(divmod(big, small), divmod(-big, small), divmod(big, -small))
print(big * big, (big * big) // big == big)
print(big - big, type(big - big).__name__, big - (big - 1))
print(big / small)
print((big ** 3) // (big ** 2) == big)
a = 1
for i in range(1, 40):
    a = a * 1000 + i
print(a)
while a > 10:
    a //= 997
print(a)
