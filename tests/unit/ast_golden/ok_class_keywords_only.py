class A(metaclass=M): pass
class B(x, y=1, *z, **w): pass
