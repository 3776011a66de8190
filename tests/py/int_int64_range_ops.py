# Arithmetic on ints around the 50-bit immediate and the 64-bit boundaries (the int64 fast path of the
# generic binary operator must agree with big-int arithmetic everywhere), and a 31-bit LCG in a hot loop.
import sys
M = 2**63
vals = [0, 1, -1, 2**49, -2**49, 2**50 + 3, -(2**50) - 7, 2**62, -2**62, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -2**64, 12345678901234567]
out = []
for a in vals:
    for b in vals:
        row = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        if b:
            row += [a // b, a % b]
        out.append(sum(x % 1000003 for x in row))
print(sum(out), out[:10])
state = 42
for i in range(1000):
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
print(state)
print((-2**63) // -1, (-2**63) % -1)
