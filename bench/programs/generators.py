# generator pipeline: a chain of generators (source, map, filter, sliding window, chunking, flattening with
# yield from, a generator expression and a closure-built stage) pulled by a consumer. Mostly frame
# creation/resumption and iteration protocol.
import sys


def numbers(n, seed):
    state = seed
    for _ in range(n):
        state = (state * 69069 + 1) & 0xFFFFFFFF
        yield state >> 16


def scaled(source, k):
    for x in source:
        yield x * k % 1009


def only(source, predicate):
    for x in source:
        if predicate(x):
            yield x


def windows(source, size):
    window = []
    for x in source:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            del window[0]


def chunks(source, size):
    chunk = []
    for x in source:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(source):
    for chunk in source:
        yield from chunk


def make_stage(offset):
    def stage(source):
        for x in source:
            yield x + offset
    return stage


def pipeline(n, seed):
    stage = make_stage(seed % 17)
    nums = only(scaled(numbers(n, seed), 7), lambda v: v % 3 != 0)
    sums = (a + 2 * b + 3 * c for a, b, c in windows(nums, 3))
    total = 0
    count = 0
    biggest = 0
    for x in stage(flatten(chunks(sums, 16))):
        total += x
        count += 1
        if x > biggest:
            biggest = x
    return total, count, biggest


def main(rounds):
    grand = 0
    for r in range(rounds):
        total, count, biggest = pipeline(20000, r + 1)
        grand += total
        if r == 0:
            print("round 0: total %d count %d max %d" % (total, count, biggest))
    print("%d rounds: grand total %d" % (rounds, grand))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
