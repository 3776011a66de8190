for i, (a, b) in enumerate(z):
    pass
else:
    done()
for x in 1, 2: pass
for *a, b in c: pass
