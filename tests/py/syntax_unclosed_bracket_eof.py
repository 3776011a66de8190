# SyntaxError: a list literal still open at the end of the file.
values = [1, 2,
          3, 4
