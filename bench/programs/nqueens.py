# nqueens: count every placement of n non-attacking queens by backtracking (recursion, lists of flags,
# generator of candidate columns), and fingerprint the solutions found.
import sys


def free_columns(n, row, cols, diag1, diag2):
    for c in range(n):
        if not cols[c] and not diag1[row + c] and not diag2[row - c + n - 1]:
            yield c


def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n - 1)
    diag2 = [False] * (2 * n - 1)
    placed = []
    found = [0, 0]   # count, fingerprint

    def place(row):
        if row == n:
            found[0] += 1
            h = 0
            for c in placed:
                h = (h * n + c) % 1000003
            found[1] = (found[1] + h) % 1000003
            return
        for c in free_columns(n, row, cols, diag1, diag2):
            cols[c] = diag1[row + c] = diag2[row - c + n - 1] = True
            placed.append(c)
            place(row + 1)
            placed.pop()
            cols[c] = diag1[row + c] = diag2[row - c + n - 1] = False

    place(0)
    return found[0], found[1]


def main(n):
    for size in range(4, n + 1):
        count, fingerprint = solve(size)
        print("%2d queens: %6d solutions, fingerprint %d" % (size, count, fingerprint))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
