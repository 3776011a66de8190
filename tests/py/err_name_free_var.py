# Uncaught NameError: a closure reads a free variable before the enclosing function assigns it.
def make_reader():
    def read_it():
        return payload_value
    result = read_it()
    payload_value = 1
    return result


print('calling')
make_reader()
