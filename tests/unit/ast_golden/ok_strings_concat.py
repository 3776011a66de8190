s = "a" "b" u"c"
t = u"a" "b"
b = b"a" b"b"
c = ("x"
     "y")
