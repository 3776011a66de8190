# Lowering the recursion limit makes shallow recursion fail, and raising it lets it succeed again.
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


sys.setrecursionlimit(100)
try:
    depth(300)
    print('no error')
except RecursionError:
    print('RecursionError at limit 100')
sys.setrecursionlimit(1000)
print(depth(300))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)
