#!/usr/bin/env python3
# Regenerates the expected outputs of Krait's Python conformance corpus (tests/py/) by running
# every test with CPython 3.12 exactly the way Krait's corpus runner runs Krait: absolute script
# path, a fresh empty temporary directory as cwd, stdin from NAME.in (or empty), 60 s timeout.
#
#   python3 tests/py/regen.py            regenerate everything, remove stale .out/.err files
#   python3 tests/py/regen.py NAME ...   regenerate only these tests (NAME or NAME.py)
#   python3 tests/py/regen.py --check    write nothing; exit 1 if any expected file would change
#
# This file is not a test itself: tests are the other NAME.py files not starting with '_'.

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIMEOUT_S = 60
NOT_TESTS = {'regen.py'}


def find_python():
    """CPython 3.12 is the reference; fall back to whatever python3 there is, loudly."""
    pinned = Path.home() / '.pyenv' / 'versions' / '3.12.1' / 'bin' / 'python3'
    if pinned.exists():
        return str(pinned)
    for name in ('python3.12', 'python3'):
        found = shutil.which(name)
        if found:
            if name != 'python3.12':
                print(f'warning: CPython 3.12 not found, using {found}', file=sys.stderr)
            return found
    sys.exit('regen.py: no python3 found')


def test_env():
    """A clean environment: fixed hash seed, UTF-8 I/O, and no __pycache__ beside the tests."""
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env['PYTHONHASHSEED'] = '0'
    env['PYTHONDONTWRITEBYTECODE'] = '1'
    env['PYTHONIOENCODING'] = 'utf-8'
    env['PYTHONUTF8'] = '1'
    return env


def list_tests():
    return sorted(p for p in HERE.glob('*.py') if not p.name.startswith('_') and p.name not in NOT_TESTS)


def last_stderr_line(data):
    lines = [ln.rstrip() for ln in data.decode('utf-8', errors='replace').splitlines()]
    lines = [ln for ln in lines if ln]
    return lines[-1] if lines else ''


def run_test(python, test):
    """Runs one test; returns (stdout bytes, err text or None) or raises TimeoutExpired."""
    stdin_path = test.with_suffix('.in')
    stdin_data = stdin_path.read_bytes() if stdin_path.exists() else b''
    with tempfile.TemporaryDirectory(prefix='krait-corpus-') as cwd:
        proc = subprocess.run([python, str(test)], input=stdin_data, capture_output=True,
                              cwd=cwd, env=test_env(), timeout=TIMEOUT_S)
    err = None
    if proc.returncode != 0:
        err = f'exit {proc.returncode}\n{last_stderr_line(proc.stderr)}\n'
    return proc.stdout, err


def read_or_none(path, binary):
    if not path.exists():
        return None
    return path.read_bytes() if binary else path.read_text(encoding='utf-8')


def update_file(path, content, binary, check):
    """Writes (or deletes when content is None) one expected file; returns True if it changed."""
    if read_or_none(path, binary) == content:
        return False
    if not check:
        if content is None:
            path.unlink()
        elif binary:
            path.write_bytes(content)
        else:
            path.write_text(content, encoding='utf-8')
    return True


def remove_stale(check):
    """Expected files whose test is gone (or is a helper module) are stale."""
    stale = []
    for path in sorted(HERE.iterdir()):
        if path.suffix in ('.out', '.err'):
            source = path.with_suffix('.py')
            if not source.exists() or source.name.startswith('_') or source.name in NOT_TESTS:
                stale.append(path)
                if not check:
                    path.unlink()
    return stale


def select_tests(names):
    if not names:
        return list_tests()
    chosen = []
    for name in names:
        path = HERE / (name if name.endswith('.py') else name + '.py')
        if not path.exists():
            sys.exit(f'regen.py: no such test: {name}')
        chosen.append(path)
    return chosen


def main(argv):
    check = '--check' in argv
    names = [a for a in argv if not a.startswith('--')]
    python = find_python()
    tests = select_tests(names)
    changed, failing, timeouts = [], 0, []

    def one(test):
        try:
            return test, run_test(python, test)
        except subprocess.TimeoutExpired:
            return test, None

    with ThreadPoolExecutor(max_workers=2) as pool:
        for test, result in pool.map(one, tests):
            if result is None:
                timeouts.append(test.stem)
                continue
            out, err = result
            failing += err is not None
            a = update_file(test.with_suffix('.out'), out, True, check)
            b = update_file(test.with_suffix('.err'), err, False, check)
            if a or b:
                changed.append(test.stem)

    stale = remove_stale(check) if not names else []
    verb = 'would change' if check else 'changed'
    print(f'python: {python}')
    print(f'{len(tests)} tests run, {failing} expected to fail (.err), {len(changed)} {verb}, '
          f'{len(stale)} stale files {"found" if check else "removed"}, {len(timeouts)} timed out')
    for name in changed:
        print(f'  {verb}: {name}')
    for path in stale:
        print(f'  stale: {path.name}')
    for name in timeouts:
        print(f'  TIMEOUT: {name}')
    bad = timeouts or (check and (changed or stale))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
