# SyntaxError: a dollar sign is not valid in Python source.
price = $100
