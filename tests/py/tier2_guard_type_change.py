# A guard failing mid-loop: values change kind after the loop was traced (int -> float -> str -> big int), so the
# trace's guards fail, leave to tier 1 at the exact instruction, and the loop goes on with the right result.
def accumulate(values):
    total = values[0]
    for v in values[1:]:
        total = total + v
    return total


print(accumulate(list(range(50))))
print(accumulate(list(range(30)) + [0.5] * 20))
print(accumulate(['a'] * 10 + ['bc'] * 5))
print(accumulate([2 ** 40] * 10 + [2 ** 62] * 10))


def kinds(n):
    x = 0
    out = []
    for i in range(n):
        if i == 20:
            x = 1.5
        elif i == 40:
            x = 'str'
        elif i == 60:
            x = None
        elif i == 80:
            x = 7
        out.append(type(x).__name__)
        if isinstance(x, (int, float)):
            x = x * 2 if i % 2 else x + 1
    return out, x


o, last = kinds(100)
print(o[19:22], o[39:42], o[59:62], o[79:82], last)


# The same loop body with an attribute that changes from an int slot to a property-like method result.
class A:
    def __init__(self, v):
        self.v = v


def sum_attr(objs):
    s = 0
    for o in objs:
        s += o.v
    return s


class B:
    @property
    def v(self):
        return 100


print(sum_attr([A(i) for i in range(30)] + [B()] * 5 + [A(1)] * 5))

# Overflow out of the immediate int range inside a traced loop, and back.
x = 1
steps = []
for i in range(120):
    x = x * 3 if i < 60 else x // 3
    if i % 20 == 0:
        steps.append(x)
print(steps, x)

# A float guard on list items that turn into ints.
vals = [1.0] * 40 + [2] * 10 + [0.25] * 10
acc = 0.0
for v in vals:
    acc = acc * 0.5 + v
print(acc)

# Int results leaving the immediate range (2**49) mid-loop: the int ops deopt and the generic path makes big ints.
edge = 2 ** 49
seen = []
for i in range(edge - 4, edge + 4):
    seen.append(i - edge)
print(seen)
acc = edge - 10
for i in range(20):
    acc = acc + 1
    acc = acc - 1 + 1
print(acc - edge, (edge - 1) * 3 // 2, -edge // -1, (edge - 1) * (edge - 1) % 1000)
