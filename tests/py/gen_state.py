# Generator state: running inside, exhausted after return, reentrancy error, generator as method.
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)


t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(t), list(t.depth_first()))


def self_ref():
    yield next(me)


me = self_ref()
try:
    next(me)
except ValueError as e:
    print('ValueError:', e)
