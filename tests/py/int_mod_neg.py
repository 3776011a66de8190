# Modulo takes the sign of the divisor; a == (a // b) * b + a % b always holds.
ok = True
for a in range(-12, 13):
    for b in (1, 2, 3, 5, -1, -2, -3, -5):
        if (a // b) * b + a % b != a:
            ok = False
        if b > 0 and not (0 <= a % b < b):
            ok = False
        if b < 0 and not (b < a % b <= 0):
            ok = False
print(ok)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(-1 % 2**64, 2**64 % -7, -(2**70) % 1000)
print(0 % 5, 0 % -5)
