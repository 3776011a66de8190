@decorator
class A(B, C, metaclass=M, **kw):
    x = 1
    def m(self): ...
class D: pass
class E(): pass
class F(*bases): pass
