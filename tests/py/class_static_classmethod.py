# staticmethod and classmethod; classmethods receive the subclass when called through it.
class Shape:
    registry = []

    def __init__(self, size):
        self.size = size

    @classmethod
    def unit(cls):
        return cls(1)

    @classmethod
    def register(cls, name):
        cls.registry.append(name)
        return cls.__name__

    @staticmethod
    def area_of_square(s):
        return s * s


class Square(Shape):
    pass


print(type(Shape.unit()).__name__, type(Square.unit()).__name__, Square.unit().size)
print(Shape.register('a'), Square.register('b'), Shape.registry)
print(Shape.area_of_square(4), Square(2).area_of_square(5), Shape(3).unit().size)
