# Towers of Hanoi move list and breadth-first search over a small grid maze.
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves


print(hanoi(3, 'A', 'C', 'B', []))
print(len(hanoi(10, 'A', 'C', 'B', [])))
MAZE = ['S.#.......',
        '.##.####.#',
        '....#....#',
        '#.#...##.#',
        '..#.#....E']


def bfs():
    rows, cols = len(MAZE), len(MAZE[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if MAZE[r][c] == 'S')
    prev = {start: None}
    queue = [start]
    head = 0
    while head < len(queue):
        r, c = queue[head]
        head += 1
        if MAZE[r][c] == 'E':
            path = []
            node = (r, c)
            while node:
                path.append(node)
                node = prev[node]
            return path[::-1]
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and MAZE[nr][nc] != '#' and (nr, nc) not in prev:
                prev[nr, nc] = (r, c)
                queue.append((nr, nc))
    return None


path = bfs()
print(len(path) - 1, path)
grid = [list(row) for row in MAZE]
for r, c in path[1:-1]:
    grid[r][c] = '*'
print('\n'.join(''.join(row) for row in grid))
