# Hot integer loops whose values leave the machine range mid-loop and come back.
x = 1
peak = 0
for i in range(200):
    x = x * 3 if i < 100 else x // 3
    peak = max(peak, x.bit_length())
print(x, peak)
s = 0
for i in range(100000):
    s += i * i * i
print(s)
v = 2 ** 62 - 5
seen = []
for i in range(10):
    v += 1
    seen.append(v - 2 ** 62)
print(seen, v)
n = -(2 ** 62) + 3
for i in range(10):
    n -= 1
print(n, n + 2 ** 62)
h = 0
for i in range(50000):
    h = (h * 31 + i) % (2 ** 64)
print(h)
m = 0
for i in range(5000):
    m = (m * 1000003) ^ i
print(m.bit_length(), m % 1000000007)
