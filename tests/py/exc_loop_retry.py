# Exceptions used for control flow: retry loops, parsing with fallbacks, counting failures.
attempts = {'n': 0}


def flaky():
    attempts['n'] += 1
    if attempts['n'] < 3:
        raise ConnectionError(f'attempt {attempts["n"]} failed')
    return 'connected'


for i in range(5):
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print('retry after:', e)


def parse(tok):
    for conv in (int, float):
        try:
            return conv(tok)
        except ValueError:
            pass
    return tok


print([parse(t) for t in '12 3.5 abc -7 1e3 nan'.split()])
failures = 0
for i in range(-3, 4):
    try:
        100 // i
    except ZeroDivisionError:
        failures += 1
print('failures', failures)
