# raytrace: a small recursive ray tracer (vector objects with operator methods, spheres and a plane,
# diffuse + specular shading, shadows and reflections) rendering a size x size image. Only +, -, *, /
# and sqrt touch the floats, so every IEEE-754 runtime computes the same pixels.
import math
import sys


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Material:
    def __init__(self, color, diffuse, specular, reflect, checker=None):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflect = reflect
        self.checker = checker

    def color_at(self, point):
        if self.checker is not None and (int(math.floor(point.x)) + int(math.floor(point.z))) & 1:
            return self.checker
        return self.color


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        if t > 1e-6:
            return t
        return None

    def normal(self, point):
        return (point - self.center).scale(1.0 / self.radius)


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.n = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.n.dot(ray.direction)
        if -1e-9 < denom < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, point):
        return self.n


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 0.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 0.3)),
            Sphere(Vec(-2.2, 0.7, 1.0), 0.7, Material(Vec(0.2, 0.9, 0.3), 0.8, 0.3, 0.1)),
            Sphere(Vec(1.8, 0.5, -1.2), 0.5, Material(Vec(0.3, 0.3, 0.9), 0.6, 0.8, 0.5)),
            Sphere(Vec(0.6, 0.3, 1.8), 0.3, Material(Vec(0.9, 0.9, 0.2), 0.9, 0.2, 0.0)),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
                  Material(Vec(0.9, 0.9, 0.9), 0.8, 0.0, 0.2, Vec(0.1, 0.1, 0.1))),
        ]
        self.lights = [(Vec(-4.0, 6.0, 5.0), Vec(0.8, 0.8, 0.8)), (Vec(5.0, 4.0, -3.0), Vec(0.4, 0.4, 0.5))]
        self.ambient = Vec(0.1, 0.1, 0.12)
        self.background = Vec(0.05, 0.05, 0.1)

    def nearest(self, ray):
        best_t = 1e30
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < best_t:
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, to_light, distance):
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        n = obj.normal(point)
        mat = obj.material
        base = mat.color_at(point)
        color = base.mul(self.ambient)
        for light_pos, light_color in self.lights:
            to_light = light_pos - point
            distance = to_light.length()
            to_light = to_light.scale(1.0 / distance)
            lambert = n.dot(to_light)
            if lambert <= 0.0 or self.shadowed(point, to_light, distance):
                continue
            color = color + base.mul(light_color).scale(lambert * mat.diffuse)
            if mat.specular > 0.0:
                half = (to_light - ray.direction).normalized()
                s = n.dot(half)
                if s > 0.0:
                    s2 = s * s
                    s4 = s2 * s2
                    s8 = s4 * s4
                    color = color + light_color.scale(mat.specular * s8 * s8 * s8 * s8)
        if depth > 0 and mat.reflect > 0.0:
            d = ray.direction
            r = d - n.scale(2.0 * d.dot(n))
            color = color + self.trace(Ray(point, r), depth - 1).scale(mat.reflect)
        return color


def channel(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


def render(size):
    scene = Scene()
    eye = Vec(0.0, 1.6, 6.0)
    total = 0
    digest = 0
    for j in range(size):
        y = 1.0 - 2.0 * (j + 0.5) / size
        for i in range(size):
            x = 2.0 * (i + 0.5) / size - 1.0
            direction = Vec(x * 1.2, y * 1.2 - 0.25, -2.0).normalized()
            c = scene.trace(Ray(eye, direction), 3)
            r, g, b = channel(c.x), channel(c.y), channel(c.z)
            total += r + g + b
            digest = (digest * 131 + r * 65536 + g * 256 + b) % 2147483647
    return total, digest


n = int(sys.argv[1]) if len(sys.argv) > 1 else 240
total, digest = render(n)
print("%dx%d pixels: sum %d digest %d" % (n, n, total, digest))
