# An exception raised deep inside nested calls propagates to the top.
def parse(s):
    return int(s)


def load(rows):
    return [parse(r) for r in rows]


def main():
    print(load(['1', '2']))
    print(load(['3', 'four']))


main()
