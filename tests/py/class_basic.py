# A basic class: __init__, methods, instance and class attributes, type name.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
q = p.moved(1, -1)
print(p.x, p.y, p.norm2(), q.x, q.y, Point.dims, p.dims, type(p).__name__, Point.__name__)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 5
print(p.dims, q.dims)
del p.dims
print(p.dims)
p.z = 'dynamic'
print(p.z, hasattr(q, 'z'), isinstance(p, Point), isinstance(3, Point))
m = p.norm2
print(m(), Point.norm2(q))
