# Global and builtin reads in hot loops: rebinding a global, shadowing a builtin with a global and
# deleting it again, `global` statements, deleting a global and catching NameError, all mid-loop.
K = 3


def read_k():
    return K


def use_len(x):
    return len(x)


seq = []
for i in range(500):
    if i == 100:
        K = 4
    if i == 200:
        K = 'str'
    if i == 300:
        globals()['K'] = 5.5
    if i % 50 == 0:
        seq.append(read_k())
print('rebind', seq)

lens = []
for i in range(400):
    if i == 100:
        def len(x):
            return -1
    if i == 200:
        del len
    if i == 300:
        len = lambda x: 'lam'
    if i % 50 == 0:
        lens.append(use_len('abcd'))
del len
print('shadow builtin', lens, use_len([1, 2]))

counter = 0


def bump(n):
    global counter
    counter += n
    return counter


for i in range(1000):
    bump(i % 4)
    if i == 500:
        counter = -1000
print('global stmt', counter)


def set_new(i):
    global NEW
    NEW = i


def read_new():
    return NEW


got = []
for i in range(400):
    if i == 100:
        set_new(7)
    if i == 200:
        del NEW
    if i == 300:
        set_new('back')
    try:
        got.append(read_new())
    except NameError as e:
        got.append(None)
        msg = str(e)
print('delete global', got[99:101], got[199:201], got[299:301], got.count(None), msg)


def builtins_mix(i):
    return abs(-i) + min(i, 5) + max(i, 2) + int(isinstance(i, int))


s = 0
for i in range(2000):
    s += builtins_mix(i)
    if i == 1000:
        abs = lambda v: 0
    if i == 1500:
        del abs
print('builtins', s)


def many_globals():
    return A1 + A2 + A3


A1, A2, A3 = 1, 2, 3
tot = 0
for i in range(3000):
    tot += many_globals()
    if i % 1000 == 999:
        A2 = A2 * 10
    if i == 1500:
        for j in range(50):
            globals()['filler%d' % j] = j
print('many', tot, filler49)
for j in range(50):
    del globals()['filler%d' % j]
print('after cleanup', many_globals(), 'filler0' in globals())


def outer():
    x = 'local'

    def inner():
        return x + str(K)
    return inner


f = outer()
out = [f() for i in range(3)]
K = 9
out.append(f())
print('closure vs global', out)
