# Append mode, overwrite mode and writing many lines.
with open('log.txt', 'w') as f:
    f.write('one\n')
with open('log.txt', 'a') as f:
    f.write('two\n')
    print('three', file=f)
with open('log.txt') as f:
    print(f.read().splitlines())
with open('log.txt', 'w') as f:
    f.writelines(f'row {i}\n' for i in range(5))
with open('log.txt') as f:
    lines = f.readlines()
print(len(lines), lines[0], lines[-1], end='')
with open('unicode.txt', 'w', encoding='utf-8') as f:
    f.write('héllo wörld — ✓\n')
with open('unicode.txt', encoding='utf-8') as f:
    s = f.read()
print(s, len(s), end='')
