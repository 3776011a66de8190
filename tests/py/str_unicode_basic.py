# Non-ASCII text: length, indexing and slicing count code points, not bytes.
s = 'naïve café — 日本語 😀!'
print(len(s), s[2], s[6:10], s[-2], s[-1], s[13:16], s[::-1])
print(s.find('日'), s.index('😀'), 'é' in s, s.count('é'), s.split(' '))
print([c for c in 'añ€😀'], len('😀😀'), '😀' * 3)
print('Grüße'.replace('ü', 'ue'), 'Σ'.lower(), len('e\u0301'), 'e\u0301' == 'é')
print(sorted('zäa'), 'äb' > 'az', '€'.isalpha(), 'é'.isalpha())
