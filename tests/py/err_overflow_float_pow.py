# Float exponentiation whose result exceeds the double range overflows.
print(2.0 ** 1000)
print(2.0 ** 10000)
