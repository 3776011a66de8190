x: int
y: list[int] = []
(z): int = 1
a.b: str = "s"
c[0]: float
w: tuple = 1, 2
