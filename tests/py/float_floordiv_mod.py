# Floor division and modulo on floats, sign rules and edge cases.
for a in (7.5, -7.5, 7.0, -7.0, 0.0, 1e-300):
    for b in (2.0, -2.0, 0.75, -3):
        print(a, b, a // b, a % b)
print(-0.0 % 5.0, 0.0 % -5.0, -1e-20 % 1.0, 1e-20 % -1.0)
print(5.0 % float('inf'), -5.0 % float('inf'), 5.0 // float('inf'), -5.0 // float('inf'))
print(1.0 % 0.1, 1.0 // 0.1, 0.3 % 0.1)
