#!/usr/bin/env python3
"""Regenerates the expected outputs of Krait's parser golden tests with CPython 3.12.

Every `*.py` file in this directory is a snippet; next to it this script writes `<name>.out`,
which tests/unit/test_parser.cpp compares with what Krait's parser produces:

  snippet that parses:           error snippet:
    ast.dump(tree)                 <Type>: <message>
    ast.dump(tree, include_...)    <lineno> <offset> <end_lineno> <end_offset>   (or "-")
    warning <lineno> <message>     --- stderr
    ...                            <what `python3.12 file.py` prints, path shown as prog.py>

Files named `eval_*.py` are parsed in "eval" mode. Error expectations come from running the file
(CPython's file mode, which is what Krait reproduces); the second line holds the SyntaxError's
attributes as set in that mode, or "-" when the error has no location.

Usage: regen.py [--check]   (--check: report stale outputs instead of rewriting them)
The CPython used is $PY312, else ~/.pyenv/versions/3.12.1/bin/python3, else python3.12.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Runs inside CPython 3.12: prints the expected output for one snippet (argv[1]).
HELPER = r'''
import ast, sys, warnings
path = sys.argv[1]
src = open(path, 'rb').read()
mode = 'eval' if path.rsplit('/', 1)[-1].startswith('eval_') else 'exec'
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    try:
        tree = ast.parse(src, 'prog.py', mode)
    except SyntaxError as e:
        print('ERR')
        print('%s: %s' % (type(e).__name__, e.msg))
        print(e.lineno, e.offset, e.end_lineno, e.end_offset)
        sys.exit(0)
    except (MemoryError, RecursionError, ValueError) as e:
        print('ERR')
        print('%s: %s' % (type(e).__name__, e))
        print('-')
        sys.exit(0)
print('OK')
print(ast.dump(tree))
print(ast.dump(tree, include_attributes=True))
for w in caught:
    if issubclass(w.category, SyntaxWarning):
        print('warning %d %s' % (w.lineno, w.message))
'''


def find_python():
    for cand in (os.environ.get('PY312'), os.path.expanduser('~/.pyenv/versions/3.12.1/bin/python3'),
                 shutil.which('python3.12')):
        if cand and os.path.exists(cand):
            return cand
    sys.exit('regen.py: CPython 3.12 not found (set PY312)')


# Installed as sitecustomize.py for error snippets: reports the SyntaxError's attributes as CPython
# sets them when it runs a file (they differ from compile()'s, e.g. columns at end of file).
HOOK = r'''
import sys
def _hook(t, e, tb):
    if isinstance(e, SyntaxError):
        loc = '%s %s %s %s' % (e.lineno, e.offset, e.end_lineno, e.end_offset) if e.lineno else '-'
        sys.stderr.write('KRAIT_ATTRS %s\n' % loc)
    sys.__excepthook__(t, e, tb)
sys.excepthook = _hook
'''


def expected_output(py, path, hook_dir):
    r = subprocess.run([py, '-c', HELPER, path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit('regen.py: helper failed on %s:\n%s' % (path, r.stderr))
    lines = r.stdout.splitlines()
    if lines[0] == 'OK':
        return '\n'.join(lines[1:]) + '\n'
    # An error snippet: record what running the file prints, and the exception's attributes.
    env = dict(os.environ, PYTHONPATH=hook_dir)
    run = subprocess.run([py, path], capture_output=True, text=True, errors='replace', env=env)
    stderr = run.stderr.replace(os.path.abspath(path), 'prog.py').replace(path, 'prog.py')
    loc = '-'
    kept = []
    for line in stderr.splitlines(keepends=True):
        if line.startswith('KRAIT_ATTRS '):
            loc = line[len('KRAIT_ATTRS '):].strip()
        else:
            kept.append(line)
    stderr = ''.join(kept)
    if run.returncode == 0 or 'Traceback' in stderr:
        sys.exit('regen.py: %s is not rejected by the parser when run as a script' % path)
    header = stderr.rstrip('\n').rsplit('\n', 1)[-1]
    return '%s\n%s\n--- stderr\n%s' % (header, loc, stderr)


def main():
    check = '--check' in sys.argv[1:]
    py = find_python()
    hook_dir = tempfile.mkdtemp(prefix='krait_regen_')
    with open(os.path.join(hook_dir, 'sitecustomize.py'), 'w') as f:
        f.write(HOOK)
    stale = 0
    for name in sorted(os.listdir(HERE)):
        if not name.endswith('.py') or name == 'regen.py':
            continue
        path = os.path.join(HERE, name)
        out = expected_output(py, path, hook_dir)
        out_path = path[:-3] + '.out'
        old = open(out_path).read() if os.path.exists(out_path) else None
        if old != out:
            stale += 1
            if check:
                print('stale:', name)
            else:
                with open(out_path, 'w') as f:
                    f.write(out)
    shutil.rmtree(hook_dir, ignore_errors=True)
    print('%d snippet(s) %s' % (stale, 'stale' if check else 'updated'))
    return 1 if check and stale else 0


if __name__ == '__main__':
    sys.exit(main())
