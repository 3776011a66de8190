# assert with and without messages, caught as AssertionError.
def check(x):
    assert x > 0, f'x must be positive, got {x}'
    assert isinstance(x, int)
    return x


print(check(5))
for v in (-1, 2.5):
    try:
        check(v)
    except AssertionError as e:
        print('AssertionError:', repr(str(e)), e.args)
try:
    assert [], ['list', 'message']
except AssertionError as e:
    print(e.args)
