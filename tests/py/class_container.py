# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError('cell out of range')
        return self.cells.get(pos, '.')

    def __setitem__(self, pos, value):
        self.cells[pos] = value

    def __delitem__(self, pos):
        del self.cells[pos]

    def __contains__(self, value):
        return value in self.cells.values()

    def __iter__(self):
        for y in range(self.h):
            yield ''.join(self[x, y] for x in range(self.w))


g = Grid(4, 3)
g[0, 0] = '#'
g[3, 2] = '@'
g[1, 1] = '#'
print(len(g), g[0, 0], g[2, 2], '@' in g, '$' in g)
for row in g:
    print(row)
del g[1, 1]
print(list(g), bool(g))
try:
    g[9, 9]
except IndexError as e:
    print('IndexError:', e)
