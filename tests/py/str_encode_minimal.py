# Minimal encode(): lengths and literal comparisons of the resulting bytes.
print('abc'.encode() == b'abc', len('abc'.encode()), len('é'.encode()), len('€'.encode()), len('😀'.encode('utf-8')))
print('héllo'.encode('utf-8'), 'ascii'.encode('ascii'), b'abc' == 'abc'.encode('utf-8'))
print(b'h\xc3\xa9'.decode('utf-8'), b'abc'.decode(), len(b'\x00\xff'), b'ab' + b'cd', b'x' * 3)
print(b'abc'[0], b'abc'[1:], list(b'hi'), bytes([72, 105]), type(b'').__name__)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
