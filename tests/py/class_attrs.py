# Class attributes are shared; mutable class attributes are shared between instances.
class Bag:
    shared = []
    count = 0

    def __init__(self):
        self.own = []
        Bag.count += 1

    def add(self, x):
        self.shared.append(x)
        self.own.append(x)


a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(a.shared, b.shared, a.own, b.own, Bag.count, a.shared is Bag.shared)
a.count = 100
print(a.count, b.count, Bag.count)
print(sorted(k for k in ('shared', 'count', 'add', 'own') if hasattr(Bag, k)))
print(a.__dict__, sorted(k for k in Bag.__dict__ if not k.startswith('__')))
print(a.__class__.__name__, a.__class__ is Bag)
