r = -a + +b - ~c
s = not not x
t = - - -1
