# A class body runs top to bottom like a function body; its names become class attributes.
log = []


class Config:
    log.append('body start')
    base = 10
    double = base * 2
    names = ['x', 'y']
    if base > 5:
        mode = 'big'
    else:
        mode = 'small'
    for n in names:
        log.append('loop ' + n)
    del n

    def method(self):
        return self.double + self.base
    log.append('body end')


print(log, Config.double, Config.mode, Config().method(), hasattr(Config, 'n'))
print(sorted(k for k in Config.__dict__ if not k.startswith('__')))


def factory(tag):
    class Made:
        label = tag

        def who(self):
            return self.label
    return Made


A, B = factory('a'), factory('b')
print(A().who(), B().who(), A is not B, A.__name__, A.__qualname__)
