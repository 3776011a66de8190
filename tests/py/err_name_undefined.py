# Uncaught NameError for a name that was never defined.
total = 0
for i in range(3):
    total += i
print(total)
print(totl_value_never_defined)
