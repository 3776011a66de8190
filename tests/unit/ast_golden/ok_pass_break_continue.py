for x in y:
    if x: break
    if y: continue
    pass
