#!/usr/bin/env python3
"""Differential test of the JIT (CTest jit.differential.SEED): random arithmetic and loop programs, run by the
interpreter (-X jit=off) and by the JIT with every loop traced at once (-X jit=on -X trace-threshold=1, then 3, then
1 with -X regalloc=off: every value in the frame between stencils); their outputs must be identical. The programs mix ints that overflow into big ints, floats, bools, branches whose
direction changes mid-loop, values whose type changes mid-loop (guards fail, side exits get hot), nested loops,
calls, list indexing and exceptions, so traces deopt and side traces chain.

Usage: test_jit_differential.py KRAIT SEED [COUNT]   (COUNT programs from SEED; a failure prints the program)
"""
import random
import subprocess
import sys

INT_OPS = ["+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>"]
FLOAT_OPS = ["+", "-", "*", "/"]
CMP_OPS = ["<", "<=", "==", "!=", ">", ">="]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.lines = []

    def emit(self, depth, text):
        self.lines.append("    " * depth + text)

    def int_expr(self, names, depth=0):
        r = self.r
        if depth > 2 or r.random() < 0.3:
            return r.choice(names + [str(r.randint(-20, 20)), str(r.choice([2**40, 2**49 - 1, -(2**49), 3**30]))])
        op = r.choice(INT_OPS)
        a, b = self.int_expr(names, depth + 1), self.int_expr(names, depth + 1)
        if op in ("//", "%"):
            return f"({a} {op} (({b}) or 7))"
        if op in ("<<", ">>"):
            return f"({a} {op} (({b}) % 40 if ({b}) >= 0 else 3))"
        return f"({a} {op} {b})"

    def float_expr(self, names, depth=0):
        r = self.r
        if depth > 2 or r.random() < 0.3:
            return r.choice([f"float({r.choice(names)})", repr(r.uniform(-9, 9)), "0.5", "1e300", "x"])
        op = r.choice(FLOAT_OPS)
        a, b = self.float_expr(names, depth + 1), self.float_expr(names, depth + 1)
        if op == "/":
            return f"({a} / (({b}) or 1.25))"
        return f"({a} {op} {b})"

    def loop_body(self, depth, names):
        r = self.r
        for _ in range(r.randint(2, 5)):
            k = r.random()
            target = r.choice(["a", "b", "c"])
            if k < 0.35:
                self.emit(depth, f"{target} = {self.int_expr(names)}")
            elif k < 0.5:
                self.emit(depth, f"x = {self.float_expr(names)}")
            elif k < 0.65:
                self.emit(depth, f"if {self.int_expr(names)} {r.choice(CMP_OPS)} {self.int_expr(names)}:")
                self.emit(depth + 1, f"{target} = {self.int_expr(names)}")
                self.emit(depth, "else:")
                self.emit(depth + 1, f"{target} = -{target} if {target} % 3 else {target} + 1")
            elif k < 0.72:
                self.emit(depth, f"if i == {r.randint(1, 40)}:")
                self.emit(depth + 1, f"{target} = {r.choice(['1.5', 'True', '2**60', '-7', 'None and 0'])}")
            elif k < 0.8:
                self.emit(depth, f"lst[i % len(lst)] = {self.int_expr(names)} % 1000")
                self.emit(depth, f"{target} = lst[(i * 7) % len(lst)] + {target} % 10")
            elif k < 0.88:
                self.emit(depth, f"{target} = helper({self.int_expr(names)}, i)")
            else:
                self.emit(depth, "try:")
                self.emit(depth + 1, f"{target} = {self.int_expr(names)} // (i % 5 - 2)")
                self.emit(depth, "except ZeroDivisionError:")
                self.emit(depth + 1, f"{target} = -1")
            self.emit(depth, "a, b, c = (a % 1000003 if isinstance(a, int) else a), b % 99991 if isinstance(b, int) "
                             "else b, c")

    def program(self):
        r = self.r
        self.emit(0, "def helper(p, q):")
        self.emit(1, "if q % 4 == 0:")
        self.emit(2, "return p // 3")
        self.emit(1, "return p * 2 + q")
        self.emit(0, "")
        self.emit(0, "def run(n):")
        self.emit(1, f"a, b, c, x = {r.randint(0, 9)}, {r.randint(0, 9)}, {r.randint(0, 9)}, 0.0")
        self.emit(1, "lst = list(range(7))")
        self.emit(1, "out = []")
        self.emit(1, "for i in range(n):")
        names = ["a", "b", "c", "i"]
        if r.random() < 0.4:
            self.emit(2, f"for j in range({r.randint(1, 6)}):")
            self.loop_body(3, names + ["j"])
        else:
            self.loop_body(2, names)
        self.emit(2, "if i % 16 == 0:")
        self.emit(3, "out.append((a, b, c, round(x, 6) if x == x and abs(x) < 1e300 else str(x)))")
        self.emit(1, "return out, a, b, c, lst")
        self.emit(0, "")
        self.emit(0, f"for row in run({r.randint(30, 120)})[0]:")
        self.emit(1, "print(row)")
        self.emit(0, f"print(run({r.randint(5, 60)})[1:])")
        return "\n".join(self.lines) + "\n"


def run(krait, opts, source):
    p = subprocess.run([krait] + opts + ["-c", source], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    krait, seed = sys.argv[1], int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    failures = 0
    for k in range(count):
        source = Gen(random.Random(seed * 1000 + k)).program()
        want = run(krait, ["-X", "jit=off"], source)
        for opts in (["-X", "jit=on", "-X", "trace-threshold=1"], ["-X", "jit=on", "-X", "trace-threshold=3"],
                     ["-X", "jit=on", "-X", "trace-threshold=1", "-X", "regalloc=off"]):
            got = run(krait, opts, source)
            if got != want:
                failures += 1
                print(f"FAIL program {seed}/{k} with {' '.join(opts)}:\n{source}")
                print(f"interpreter: status {want[0]}\n{want[1]}{want[2]}")
                print(f"JIT: status {got[0]}\n{got[1]}{got[2]}")
                break
    print(f"{count - failures}/{count} random programs agree (seed {seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
