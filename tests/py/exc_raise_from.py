# raise ... from sets __cause__; implicit chaining sets __context__; from None suppresses it.
class ConfigError(Exception):
    pass


def load(s):
    try:
        return int(s)
    except ValueError as e:
        raise ConfigError('bad config: ' + s) from e


try:
    load('x')
except ConfigError as e:
    print(e, '|', type(e.__cause__).__name__, e.__cause__, '|', e.__suppress_context__)
try:
    try:
        {}['missing']
    except KeyError:
        raise RuntimeError('while handling')
except RuntimeError as e:
    print(e, '|', type(e.__context__).__name__, e.__context__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('clean') from None
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
