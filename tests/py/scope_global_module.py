# Module-level globals: reassignment, del, global from nested functions, and name lookup order.
counter = 0


def incr():
    global counter
    counter += 1


def read():
    return counter


for _ in range(3):
    incr()
print(counter, read())
del counter
try:
    read()
except NameError as e:
    print('NameError:', e)


def define():
    global counter
    counter = 100


define()
print(read())


def outer():
    counter = 'local'

    def inner():
        global counter
        return counter
    return inner(), counter


print(outer())
print = print
print('print rebound to itself still works')
