# Call sites that see many different callables and receiver types in a hot loop.
class A:
    def area(self):
        return 1


class B(A):
    def area(self):
        return 2


class C:
    def area(self):
        return 3.5


def area_fn():
    return 'fn'


shapes = [A(), B(), C(), A(), B()]
tot = 0
for i in range(3000):
    tot += shapes[i % len(shapes)].area()
print(tot)
callables = [len, str.upper, lambda s: s[::-1], A, (lambda: None).__class__, abs]
outs = []
for i in range(300):
    f = callables[i % 3]
    outs.append(f('abc'))
print(outs[:6], len(outs))
vals = []
for i in range(1000):
    v = [i, float(i), str(i), (i,)][i % 4]
    vals.append(v * 2)
print(vals[-4:])
