if x:
# comment
