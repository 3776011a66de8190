# Unicode special casing: one character can map to several when changing case.
print('ß'.upper(), len('ß'.upper()), 'straße'.upper(), 'STRASSE'.lower(), 'ß'.casefold(), 'ß'.lower())
print('ﬁ'.upper(), len('ﬁ'.upper()), 'ﬁre'.title(), 'İ'.lower() == 'i\u0307', len('İ'.lower()))
print('ǆ'.upper(), 'ǆ'.title(), 'ǅ'.lower(), 'ΣΑΣ'.lower(), 'ὈΔΥΣΣΕΎΣ'.lower())
