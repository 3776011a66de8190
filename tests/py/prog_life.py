# Conway's Game of Life on a small torus: a glider and a blinker over several generations.
W, H = 12, 8


def step(alive):
    counts = {}
    for (x, y) in alive:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % W, (y + dy) % H)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in alive)}


def show(alive):
    for y in range(H):
        print(''.join('#' if (x, y) in alive else '.' for x in range(W)))


cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (8, 4), (8, 5), (8, 6)}
for gen in range(4):
    print('generation', gen, 'population', len(cells))
    show(cells)
    cells = step(cells)
for _ in range(40):
    cells = step(cells)
print('after 44 generations:', len(cells), sorted(cells))
