# Uncaught ZeroDivisionError from integer floor division inside a function.
def avg_bucket(total, n):
    return total // n


print(avg_bucket(10, 3))
print(avg_bucket(10, 0))
