b = b"\x00\xff\n\t\\\'\"\101\r"
c = b'"'
d = b"'"
