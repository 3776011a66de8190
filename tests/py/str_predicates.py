# is* predicates on ASCII and empty strings.
tests = ['abc', 'ABC', 'Abc', '123', 'abc123', '', ' ', ' \t\n', 'a b', '12.5', '-1', 'Hello World', 'hello world', '_x', 'x_1']
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(),
          t.isdecimal(), t.isnumeric(), t.isidentifier())
print('Ünïcödé'.isalpha(), 'ÀB'.isupper(), 'éa'.islower(), '²'.isdigit(), '²'.isdecimal())
