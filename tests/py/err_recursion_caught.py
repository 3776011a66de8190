# Deep recursion caught with except RecursionError; the program then continues normally.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print('caught RecursionError:', type(e).__name__, isinstance(e, RuntimeError))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print('after recovery', fact(50) % 1000007)
for attempt in range(3):
    try:
        down(0)
    except RecursionError:
        print('caught again', attempt)
print('done')
