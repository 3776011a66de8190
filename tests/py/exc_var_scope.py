# The 'as' name is deleted at the end of the except block.
e = 'outer value'
try:
    raise ValueError('inner')
except ValueError as e:
    print('in handler:', e)
try:
    print(e)
except NameError as err:
    print('NameError:', err)
saved = None
try:
    1 / 0
except ZeroDivisionError as exc:
    saved = exc
print('saved survives:', saved, type(saved).__name__)
