# int() of a string with more than 4300 digits is refused.
ok = int('7' * 4300)
print(ok % 1000)
too_long = int('7' * 5000)
print(too_long)
