# A simple data descriptor with __get__/__set__/__set_name__ used for validated fields.
class Positive:
    def __set_name__(self, owner, name):
        self.name = '_' + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f'{self.name[1:]} must be positive')
        setattr(obj, self.name, value)


class Box:
    width = Positive()
    height = Positive()

    def __init__(self, w, h):
        self.width = w
        self.height = h

    def area(self):
        return self.width * self.height


b = Box(3, 4)
print(b.area(), b._width, type(Box.width).__name__)
try:
    b.height = -1
except ValueError as e:
    print('ValueError:', e)
print(b.height)
