# A MemoryError can be caught and the program continues normally.
try:
    big = 'ab' * 10 ** 12
except MemoryError:
    print('MemoryError caught')
try:
    lst = [None] * (10 ** 12)
except MemoryError:
    print('MemoryError caught again')
print('still alive', len('ab' * 10))
