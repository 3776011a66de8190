# hasattr/getattr/setattr/delattr with defaults and dynamic attribute names.
class Config:
    debug = False


c = Config()
for name, value in [('host', 'localhost'), ('port', 8080), ('debug', True)]:
    setattr(c, name, value)
print(c.host, c.port, c.debug, Config.debug)
print(getattr(c, 'port'), getattr(c, 'missing', 'default'), hasattr(c, 'host'), hasattr(c, 'nope'))
delattr(c, 'host')
print(hasattr(c, 'host'))
try:
    getattr(c, 'host')
except AttributeError as e:
    print('AttributeError:', e)
print(getattr('abc', 'upper')(), getattr([1, 2], '__len__')(), hasattr(5, 'bit_length'))
try:
    setattr(5, 'x', 1)
except AttributeError as e:
    print('AttributeError:', e)
try:
    delattr(c, 'nothing_here')
except AttributeError as e:
    print('AttributeError:', e)
