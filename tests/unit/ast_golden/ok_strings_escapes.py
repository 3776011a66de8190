s = "\n\t\\\'\"\a\b\f\v\r\0\1\12\123\x41\u00e9\U0001F600\
continued"
