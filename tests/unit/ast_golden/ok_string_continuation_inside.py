s = "abc\
def"
