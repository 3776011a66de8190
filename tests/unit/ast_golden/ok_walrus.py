if (n := len(a)) > 10:
    pass
print(y := 5)
z = [y := f(x), y ** 2]
while chunk := read():
    pass
