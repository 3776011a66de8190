# round() on floats: banker's rounding at ties, exact decimal semantics with ndigits.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(2.5, 0))
print(round(1234.5678, -2), round(1234.5678, 1), round(-1234.5678, 3), round(1e20, -5))
print(round(0.1 + 0.2, 10), round(1 / 3, 5), round(-0.0), round(-0.4), round(0.4, 0))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print(round(123.456, -1), round(5e-324, 300), round(1.7976931348623157e308, -300))
print(round(float('inf'), 2), round(float('nan'), 2))
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
