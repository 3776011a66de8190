# Function objects: __name__, __doc__, __defaults__, __kwdefaults__, custom attributes, identity.
def documented(a, b=2, *, c=3):
    """Adds things."""
    return a + b + c


print(documented.__name__, documented.__doc__, documented.__defaults__, documented.__kwdefaults__)
documented.calls = 5
print(documented.calls, hasattr(documented, 'calls'), getattr(documented, 'missing', 'none'))


def undocumented():
    pass


print(undocumented.__doc__, undocumented(), type(undocumented).__name__, documented.__qualname__)


class K:
    def method(self):
        pass


print(K.method.__name__, K.method.__qualname__, documented == documented, documented != undocumented)
