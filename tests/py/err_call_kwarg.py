# Calling with an unexpected keyword argument.
def connect(host, port=80):
    return f'{host}:{port}'


print(connect('example', port=8080))
print(connect('example', timeout=3))
