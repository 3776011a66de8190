# iter(callable, sentinel) calls until the sentinel value appears.
state = [0]


def counter():
    state[0] += 1
    return state[0]


print(list(iter(counter, 5)))
data = ['a', 'b', '', 'c']
pos = [0]


def reader():
    v = data[pos[0]]
    pos[0] += 1
    return v


print(list(iter(reader, '')))
print(pos[0])
