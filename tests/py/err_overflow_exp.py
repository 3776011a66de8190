# math.exp(1000) overflows.
import math
print(round(math.exp(10), 6))
print(math.exp(1000))
