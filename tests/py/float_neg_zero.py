# Negative zero: equal to zero but keeps its sign through some operations.
nz = -0.0
print(nz, repr(nz), nz == 0, nz < 0, str(nz), format(nz, '.1f'), f'{nz:+}')
print(-nz, abs(nz), nz * -1, 0.0 * -1, -1 * 0.0, nz + 0.0, nz - 0.0, nz * nz)
print(round(-0.4), round(-0.4, 1), int(-0.5), -0.5 // 1, float('-0'), float('-0.0'))
print(1 / float('inf') * -1, -1e-320 * 1e-10)
print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0), min(-0.0, 0.0))
