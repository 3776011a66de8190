#!/usr/bin/env python3
"""Run one program of Krait's conformance corpus and judge it.

Usage: run_corpus.py [--timeout SECONDS] [--] RUNNER [RUNNER-ARGS...] tests/py/NAME.py

Examples:  run_corpus.py -- build/release/krait tests/py/NAME.py
           run_corpus.py -- build/release/krait -X gc-stress tests/py/NAME.py
           run_corpus.py -- node web/krait-node.js tests/py/NAME.py

tests/CMakeLists.txt registers one CTest test per corpus program and runner through this script.
The corpus conventions (tests/py/):
  NAME.py   the program; it runs as `RUNNER... /abs/path/NAME.py` with a fresh empty temporary directory
            as its working directory, stdin from NAME.in if that exists, else from /dev/null
  NAME.out  the exact expected stdout
  NAME.err  present only when the program must fail: line 1 is `exit N`, line 2 the expected last
            line of stderr
It passes iff stdout is exactly NAME.out and the exit status (0 without NAME.err) and, with NAME.err,
the last stderr line match. A failure prints why, a unified diff of stdout and the tail of stderr.
"""

import argparse
import difflib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

STDERR_TAIL_LINES = 20


class BadTest(Exception):
    """The test's expectation files are missing or malformed."""


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before the program is killed")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="runner command, its options, NAME.py")
    args = parser.parse_args(argv)
    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    if len(args.command) < 2:
        parser.error("expected a runner command and a test program")
    return args


def read_expectations(test_py):
    """Returns (expected stdout bytes, expected exit status, expected last stderr line or None)."""
    base = test_py[:-3] if test_py.endswith(".py") else test_py
    try:
        with open(base + ".out", "rb") as f:
            expected_out = f.read()
    except FileNotFoundError:
        raise BadTest(f"{base}.out is missing (every corpus program needs its expected stdout)")
    if not os.path.exists(base + ".err"):
        return expected_out, 0, None
    with open(base + ".err", encoding="utf-8") as f:
        lines = f.read().splitlines()
    if len(lines) < 2 or not lines[0].startswith("exit ") or not lines[0][5:].strip().lstrip("-").isdigit():
        raise BadTest(f"{base}.err must be two lines: `exit N` and the last line of stderr")
    return expected_out, int(lines[0][5:]), lines[1]


def run(command, stdin_path, timeout):
    """Runs command in a fresh temporary directory; returns (stdout, stderr, status or None on timeout)."""
    workdir = tempfile.mkdtemp(prefix="krait-corpus-")
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        # A session of its own, so a timeout kills the runner's children too (node's worker, say).
        proc = subprocess.Popen(command, cwd=workdir, stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
            return out, err, proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            return out, err, None
    finally:
        if stdin_path:
            stdin.close()
        shutil.rmtree(workdir, ignore_errors=True)


def last_line(data):
    lines = data.decode("utf-8", "replace").rstrip().splitlines()
    return lines[-1].rstrip() if lines else ""


def describe_status(status):
    if status is None:
        return "timed out"
    if status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"exit {status}"


def stdout_diff(expected, actual):
    exp = expected.decode("utf-8", "replace").splitlines(keepends=True)
    act = actual.decode("utf-8", "replace").splitlines(keepends=True)
    diff = difflib.unified_diff(exp, act, "expected stdout", "actual stdout")
    no_newline = "\n\\ No newline at end of file\n"
    text = "".join(line if line.endswith("\n") else line + no_newline for line in diff)
    return text or "(stdout differs only in bytes that do not decode as UTF-8)\n"


def absolute_runner(command):
    """The runner runs in a temporary directory: paths given relative to ours must become absolute."""
    return [os.path.abspath(arg) if os.sep in arg and os.path.exists(arg) else arg for arg in command]


def main(argv):
    args = parse_args(argv)
    test_py = os.path.abspath(args.command[-1])
    command = absolute_runner(args.command[:-1]) + [test_py]
    name = os.path.basename(test_py)
    try:
        expected_out, expected_status, expected_err = read_expectations(test_py)
    except BadTest as e:
        print(f"FAIL {name}: {e}")
        return 1
    stdin_path = test_py[:-3] + ".in" if os.path.exists(test_py[:-3] + ".in") else None
    try:
        out, err, status = run(command, stdin_path, args.timeout)
    except OSError as e:
        print(f"FAIL {name}: cannot run {command[0]}: {e}")
        return 1

    problems = []
    if status is None:
        problems.append(f"timed out after {args.timeout:g} s")
    elif status != expected_status:
        problems.append(f"expected exit {expected_status}, got {describe_status(status)}")
    if out != expected_out:
        problems.append("stdout differs")
    if expected_err is not None and last_line(err) != expected_err.rstrip():
        problems.append(f"expected last stderr line {expected_err!r}, got {last_line(err)!r}")
    if not problems:
        print(f"PASS {name}")
        return 0

    print(f"FAIL {name}: " + "; ".join(problems))
    print("command: " + shlex.join(command))
    if out != expected_out:
        sys.stdout.write(stdout_diff(expected_out, out))
    tail = err.decode("utf-8", "replace").splitlines()[-STDERR_TAIL_LINES:]
    if tail:
        print(f"--- stderr (last {len(tail)} lines) ---")
        print("\n".join(tail))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
