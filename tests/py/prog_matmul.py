# Matrix multiplication with lists: integer, float and identity checks, plus matrix power.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def mat_pow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e >>= 1
    return result


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b))
print(matmul(b, a))
print(matmul(a, identity(3)) == a)
fib = mat_pow([[1, 1], [1, 0]], 90)
print(fib[0][1])
print(mat_pow([[1, 1], [1, 0]], 300)[0][1])
n = 30
x = [[(i * j + 1) % 7 for j in range(n)] for i in range(n)]
y = matmul(x, x)
print(sum(map(sum, y)), y[0][:5], y[n - 1][n - 1])
f = [[0.5, 0.25], [0.125, 1.0]]
print(matmul(f, f))
