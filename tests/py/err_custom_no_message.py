# An uncaught custom exception raised as a class, without arguments.
class Halt(Exception):
    pass


print('halting')
raise Halt
