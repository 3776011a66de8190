s = r'\n', R"\d", u'x', U"y", b'z', B"w", br'\x', Rb'\y', rB"q", bR'p'
