sum((x for x in y), 0)
f((a for a in b), c=1)
