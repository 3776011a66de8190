# Case conversion: upper/lower/title/capitalize/swapcase/casefold.
s = 'hello WORLD, it\'s a fine-day 2day'
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print('ABC'.casefold(), ''.upper(), '123'.upper(), 'mIxEd CaSe'.swapcase())
print('o\'neil mc-donald x2y'.title(), 'hELLO'.capitalize(), ' lead'.capitalize())
