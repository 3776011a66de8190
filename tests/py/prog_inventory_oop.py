# An inventory system: dataclass-like classes by hand, sorting, grouping, operator overloading.
class Item:
    def __init__(self, sku, name, price_cents, qty, tags=()):
        self.sku, self.name, self.price_cents, self.qty, self.tags = sku, name, price_cents, qty, tuple(tags)

    def value(self):
        return self.price_cents * self.qty

    def __eq__(self, other):
        return isinstance(other, Item) and self.sku == other.sku

    def __hash__(self):
        return hash(self.sku)

    def __lt__(self, other):
        return (self.name, self.sku) < (other.name, other.sku)

    def __repr__(self):
        return f'Item({self.sku!r}, {self.name!r}, {self.price_cents}, {self.qty})'


class Inventory:
    def __init__(self, items=()):
        self.items = {i.sku: i for i in items}

    def __len__(self):
        return len(self.items)

    def __contains__(self, sku):
        return sku in self.items

    def __iter__(self):
        return iter(sorted(self.items.values()))

    def __add__(self, other):
        merged = Inventory(self.items.values())
        for it in other.items.values():
            if it.sku in merged.items:
                old = merged.items[it.sku]
                merged.items[it.sku] = Item(old.sku, old.name, old.price_cents, old.qty + it.qty, old.tags)
            else:
                merged.items[it.sku] = it
        return merged

    def by_tag(self):
        out = {}
        for it in self:
            for t in it.tags:
                out.setdefault(t, []).append(it.sku)
        return dict(sorted(out.items()))

    def total(self):
        return sum(i.value() for i in self.items.values())


a = Inventory([Item('A1', 'bolt', 25, 100, ['hw']), Item('B2', 'nut', 10, 300, ['hw', 'small']),
               Item('C3', 'glue', 450, 4, ['chem'])])
b = Inventory([Item('A1', 'bolt', 25, 50, ['hw']), Item('D4', 'tape', 199, 10, ['office'])])
c = a + b
print(len(a), len(b), len(c), 'D4' in c, 'D4' in a)
for it in c:
    print(it, it.value())
print(c.by_tag())
print(f'total ${c.total() / 100:,.2f}', Item('A1', 'x', 0, 0) in set(c), max(c, key=Item.value).sku)
