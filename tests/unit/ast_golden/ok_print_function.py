print("hello", end="")
print()
