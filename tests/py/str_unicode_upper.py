# upper/lower/title of accented Latin letters and Greek/Cyrillic.
words = ['école', 'ÉCOLE', 'ñandú', 'über', 'çà et là', 'δέλτα', 'привет', 'Øresund']
for w in words:
    print(w, w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase())
print('àéîõü'.upper() == 'ÀÉÎÕÜ', 'ÀÉÎÕÜ'.lower())
