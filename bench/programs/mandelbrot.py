# mandelbrot: escape-time iteration on a size x size grid, complex arithmetic spelled out in float locals.
import sys

MAX_ITER = 50


def mandelbrot(size):
    total = 0
    inside = 0
    row_hash = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        row = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = zi = 0.0
            i = 0
            while i < MAX_ITER:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            if i == MAX_ITER:
                inside += 1
            row += i
        total += row
        row_hash = (row_hash * 31 + row) % 1000000007
    return total, inside, row_hash


n = int(sys.argv[1]) if len(sys.argv) > 1 else 560
total, inside, row_hash = mandelbrot(n)
print("iterations %d, inside %d, rows %d" % (total, inside, row_hash))
