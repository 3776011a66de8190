# -*- coding: utf-8 -*-
# SyntaxError: a string literal containing bytes that are not valid UTF-8.
print("before")
s = "café ÿþ"
print(s)
