# KeyError's str() is the repr of the key; args hold the key itself.
d = {}
for key in ['name', 42, (1, 2), 3.5, None, '', "it's"]:
    try:
        d[key]
    except KeyError as e:
        print(repr(str(e)), e.args, repr(e))
try:
    {}.pop('k')
except LookupError as e:
    print(type(e).__name__, e)
