# break and continue in nested loops; loop variables after the loop.
result = []
for i in range(5):
    if i == 1:
        continue
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        result.append((i, j))
print(result)
print('i after loop:', i, 'j after loop:', j)
count = 0
while True:
    count += 1
    if count % 2:
        continue
    if count > 8:
        break
print(count)
for k in []:
    pass
try:
    print(k)
except NameError as e:
    print('NameError:', e)
