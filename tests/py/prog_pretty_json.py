# A hand-written JSON-like pretty printer and a tiny parser that round-trips its output.
def dump(v, indent=0):
    pad = '  ' * indent
    if isinstance(v, dict):
        if not v:
            return '{}'
        items = [f'{pad}  {dump(str(k))}: {dump(val, indent + 1)}' for k, val in v.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(v, list):
        if not v:
            return '[]'
        return '[\n' + ',\n'.join(pad + '  ' + dump(x, indent + 1) for x in v) + '\n' + pad + ']'
    if isinstance(v, str):
        out = '"'
        for c in v:
            out += {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t'}.get(c, c)
        return out + '"'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if v is None:
        return 'null'
    return repr(v)


def parse(s):
    pos = 0

    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in ' \n\t':
            pos += 1

    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == '{':
            pos += 1
            out = {}
            ws()
            if s[pos] == '}':
                pos += 1
                return out
            while True:
                k = value()
                ws()
                pos += 1
                out[k] = value()
                ws()
                pos += 1
                if s[pos - 1] == '}':
                    return out
        if c == '[':
            pos += 1
            out = []
            ws()
            if s[pos] == ']':
                pos += 1
                return out
            while True:
                out.append(value())
                ws()
                pos += 1
                if s[pos - 1] == ']':
                    return out
        if c == '"':
            pos += 1
            out = ''
            while s[pos] != '"':
                if s[pos] == '\\':
                    pos += 1
                    out += {'n': '\n', 't': '\t'}.get(s[pos], s[pos])
                else:
                    out += s[pos]
                pos += 1
            pos += 1
            return out
        for word, val in (('true', True), ('false', False), ('null', None)):
            if s.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(s) and s[pos] in '-+.eE0123456789':
            pos += 1
        text = s[start:pos]
        return float(text) if any(ch in text for ch in '.eE') else int(text)

    return value()


doc = {'name': 'Krait', 'version': [0, 1, 2], 'stable': False, 'ratio': 0.75, 'nested': {'empty': {}, 'list': [],
       'quote': 'say "hi"\tnow\n', 'none': None}, 'big': 2 ** 70, 'neg': -1.5e-7}
text = dump(doc)
print(text)
back = parse(text)
print(back == doc, back['nested']['quote'] == doc['nested']['quote'], type(back['ratio']).__name__)
