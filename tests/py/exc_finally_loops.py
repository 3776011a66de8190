# break and continue inside try/finally inside loops.
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('body', i)
    finally:
        print('finally', i)
print('loop done')
n = 0
while True:
    try:
        n += 1
        if n < 3:
            continue
        break
    finally:
        print('while finally', n)
for i in range(2):
    try:
        try:
            raise RuntimeError(i)
        finally:
            print('inner finally', i)
    except RuntimeError as e:
        print('caught', e)
        continue
    print('never')


def gen_finally():
    for i in range(3):
        try:
            if i == 2:
                continue
        finally:
            print('g finally', i)
    return 'end'


print(gen_finally())
