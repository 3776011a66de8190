#!/usr/bin/env python3
"""test_tier2.py — tier 2 does what its output cannot show: the corpus proves traces compute what tier 1 does;
these cases prove the traces are there. Each runs a corpus program (or a snippet) under `-X jit=uops` and reads
the counters of `-X stats` ("[stats] NAME VALUE") or the traces of `-X dump-traces`.
Run by CTest as `tier2.<case>`: test_tier2.py KRAIT CASE."""
import os
import subprocess
import sys

KRAIT = sys.argv[1]
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "py")
UOPS = ["-X", "jit=uops", "-X", "trace-threshold=1"]


def run(args, **kw):
    return subprocess.run([KRAIT] + args, capture_output=True, timeout=120, **kw)


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)


def stats(args):
    r = run(UOPS + ["-X", "stats"] + args)
    check(r.returncode == 0, r)
    out = {}
    for line in r.stderr.decode().splitlines():
        if line.startswith("[stats] tier2."):
            name, value = line[len("[stats] tier2."):].split()
            out[name] = float(value)
    check(out, "no tier-2 counters in -X stats")
    return out


def dump(args):
    r = run(UOPS + ["-X", "dump-traces"] + args)
    check(r.returncode == 0, r)
    traces = r.stderr.decode().split("-- trace ")
    return [t for t in traces if t.startswith("(optimized)")], [t for t in traces if t.startswith("(recorded)")]


def loop_traces(traces):
    """The traces of loops (they close with _JUMP_TO_TOP), not of function entries or exits."""
    return [t for t in traces if "_JUMP_TO_TOP" in t]


def loop_copy(trace):
    """The uops of an optimized trace from its loop start (the line marked '>') on."""
    lines = trace.splitlines()[1:]
    start = next((i for i, l in enumerate(lines) if l[6:7] == ">"), 0)
    return "\n".join(lines[start:])


def corpus(name):
    return os.path.join(CORPUS, name + ".py")


def case_guard_failure():
    s = stats([corpus("tier2_guard_type_change")])
    check(s["exits_taken"] > 0, "no exit taken though kinds change mid-loop: %r" % s)


def case_side_exit():
    s = stats([corpus("tier2_hot_side_exit")])
    check(s["side_traces"] > 0 and s["side_entries"] > 0, "hot exits got no trace of their own: %r" % s)


def case_polymorphic_chain():
    # One call site reaching the methods of four classes, in turn: the loop's trace is recorded for one class, and
    # each other class gets a side trace chained from the first guard of the one before (a side trace recorded
    # again in its place at each new class freed executors without end: richards freed 157 of 237).
    prog = ("class A:\n def step(self, x):\n  return x + 1\nclass B:\n def step(self, x):\n  return x + 2\n"
            "class C:\n def step(self, x):\n  return x + 3\nclass D:\n def step(self, x):\n  return x + 4\n"
            "def f(n):\n objs = [A(), B(), C(), D()]\n t = 0\n for i in range(n):\n  t = objs[i % 4].step(t)\n"
            " return t\nprint(f(100000))\n")
    r = run(UOPS + ["-c", prog])
    check(r.returncode == 0 and r.stdout == b"250000\n", r)
    s = stats(["-c", prog])
    check(s["freed"] == 0 and 3 <= s["side_traces"] <= 8, "the classes' side traces replace each other: %r" % s)
    # Exits taken, less those that went on into a side trace: left for tier 1 (74 % of the 100,000 calls then).
    check(s["exits_taken"] - s["side_entries"] < 30000, "the classes leave for tier 1: %r" % s)


def case_inlined_call():
    optimized, _ = dump([corpus("tier2_deopt_inlined_call")])
    calls = [t for t in optimized if "_PUSH_FRAME_EXACT" in t and "_RETURN_FRAME" in t]
    check(calls, "no trace follows a call into its callee")
    s = stats([corpus("tier2_deopt_inlined_call")])
    check(s["exits_taken"] > 0, "no deopt out of the inlined calls: %r" % s)
    # A global function called in a loop is a constant to the optimizer: the trace checks only its version, and
    # leaves when assigning __code__ changed it (the corpus program checks the results in every tier).
    optimized, _ = dump(["-X", "trace-threshold=50", corpus("tier2_function_version")])
    loops = [t for t in loop_traces(optimized) if "_PUSH_FRAME_EXACT" in t]
    check(loops and all("_CHECK_FUNCTION_VERSION_INLINE" in t and "_CHECK_FUNCTION_EXACT_ARGS" not in t
                        for t in loops), "calls to a constant function keep the full check: %r" % loops)
    s = stats(["-X", "trace-threshold=50", corpus("tier2_function_version")])
    check(s["exits_taken"] > 0, "no exit when the function's version changed: %r" % s)
    # The functions one `lambda` makes share their version: a call site given a new lambda on every round keeps
    # its specialization (corpus tier2_shared_function_version checks what must still differ between them).
    prog = ("def only(source, predicate):\n for x in source:\n  if predicate(x):\n   yield x\n"
            "def run(n):\n t = 0\n for j in range(n):\n  t += sum(only(range(20), lambda v: (v + j) % 3 != 0))\n"
            " return t\nprint(run(3000))\n")
    r = run(["-X", "jit=off", "-X", "stats", "-c", prog])
    check(r.returncode == 0 and r.stdout == b"380000\n", r)
    spec = dict(line.split()[1:] for line in r.stderr.decode().splitlines() if line.startswith("[stats] spec.CALL."))
    check(float(spec["spec.CALL.deopts"]) == 0 and float(spec["spec.CALL.hit_rate"]) > 90,
          "calls of a new lambda each round miss: %r" % spec)


def case_invalidation():
    s = stats([corpus("tier2_invalidation")])
    check(s["invalidations"] > 0, "changing globals and classes invalidated nothing: %r" % s)
    optimized, _ = dump([corpus("tier2_invalidation")])
    check(any("_LOAD_CONST_INLINE" in t for t in optimized), "no global inlined as a constant")
    # Once its calls are specialized, a loop calling a builtin and reading a global inlines both and checks its
    # validity after the call; rebinding the global from the callee leaves the trace at that check.
    prog = ("K = 3\ndef g(x):\n global K\n if x == 150: K = 4\n return x\n"
            "def f(n):\n s = 0\n for i in range(n):\n  s += len('ab') + K + g(i)\n return s\nprint(f(300))\n")
    optimized, _ = dump(["-X", "trace-threshold=20", "-c", prog])
    check(any("_LOAD_CONST_INLINE" in t and "_CHECK_VALIDITY" in t for t in optimized),
          "no trace that inlines globals checks its validity after a call")
    r = run(UOPS + ["-X", "trace-threshold=20", "-c", prog])
    check(r.stdout == b"46499\n", r)
    s = stats(["-X", "trace-threshold=20", "-c", prog])
    check(s["invalidations"] > 0, s)
    # A class change alone (the loop reads no global) invalidates the traces that guard on the class's version.
    prog = ("class C:\n k = 1\ndef f(objs, n):\n t = 0\n for i in range(n):\n  t += objs[i % 2].k\n return t\n"
            "objs = [C(), C()]\nprint(f(objs, 100))\nC.k = 2\nprint(f(objs, 100))\n")
    r = run(UOPS + ["-c", prog])
    check(r.stdout == b"100\n200\n", r)
    s = stats(["-c", prog])
    check(s["invalidations"] > 0, "changing a class invalidated nothing: %r" % s)


def case_peeling():
    # A float loop: the loop copy of its trace checks no float guard (the first iteration proved them).
    prog = ("def f(n):\n x = 1.0\n y = 0.5\n for i in range(n):\n  x = x * 0.5 + y\n  y = y * 0.25 - x\n"
            " return x, y\nprint(f(1000))\n")
    optimized, recorded = (loop_traces(t) for t in dump(["-c", prog]))
    check(recorded and "_GUARD_BOTH_FLOAT" in recorded[0], "recorded trace has no float guard")
    check(optimized and "_GUARD_BOTH_FLOAT" not in loop_copy(optimized[0]), optimized[:1])
    check("_ITER_CHECK_RANGE" not in loop_copy(optimized[0]), "the range iterator is checked in the loop")
    s = stats(["-c", prog])
    check(s["guards_removed"] > 0 and s["uops_after"] < s["uops_before"], s)


def case_folding():
    # Arithmetic and comparisons on constants (inlined globals here) fold into their result: the loop copy computes
    # neither SCALE * 2.0 nor N > 5, and the branch on the latter is gone with it.
    prog = ("N = 10\nSCALE = 2.5\ndef f(n):\n t = 0\n x = 0.0\n for i in range(n):\n  if N > 5:\n   t += 1\n"
            "  x += SCALE * 2.0\n return t, x\nprint(f(1000))\n")
    r = run(UOPS + ["-c", prog])
    check(r.returncode == 0 and r.stdout == b"(1000, 5000.0)\n", r)
    optimized, _ = dump(["-c", prog])
    loops = loop_traces(optimized)
    check(loops, "no loop trace")
    body = loop_copy(loops[0])
    for uop in ("_COMPARE_OP_INT", "_GUARD_IS_TRUE_POP", "_BINARY_OP_MULTIPLY_FLOAT"):
        check(uop not in body, "%s not folded:\n%s" % (uop, body))
    check("_BINARY_OP_ADD_FLOAT" in body, body)
    s = stats(["-c", prog])
    check(s["folded"] >= 2, s)
    # The folded values were globals: rebinding one from inside the loop leaves the trace (invalidation).
    prog = ("N = 10\ndef g(i):\n global N\n if i == 500: N = 1\ndef f(n):\n t = 0\n for i in range(n):\n"
            "  g(i)\n  t += N * 3\n return t\nprint(f(1000))\n")
    r = run(UOPS + ["-c", prog])
    check(r.returncode == 0 and r.stdout == b"16500\n", r)


def case_locals():
    # In the loop copy every local is known bound (no UnboundLocalError checks), the store of the constant `step`
    # had at the loop's entry is gone, and so are both halves of `total = total`.
    prog = ("def f(n):\n total = 0\n for i in range(n):\n  step = 3\n  total += step\n  total = total\n"
            " return total\nprint(f(100))\n")
    r = run(UOPS + ["-c", prog])
    check(r.returncode == 0 and r.stdout == b"300\n", r)
    optimized, _ = dump(["-c", prog])
    loops = loop_traces(optimized)
    check(loops, "no loop trace")
    body = loop_copy(loops[0])
    uops = [line.split()[1] for line in body.splitlines()]
    check("LOAD_FAST" not in uops and "LOAD_FAST_LOAD_FAST" not in uops, "a checked load in the loop copy:\n" + body)
    check("_LOAD_FAST_LOAD_FAST_BOUND" in uops, body)
    check(uops.count("STORE_FAST") == 2 and "LOAD_CONST" not in uops, "redundant stores kept:\n" + body)


def case_function_entry():
    # A function that no loop trace holds (called by map(), from C++) is traced from its entry, after its RESUME, and
    # entered there on every call.
    prog = "def g(x):\n if x % 3:\n  return x * 2\n return x + 1\nprint(sum(map(g, range(1000))))\n"
    expected = sum(x * 2 if x % 3 else x + 1 for x in range(1000))
    r = run(UOPS + ["-X", "trace-threshold=50", "-c", prog])
    check(r.returncode == 0 and r.stdout == b"%d\n" % expected, r)
    optimized, _ = dump(["-X", "trace-threshold=50", "-c", prog])
    check(any(" g at code unit 2:" in t for t in optimized), "no trace of g from its entry: %r" % optimized)
    s = stats(["-X", "trace-threshold=50", "-c", prog])
    check(s["executions"] > 900, "g's entry trace does not run on each call: %r" % s)
    # A loop trace follows a call into a function that has an entry trace of its own (hot from calls by map()).
    prog = ("def g(x):\n return x + 1\nlist(map(g, range(100)))\n"
            "def f(n):\n s = 0\n for i in range(n):\n  s += g(i)\n return s\nprint(f(300))\n")
    r = run(UOPS + ["-X", "trace-threshold=50", "-c", prog])
    check(r.returncode == 0 and r.stdout == b"45150\n", r)
    optimized, _ = dump(["-X", "trace-threshold=50", "-c", prog])
    check(any(" g at code unit 2:" in t for t in optimized), "no trace of g from its entry: %r" % optimized)
    check(any("_PUSH_FRAME_EXACT" in t and "_RESUME_CHECK" in t for t in loop_traces(optimized)),
          "the loop trace does not follow the call into g")
    # A function an operator calls (C++ pushes its frame, and its return leaves tier 1's run loop): its entry trace
    # leaves for tier 1 at the return, which is no exit (an exit there got hot and was traced again and again).
    prog = ("class V:\n def __init__(self, x):\n  self.x = x\n def __sub__(self, o):\n  return V(self.x - o.x)\n"
            "def f(n):\n a = V(0)\n one = V(1)\n for i in range(n):\n  a = a - one\n return a.x\nprint(f(20000))\n")
    r = run(UOPS + ["-X", "trace-threshold=50", "-c", prog])
    check(r.returncode == 0 and r.stdout == b"-20000\n", r)
    optimized, _ = dump(["-X", "trace-threshold=50", "-c", prog])
    check(any(" __sub__ at code unit 2:" in t and "_RETURN_TO_CALLER" in t for t in optimized),
          "no entry trace of __sub__ that returns: %r" % optimized)
    s = stats(["-X", "trace-threshold=50", "-c", prog])
    check(s["exits_taken"] < 10 and s["side_traces"] == 0, "returns to C++ leave through exits: %r" % s)
    # A function calling itself: its entry trace runs itself for the call (_CALL_SELF_EXACT, nested) and returns
    # to it (_RETURN_TO_CALLER); no trace unrolls the recursion (test_jit.py's `recursion` checks that the calls
    # run nested in machine code).
    prog = "def fib(n):\n if n < 2:\n  return n\n return fib(n - 1) + fib(n - 2)\nprint(fib(20))\n"
    r = run(UOPS + ["-X", "trace-threshold=50", "-c", prog])
    check(r.returncode == 0 and r.stdout == b"6765\n", r)
    optimized, _ = dump(["-X", "trace-threshold=50", "-c", prog])
    check(all("_PUSH_FRAME" not in t for t in optimized), "a trace unrolls the recursion: %r" % optimized)
    check(any("_CALL_SELF_EXACT" in t for t in optimized) and any("_RETURN_TO_CALLER" in t for t in optimized),
          "fib's trace does not call itself: %r" % optimized)
    s = stats(["-X", "trace-threshold=50", "-c", prog])
    check(s["abort.RECURSION"] == 0 and s["traces"] >= 1, "fib's recursion is refused: %r" % s)
    # An indirect recursion (f calls g calls f) would end f's entry trace at a call of f: it gets none, and the
    # recording that saw it is counted.
    prog = ("def f(n):\n if n < 2:\n  return n\n return g(n - 1) + g(n - 2)\n"
            "def g(n):\n return f(n)\nprint(f(20))\n")
    r = run(UOPS + ["-X", "trace-threshold=50", "-c", prog])
    check(r.returncode == 0 and r.stdout == b"6765\n", r)
    s = stats(["-X", "trace-threshold=50", "-c", prog])
    check(s["abort.RECURSION"] >= 1, "the indirect recursion is not counted: %r" % s)


def case_cold_executors():
    # 300 loops that each run once: their executors go cold and are dropped (and freed) by the periodic sweep, while
    # the loop that runs between them all the time keeps its one trace.
    prog = "".join("def f%d(n):\n s = 0\n for i in range(n):\n  s += i * %d\n return s\n" % (k, k)
                   for k in range(300))
    prog += "def hot(n):\n s = 0\n for i in range(n):\n  s += i\n return s\ntotal = 0\n"
    prog += "".join("total += f%d(20) + hot(50)\n" % k for k in range(300)) + "print(total)\n"
    expected = sum(sum(i * k for i in range(20)) + sum(range(50)) for k in range(300))
    r = run(UOPS + ["-c", prog])
    check(r.returncode == 0 and r.stdout == b"%d\n" % expected, r)
    s = stats(["-c", prog])
    check(s["cold"] > 100 and s["freed"] >= s["cold"], "cold executors are not dropped and freed: %r" % s)
    _, recorded = dump(["-c", prog])
    hot_loops = [t for t in loop_traces(recorded) if " hot at " in t.splitlines()[0]]
    check(len(hot_loops) == 1, "the loop running all along was dropped: %d recordings" % len(hot_loops))


def case_generators():
    # A loop over a generator is traced through it: a guard that the generator resumes where it did when recorded,
    # its frame pushed, its own loop's back-edge followed, its yield popping back into the loop. It runs as one trace,
    # left once, when the loop ends.
    prog = ("def gen(n):\n for i in range(n):\n  yield i * 2\n"
            "def f(n):\n s = 0\n for x in gen(n):\n  s += x\n return s\nprint(f(10000))\n")
    r = run(UOPS + ["-c", prog])
    check(r.returncode == 0 and r.stdout == b"99990000\n", r)
    optimized, _ = dump(["-c", prog])
    loops = [t for t in loop_traces(optimized) if "_GUARD_GEN_RESUMES_AT" in t]
    check(loops, "no loop trace follows its generator")
    body = loop_copy(loops[0])
    for uop in ("_PUSH_GEN_FRAME", "_ITER_NEXT_RANGE", "_BINARY_OP_MULTIPLY_INT", "YIELD_VALUE", "_BINARY_OP_ADD_INT"):
        check(uop in body, "%s missing from the loop copy:\n%s" % (uop, body))
    s = stats(["-c", prog])
    check(s["exits_taken"] <= 2 and s["executions"] <= 2, "the loop left its trace: %r" % s)
    # Generators resumed at two places in turn, or of other functions, in one loop leave through the guard (the
    # corpus, run under every tier, proves they compute what tier 1 does).
    s = stats([corpus("tier2_generator_frames")])
    check(s["exits_taken"] > 0, s)


def case_abort_reasons():
    # The loop is recorded from its first back-edge on: the iteration being recorded raises.
    prog = ("def f(n):\n out = 0\n for i in range(n):\n  try:\n   out += 100 // (i - 1)\n"
            "  except ZeroDivisionError:\n   out -= 1\n return out\nprint(f(100))\n")
    s = stats(["-c", prog])
    check(s["abort.EXCEPTION"] > 0, "an exception while recording is not counted: %r" % s)
    r = run(UOPS + ["-c", prog])
    check(r.stdout == b"379\n", r)
    # -X dump-traces says where and why.
    r = run(UOPS + ["-X", "dump-traces", "-c", prog])
    check(b"-- trace (aborted) <string>:3 f at code unit" in r.stderr and
          b": EXCEPTION (an exception was raised) after" in r.stderr, r.stderr.decode())


def case_options():
    r = run(["-X", "jit=fast", "-c", "pass"])
    check(r.returncode == 2 and b"jit=uops" in r.stderr, r)
    r = run(["-X", "trace-threshold=0", "-c", "pass"])
    check(r.returncode == 2 and b"trace-threshold" in r.stderr, r)
    r = run(["--help"])
    check(b"jit=uops" in r.stdout and b"trace-threshold" in r.stdout and b"dump-traces" in r.stdout, r)
    r = run(["-X", "jit=off", "-X", "stats", "-c", "for i in range(10000): pass"])
    check(r.returncode == 0 and b"tier2." not in r.stderr, "tier 2 ran with -X jit=off")


def case_ctrl_c():
    # A loop that runs entirely in its trace still reaches the periodic check (at _JUMP_TO_TOP).
    from test_cli import interrupt_runaway_loop
    interrupt_runaway_loop(UOPS, "x = 0\nwhile True:\n    x += 1\n")


def thresholds(n):
    """The tier-2 and specialization corpus programs with loops traced after n back-edges (the corpus itself runs
    them at 1): recording later sees instructions already specialized, some for other types than those running."""
    runner = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_corpus.py")
    names = sorted(f[:-3] for f in os.listdir(CORPUS) if f.startswith(("tier2_", "loop_spec_")) and f.endswith(".py"))
    failed = []
    for name in names:
        r = subprocess.run([sys.executable, runner, "--", KRAIT, "-X", "jit=uops", "-X", "trace-threshold=%d" % n,
                            corpus(name)], capture_output=True, timeout=300)
        if r.returncode != 0:
            failed.append(name)
            sys.stdout.write(r.stdout.decode()[:2000])
    check(not failed, "threshold %d: %s" % (n, failed))


def case_threshold2():
    thresholds(2)


def case_threshold7():
    thresholds(7)


def case_threshold50():
    thresholds(50)


if __name__ == "__main__":
    globals()["case_" + sys.argv[2]]()
    print("PASS")
