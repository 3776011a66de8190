# Uncaught AttributeError on an instance.
class Robot:
    def __init__(self):
        self.name = 'r2'


r = Robot()
print(r.name)
print(r.serial_number)
