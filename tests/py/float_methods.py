# Float methods and attributes other than repr.
x = 6.5
print(x.is_integer(), x.real, x.imag, x.conjugate(), (3.0).is_integer())
print(x.hex(), (1.0).hex(), (-0.1).hex(), (0.0).hex(), float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'))
print((0.25).as_integer_ratio(), float(7).as_integer_ratio())
print(float.__name__, type(1e3).__name__, isinstance(1.0, float), isinstance(1, float))
print(hash(0.5) == hash(0.5), hash(2.0) == hash(2), hash(-0.0) == hash(0.0))
