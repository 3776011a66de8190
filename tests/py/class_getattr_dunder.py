# __getattr__ is called only for missing attributes; __setattr__ intercepts all assignments.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, 'target', target)
        object.__setattr__(self, 'log', [])

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self.target, name)

    def __setattr__(self, name, value):
        self.log.append('set ' + name)
        setattr(self.target, name, value)


class Target:
    def __init__(self):
        self.value = 42

    def hello(self):
        return 'hi from target'


t = Target()
p = Proxy(t)
print(p.value, p.hello(), p.log)
p.value = 7
print(t.value, p.log)
try:
    p.missing
except AttributeError as e:
    print('AttributeError:', e)


class Defaults:
    def __getattr__(self, name):
        if name.startswith('opt_'):
            return name[4:].upper()
        raise AttributeError(name)


d = Defaults()
print(d.opt_color, hasattr(d, 'opt_x'), hasattr(d, 'other'), getattr(d, 'other', 'dflt'))
