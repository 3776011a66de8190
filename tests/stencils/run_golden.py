#!/usr/bin/env python3
"""Golden test of the stencil pipeline (CTest stencils.golden): stencils/template.c with the micro-ops of the
generator's sample (tests/gen/golden/: uop_stencils.inc, opcode_ids.h) compiled by stencils/gen_stencils.py for
every target, compared with tests/stencils/golden/stencils_TARGET.cpp (code bytes, holes, disassembly); and the
generator's refusals: each tests/stencils/bad/*.c must fail with its message.

  run_golden.py CLANG OBJDUMP            compare
  run_golden.py CLANG OBJDUMP --update   rewrite the golden tables (after an intended change; review the diff)
"""
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
GENERATOR = os.path.join(ROOT, "stencils", "gen_stencils.py")
SAMPLE = os.path.join(ROOT, "tests", "gen", "golden")
TARGETS = ["x86_64", "aarch64"]
BAD = {
    "thread_local.c": "is not one the JIT can patch",
    "local_call.c": "refers to code outside itself",
}


def run(cc, objdump, template, includes, opcode_ids, target, out):
    cmd = [sys.executable, GENERATOR, "--cc", cc, "--objdump", objdump] + [f"-I{d}" for d in includes] + \
          [template, opcode_ids, target, out]
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    cc, objdump, update = sys.argv[1], sys.argv[2], "--update" in sys.argv
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for target in TARGETS:
            out = os.path.join(tmp, f"stencils_{target}.cpp")
            r = run(cc, objdump, os.path.join(ROOT, "stencils", "template.c"), [os.path.join(ROOT, "core"), SAMPLE],
                    os.path.join(SAMPLE, "opcode_ids.h"), target, out)
            if r.returncode != 0:
                print(f"FAIL {target}: the generator failed:\n{r.stderr}")
                failures += 1
                continue
            got = open(out, encoding="utf-8").read()
            golden = os.path.join(HERE, "golden", f"stencils_{target}.cpp")
            if update:
                with open(golden, "w", encoding="utf-8") as f:
                    f.write(got)
                continue
            want = open(golden, encoding="utf-8").read()
            if got != want:
                failures += 1
                print(f"FAIL {target}: differs from golden/stencils_{target}.cpp:")
                sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                           f"golden/stencils_{target}.cpp", "generated"))
            else:
                print(f"ok   {target}: {got.count('bytes of code')} stencils as golden")
        for name, message in BAD.items():
            for target in TARGETS:
                r = run(cc, objdump, os.path.join(HERE, "bad", name), [], os.path.join(HERE, "bad", "opcode_ids.h"),
                        target, os.path.join(tmp, "bad.cpp"))
                if r.returncode == 0 or message not in r.stderr:
                    failures += 1
                    print(f"FAIL bad/{name} ({target}): expected failure with '{message}', got status "
                          f"{r.returncode}:\n{r.stderr}")
                else:
                    print(f"ok   bad/{name} ({target}) rejected")
    if update:
        print("golden tables updated")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
