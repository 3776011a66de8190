# A tiny class-based interpreter: tokenizer, recursive-descent parser to an AST, and an evaluator.
class Num:
    def __init__(self, v):
        self.v = v

    def eval(self, env):
        return self.v


class Var:
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        if self.name not in env:
            raise NameError(f'undefined variable {self.name}')
        return env[self.name]


class BinOp:
    OPS = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
           '/': lambda a, b: a // b, '<': lambda a, b: int(a < b)}

    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right

    def eval(self, env):
        return self.OPS[self.op](self.left.eval(env), self.right.eval(env))


def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(('num', int(src[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(('name', src[i:j]))
            i = j
        else:
            tokens.append(('op', c))
            i += 1
    return tokens


class Parser:
    def __init__(self, tokens):
        self.toks, self.pos = tokens, 0

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else ('eof', None)

    def take(self):
        t = self.peek()
        self.pos += 1
        return t

    def expr(self):
        node = self.term()
        while self.peek() in (('op', '+'), ('op', '-'), ('op', '<')):
            node = BinOp(self.take()[1], node, self.term())
        return node

    def term(self):
        node = self.atom()
        while self.peek() in (('op', '*'), ('op', '/')):
            node = BinOp(self.take()[1], node, self.atom())
        return node

    def atom(self):
        kind, val = self.take()
        if kind == 'num':
            return Num(val)
        if kind == 'name':
            return Var(val)
        if (kind, val) == ('op', '('):
            node = self.expr()
            self.take()
            return node
        raise SyntaxError(f'unexpected {val!r}')


def run(program):
    env = {}
    for line in program.strip().splitlines():
        line = line.strip()
        if line.startswith('print '):
            print(Parser(tokenize(line[6:])).expr().eval(env))
        elif line.startswith('while '):
            cond, _, body = line[6:].partition(':')
            name, _, rhs = body.partition('=')
            while Parser(tokenize(cond)).expr().eval(env):
                env[name.strip()] = Parser(tokenize(rhs)).expr().eval(env)
        else:
            name, _, rhs = line.partition('=')
            env[name.strip()] = Parser(tokenize(rhs)).expr().eval(env)
    return env


env = run('''
x = 6
y = x * (x + 1) / 2
print y
print (y - 1) * 3 + x
n = 1
while n < 1000: n = n * 3
print n
''')
print(sorted(env.items()))
for bad in ['print z + 1', 'print 3 + )']:
    try:
        run(bad)
    except (NameError, SyntaxError) as e:
        print(type(e).__name__, e)
