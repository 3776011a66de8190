# Opening a missing file raises FileNotFoundError; writing to a read-only handle fails.
try:
    open('does_not_exist.txt')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, e.filename)
except OSError as e:
    print('OSError', e)
with open('ro.txt', 'w') as f:
    f.write('x')
with open('ro.txt') as f:
    try:
        f.write('y')
    except Exception as e:
        print(type(e).__name__, isinstance(e, OSError))
f = open('ro.txt')
f.close()
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)
