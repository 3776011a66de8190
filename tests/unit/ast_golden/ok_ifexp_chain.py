r = a if b else c if d else e
s = (x if y else z) if w else v
