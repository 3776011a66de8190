# e.__class__.__name__, type(e) checks, and isinstance on caught exceptions.
errors = []
for thunk in [lambda: 1 / 0, lambda: [][1], lambda: {}['x'], lambda: None.attr, lambda: int('?'),
              lambda: undefined_name, lambda: 'a' - 1, lambda: (1).foo(), lambda: iter(3), lambda: [].pop()]:
    try:
        thunk()
    except Exception as e:
        errors.append((e.__class__.__name__, str(e)))
for name, msg in errors:
    print(name, '|', msg)
