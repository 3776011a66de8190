# Uncaught KeyError with a string key.
config = {'host': 'localhost', 'port': 80}
print(config['host'])
print(config['password'])
