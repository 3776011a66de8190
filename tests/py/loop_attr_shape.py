# Attribute access in a hot loop while objects change shape, classes change attributes, and methods are replaced.
class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


objs = [P(i) for i in range(100)]
total = 0
for rep in range(30):
    for o in objs:
        total += o.get()
    if rep == 10:
        for o in objs[::2]:
            o.y = 1
    if rep == 15:
        P.get = lambda self: self.x * 2
    if rep == 20:
        for o in objs[1::3]:
            del o.x
            o.x = -1
    if rep == 25:
        objs[0].get = lambda: 1000
print(total)


class Q:
    kind = 'base'


q = Q()
kinds = []
for i in range(300):
    if i == 100:
        Q.kind = 'changed'
    if i == 200:
        q.kind = 'instance'
    if i % 100 == 99:
        kinds.append(q.kind)
print(kinds)
