# input() at end of input raises EOFError, which can be caught.
try:
    input('prompt> ')
except EOFError as e:
    print()
    print('EOFError:', e)
