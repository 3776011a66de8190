# repr() versus str() for builtin values.
vals = [1, -2.5, 'text', "q'uote", None, True, [1, 'a'], ('t',), {'k': [1.0]}, 1e100, '', '\n', range(3), slice(1, 2),
        Ellipsis, NotImplemented, int, ValueError('x'), 2 ** 64, -0.0, float('nan'), b'\x00a']
for v in vals:
    print(repr(v), '|', str(v))
