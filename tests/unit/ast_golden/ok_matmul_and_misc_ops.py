x = a @ b
x @= c
y = a // b % c
