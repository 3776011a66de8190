# Three-argument pow: modular exponentiation, including negative exponents (modular inverse).
print(pow(2, 10, 1000), pow(3, 200, 13), pow(5, 0, 7), pow(5, 0, 1))
print(pow(2, 10 ** 18, 10 ** 9 + 7), pow(123456789, 987654321, 2 ** 61 - 1))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-7, 11, 13))
print(pow(3, -1, 7), pow(38, -1, 97), (pow(38, -1, 97) * 38) % 97)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError:', e)
