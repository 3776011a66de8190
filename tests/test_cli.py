#!/usr/bin/env python3
"""test_cli.py — the krait command line behaves like python3's: -c, stdin, --version, --help, bad options,
sys.exit statuses, a missing script, SyntaxError layout, and Ctrl-C (SIGINT) ending a runaway loop with
KeyboardInterrupt. Run by CTest as `cli.<case>`: test_cli.py KRAIT CASE."""
import os
import signal
import subprocess
import sys
import tempfile
import time

KRAIT = sys.argv[1]


def run(args, stdin=b"", **kw):
    return subprocess.run([KRAIT] + args, input=stdin, capture_output=True, timeout=60, **kw)


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)


def case_command():
    r = run(["-c", "import sys; print(sys.argv, 6 * 7)", "a", "b"])
    check(r.returncode == 0 and r.stdout == b"['-c', 'a', 'b'] 42\n", r)


def case_stdin():
    r = run([], stdin=b"x = 2 ** 10\nprint(x)\n")
    check(r.returncode == 0 and r.stdout == b"1024\n", r)
    r = run(["-"], stdin=b"import sys\nprint(len(sys.argv))\n")
    check(r.returncode == 0 and r.stdout == b"1\n", r)


def case_version_help():
    r = run(["--version"])
    check(r.returncode == 0 and r.stdout.startswith(b"Krait "), r)
    r = run(["--help"])
    check(r.returncode == 0 and b"usage: krait" in r.stdout, r)
    r = run(["--no-such-option"])
    check(r.returncode == 2 and b"usage" in r.stderr, r)


def case_exit_status():
    check(run(["-c", "import sys; sys.exit(3)"]).returncode == 3, "sys.exit(3)")
    r = run(["-c", "import sys; sys.exit('bye')"])
    check(r.returncode == 1 and r.stderr == b"bye\n", r)
    r = run(["-c", "1/0"])
    check(r.returncode == 1 and r.stderr.endswith(b"ZeroDivisionError: division by zero\n"), r)
    check(r.stderr.startswith(b"Traceback (most recent call last):\n"), r)


def case_missing_script():
    r = run(["/nonexistent/prog.py"])
    check(r.returncode == 2 and b"can't open file '/nonexistent/prog.py'" in r.stderr, r)


def case_syntax_error():
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "prog.py"), "w") as f:
            f.write("x = 1\nif x\n    pass\n")
        r = run(["prog.py"], cwd=d)
    check(r.returncode == 1, r)
    check(r.stderr == b'  File "prog.py", line 2\n    if x\n        ^\nSyntaxError: expected \':\'\n', r.stderr)


def case_unsupported_syntax():
    for src, word in ((b"async def f(): pass\n", b"async"), (b"match x:\n    case 1: pass\n", b"match"),
                      (b"type X = int\n", b"type")):
        r = run([], stdin=src)
        check(r.returncode == 1 and b"SyntaxError" in r.stderr and word in r.stderr and
              b"not supported" in r.stderr, r)
    # The soft keywords stay usable as names.
    r = run(["-c", "match = 1; type = 2; print(match + type)"])
    check(r.returncode == 0 and r.stdout == b"3\n", r)


def interrupt_runaway_loop(options, loop):
    """Runs `loop` after printing 'go', sends SIGINT, and checks that it dies of KeyboardInterrupt as python3 does
    (also used by test_tier2.py, for a loop that runs in a trace)."""
    p = subprocess.Popen([KRAIT] + options + ["-c", "print('go', flush=True)\n" + loop],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    check(p.stdout.readline() == b"go\n", "program did not start")
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        check(False, "Ctrl-C did not stop the loop")
    check(p.returncode == -signal.SIGINT, "status %r" % p.returncode)
    check(err.rstrip().endswith(b"KeyboardInterrupt"), err)


def case_ctrl_c():
    interrupt_runaway_loop([], "while True:\n    pass\n")


def case_dis():
    r = run(["--dis", "-c", "def f(x):\n    return x + 1\n"])
    check(r.returncode == 0 and b"BINARY_OP" in r.stdout and b"<code object f" in r.stdout, r)


if __name__ == "__main__":
    globals()["case_" + sys.argv[2]]()
    print("PASS")
