# Python 3.12 f-string grammar (PEP 701): reused quotes, nesting, comments and backslashes in fields.
names = ['x', 'y']
print(f"{'-'.join(names)}", f"{", ".join(names)}", f"{f"{f"{1 + 1}"}"}")
print(f"{'\n'.join(names)}")
total = f"{
    sum([1, 2, 3])  # a comment inside the field
}"
print(total, f'{"a" "b"}', f"{names[0]!r:>5}")
