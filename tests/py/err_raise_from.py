# An uncaught exception raised with 'from' another exception.
class ConfigError(Exception):
    pass


def read_port(s):
    try:
        return int(s)
    except ValueError as e:
        raise ConfigError(f'invalid port {s!r}') from e


print(read_port('80'))
read_port('eighty')
