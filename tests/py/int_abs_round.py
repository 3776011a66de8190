# abs() and round() on ints.
print(abs(-5), abs(5), abs(0), abs(-(2 ** 100)), abs(True))
print(round(5), round(-5), round(1234, -1), round(1235, -1), round(1245, -1), round(-1255, -1))
print(round(15, -1), round(25, -1), round(35, -1), round(150, -2), round(250, -2))
print(round(123456, -10), round(10 ** 20 + 5, -1), round(7, 3))
print(type(round(5)).__name__, type(round(5, 2)).__name__)
