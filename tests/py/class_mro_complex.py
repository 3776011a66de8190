# A larger C3 example and an inconsistent hierarchy that cannot be linearized.
class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass


print([c.__name__ for c in A.__mro__])
print([c.__name__ for c in B.__mro__])


class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass


try:
    class Bad(P, Q):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Dup(X, X):
        pass
except TypeError as e:
    print('TypeError:', e)
