# In-place operators: __iadd__ mutating in place versus falling back to __add__.
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self


class Val:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Val(self.v + o)


a = Acc()
alias = a
a += 1
a += 2
print(a.items, alias is a)
v = Val(1)
w = v
v += 10
print(v.v, w.v, v is w)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
