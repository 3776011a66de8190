# nonlocal rebinding in nested scopes and global declarations.
total = 0


def add_global(n):
    global total
    total += n


for i in range(5):
    add_global(i)
print(total)


def outer():
    a = 1

    def mid():
        nonlocal a
        a += 10

        def inner():
            nonlocal a
            a *= 2
        inner()
    mid()
    mid()
    return a


print(outer())


def make_global():
    global created_later
    created_later = 'made'


make_global()
print(created_later)
x = 'global x'


def shadow():
    x = 'local x'
    return x


print(shadow(), x)
