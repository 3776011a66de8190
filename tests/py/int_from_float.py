# int() truncates floats toward zero; big floats convert exactly.
for f in (3.7, -3.7, 0.5, -0.5, 0.0, -0.0, 1e10, 1e20, 2.0 ** 70, -1.5e18, 123456789.999):
    print(f, int(f))
print(int(1e300) == 10 ** 300, int(1e300) % 10 ** 10)
print(int(True), int(False), int('  7 '))
for bad in (float('inf'), float('nan')):
    try:
        int(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
