# bool is an int subclass: arithmetic on True/False.
print(True + True, True * 10, False - True, True / 2, True // 2, -True, ~True)
print(sum([True, False, True, True]), True == 1, False == 0, True is not 1 == 1)
print(isinstance(True, int), type(True + 0).__name__, type(True & True).__name__, type(True + True).__name__)
print(True & False, True | False, True ^ True, type(True ^ True).__name__)
print(True < 2, max(True, 0), [10, 20][True])
print(str(True), repr(False), int(True), float(True))
