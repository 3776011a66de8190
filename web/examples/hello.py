# The first program Krait runs: `bash .ci/setup` runs it natively and under Node to show both builds work.

def greet(name):
    return "Hello, " + name + "!"


print(greet("Krait"))
total = 0
for i in range(1, 11):
    total = total + i * i
print("The squares of 1 to 10 add up to", total)
