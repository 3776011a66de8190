# Chained generators as a data pipeline.
text = '''alpha 3
beta 7
# comment
gamma x
delta 12

epsilon 5'''


def lines(t):
    for ln in t.splitlines():
        yield ln


def non_empty(it):
    for ln in it:
        if ln.strip() and not ln.startswith('#'):
            yield ln


def parsed(it):
    for ln in it:
        name, _, num = ln.partition(' ')
        if num.isdigit():
            yield name, int(num)
        else:
            print('skipping', repr(ln))


def running_total(it):
    total = 0
    for name, n in it:
        total += n
        yield name, n, total


for row in running_total(parsed(non_empty(lines(text)))):
    print(row)
