while x:
    break
    continue
else:
    pass
