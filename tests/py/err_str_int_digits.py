# str() of an int with more than 4300 digits is refused; computing with it is fine.
x = 10 ** 5000
print(x % 997, x.bit_length())
print(str(x))
