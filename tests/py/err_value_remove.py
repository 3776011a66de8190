# Uncaught ValueError from list.remove of a missing element.
xs = [1, 2, 3]
xs.remove(2)
print(xs)
xs.remove(5)
