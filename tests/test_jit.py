#!/usr/bin/env python3
"""test_jit.py — the native JIT's mechanisms and tools, seen from outside: the corpus proves that compiled traces
compute what tier 1 does; these cases prove that they were compiled and linked, and that -X dump-jit, -X perf and
the -X stats counters work. Run by CTest as `jit.<case>`: test_jit.py KRAIT CASE."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

KRAIT = sys.argv[1]
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "py")
JIT = ["-X", "jit=on", "-X", "trace-threshold=1"]

# A loop whose body the trace records on its first (exiting) iteration: the loop runs in a side trace that ends at
# the back-edge, so every iteration leaves a trace twice; linked exits make those jumps in machine code.
TWO_TRACE_LOOP = """
def run(n):
    t = 0.0
    for i in range(n):
        for j in range(100):
            t += 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
    return t
print(run(3000))
"""


def run(args, **kw):
    return subprocess.run([KRAIT] + args, capture_output=True, timeout=120, text=True, **kw)


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)


def counters(r, prefix):
    out = {}
    for line in r.stderr.splitlines():
        if line.startswith("[stats] " + prefix):
            name, value = line[len("[stats] " + prefix):].split()
            out[name] = float(value)
    return out


def case_stats():
    r = run(JIT + ["-X", "stats", os.path.join(CORPUS, "loop_spec_calls.py")])
    check(r.returncode == 0, r)
    jit = counters(r, "jit.")
    check(jit.get("traces", 0) > 0 and jit.get("uops", 0) > 0 and jit.get("bytes", 0) > 0, f"JIT counters: {jit}")
    check(jit["ns_per_uop_median"] > 0 and jit["us_per_trace_median"] > 0, f"compile times: {jit}")
    check(jit["failed"] == 0, f"traces not compiled: {jit}")
    check("Tier 2 (-X jit=on)" in r.stderr and "JIT (native" in r.stderr, r.stderr)


def case_default():
    """-X jit=on is the default; -X jit=off runs tier 1 only."""
    r = run(["-X", "stats", "-X", "trace-threshold=1", os.path.join(CORPUS, "loop_spec_calls.py")])
    check(r.returncode == 0 and counters(r, "jit.").get("traces", 0) > 0, r.stderr[-2000:])
    r = run(["-X", "jit=off", "-X", "stats", os.path.join(CORPUS, "loop_spec_calls.py")])
    check(r.returncode == 0 and not counters(r, "jit.") and not counters(r, "tier2."), r.stderr[-2000:])
    check("jit=on" in run(["--help"]).stdout, "--help does not offer -X jit=on")


def case_linked_exits():
    """Exits linked to their side traces jump there in machine code: the runtime sees a handful of exits where the
    uop interpreter sees two per iteration."""
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "loop.py")
        with open(prog, "w") as f:
            f.write(TWO_TRACE_LOOP)
        uops = run(["-X", "jit=uops", "-X", "stats", prog])  # the default threshold: the loop's trace is recorded
        jit = run(["-X", "jit=on", "-X", "stats", prog])       # on its exiting iteration
        check(uops.returncode == 0 and jit.returncode == 0 and uops.stdout == jit.stdout, (uops, jit))
        exits_uops = counters(uops, "tier2.")["exits_taken"]
        exits_jit = counters(jit, "tier2.")["exits_taken"]
        check(exits_uops > 200000, f"the loop was expected to exit every iteration under uops: {exits_uops}")
        check(exits_jit < exits_uops / 100, f"linked exits still return to the runtime: {exits_jit} vs {exits_uops}")


def case_dump():
    """-X dump-jit writes every compiled trace, uop by uop, as bytes llvm-mc can disassemble."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "jit.dump")
        r = run(JIT + ["-X", "dump-jit=" + path, os.path.join(CORPUS, "loop_spec_calls.py")])
        check(r.returncode == 0, r)
        text = open(path).read()
        traces = re.findall(r"^# trace \d+.*, (\d+) uops, (\d+) bytes at 0x[0-9a-f]+$", text, re.M)
        check(traces, "no trace headers in the dump")
        uops = re.findall(r"^#\s+\d+ _?[A-Z_0-9]+ oparg=\d+ target=\d+", text, re.M)
        check(len(uops) == sum(int(n) for n, _ in traces), "not every uop is marked in the dump")
        nbytes = sum(len(line.split()) for line in text.splitlines() if line.startswith("0x"))
        check(nbytes == sum(int(b) for _, b in traces), f"{nbytes} bytes dumped for {traces}")
        mc = shutil.which("llvm-mc-19") or shutil.which("llvm-mc")
        if mc:
            first = text.split("# after the hot code")[0]  # the first trace's hot code: instructions only
            dis = subprocess.run([mc, "--disassemble", "-triple=" + os.uname().machine + "-linux-gnu"],
                                 input=first, capture_output=True, text=True)
            check(dis.returncode == 0 and "invalid instruction" not in dis.stderr and dis.stdout.count("\n") > 10,
                  dis.stderr[:2000])


def case_code_churn():
    """Code memory is freed and reused: traces swept as cold give their blocks back, which are recycled once enough
    wait; a full arena leaves new traces to the uop interpreter. Either way the output is CPython's."""
    prog = os.path.join(CORPUS, "jit_code_churn.py")
    expected = open(os.path.join(CORPUS, "jit_code_churn.out")).read()
    for arena, full in (("64", True), ("4096", False)):
        r = run(JIT + ["-X", "jit-arena=" + arena, "-X", "stats", prog])
        check(r.returncode == 0 and r.stdout == expected, (arena, r.stdout, r.stderr[-2000:]))
        jit = counters(r, "jit.")
        check(jit["recycles"] > 0, f"arena {arena} KiB: freed code never recycled: {jit}")
        check((jit["failed"] > 0) == full, f"arena {arena} KiB: {jit}")
    r = run(JIT + ["-X", "jit-arena=63", prog])
    check(r.returncode != 0 and "jit-arena=KIB with 64 <= KIB" in r.stderr, r.stderr)


def case_regalloc():
    """-X regalloc=on (the default) keeps the stack's top in value registers: uops compiled as register variants,
    spills where a uop needs the frame, both in -X stats and -X dump-jit; regalloc=off compiles every uop's
    memory form. The output is CPython's either way."""
    prog = os.path.join(CORPUS, "jit_value_registers.py")
    expected = open(os.path.join(CORPUS, "jit_value_registers.out")).read()
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ("on", "off"):
            path = os.path.join(tmp, mode + ".dump")
            r = run(JIT + ["-X", "regalloc=" + mode, "-X", "stats", "-X", "dump-jit=" + path, prog])
            check(r.returncode == 0 and r.stdout == expected, (mode, r.stdout, r.stderr[-2000:]))
            jit = counters(r, "jit.")
            dump = open(path).read()
            if mode == "on":
                check(jit["reg_uops"] > jit["uops"] / 3 and jit["spills"] > 0, f"regalloc=on: {jit}")
                check(re.search(r"^#\s+\d+ _BINARY_OP_\w+_FLOAT .*\[regs [0-3]->[0-3]\]", dump, re.M), dump[:3000])
                check("[spill " in dump, "no spill in the dump")
            else:
                check(jit["reg_uops"] == 0 and jit["spills"] == 0 and jit["traces"] > 0, f"regalloc=off: {jit}")
                check("[regs " not in dump and "[spill " not in dump, "register variants with regalloc=off")
    r = run(JIT + ["-X", "regalloc=maybe", prog])
    check(r.returncode != 0 and "expected regalloc=on or regalloc=off" in r.stderr, r.stderr)


def case_recursion():
    """A function calling itself runs its entry trace nested in machine code: the runtime enters traces a handful
    of times for fib(22)'s 57313 calls (each through tier 1 would be an entry), and tier 1's output stands."""
    prog = "def fib(n):\n if n < 2:\n  return n\n return fib(n - 1) + fib(n - 2)\nprint(fib(22))\n"
    r = run(["-X", "jit=on", "-X", "trace-threshold=50", "-X", "stats", "-c", prog])
    check(r.returncode == 0 and r.stdout == "17711\n", r)
    tier2 = counters(r, "tier2.")
    check(tier2["traces"] >= 1 and tier2["executions"] < 200, f"fib's calls do not run nested: {tier2}")


def case_perf_map():
    """-X perf writes /tmp/perf-PID.map: one line per trace, its code range and a name perf shows."""
    r = subprocess.run([KRAIT] + JIT + ["-X", "perf", "-c",
                        "import sys\nfor i in range(100): pass\nprint('ok')"], capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout == "ok\n", r)
    maps = [p for p in os.listdir("/tmp") if re.fullmatch(r"perf-\d+\.map", p)]
    found = False
    for p in maps:
        path = os.path.join("/tmp", p)
        try:
            lines = open(path).read().splitlines()
        except OSError:
            continue
        if any(re.fullmatch(r"[0-9a-f]+ [0-9a-f]+ krait:trace\d+:<module>@\d+", l) for l in lines):
            found = True
            os.remove(path)
    check(found, "no perf map with a trace of <module>")


def main():
    globals()["case_" + sys.argv[2]]()
    print("ok")


if __name__ == "__main__":
    main()
