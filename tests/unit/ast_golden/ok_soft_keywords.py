match = 1
case = 2
type = 3
_ = 4
match(x)
type(x)
match[1]
print(match, case, type)
match.x = 1
match, case = 1, 2
