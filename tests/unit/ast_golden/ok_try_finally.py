try:
    x
finally:
    y
try:
    a
except E:
    b
finally:
    c
