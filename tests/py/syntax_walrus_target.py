# SyntaxError: an assignment expression cannot target an attribute.
class C: pass
c = C()
if (c.x := 5):
    pass
