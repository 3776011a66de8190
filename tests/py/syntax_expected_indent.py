# IndentationError: a block header followed by an unindented line.
for i in range(3):
print(i)
