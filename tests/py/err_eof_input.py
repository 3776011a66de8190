# input() with empty stdin raises EOFError, left uncaught.
print('waiting for input')
value = input()
print('got', value)
