# repr() chooses quotes and escapes control and non-printable characters.
for s in ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', 'cr\r', 'back\\slash',
          '\x00\x01\x7f', '\x80\x9f\xa0', 'é ñ 日本', '😀', '\u200b', '', "'", '"']:
    print(repr(s), len(repr(s)))
print(str('a\tb'), ascii('café 😀'), repr(['x', "y'z"]), repr(('a',)), repr({'k': 'v\n'}))
