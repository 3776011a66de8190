#!/usr/bin/env python3
"""Golden test of core/gen_instructions.py (CTest gen.golden).

  run_golden.py            generate from tests/gen/sample.def and compare with tests/gen/golden/; check that the
                           bad_*.def inputs are rejected with the expected message
  run_golden.py --update   rewrite tests/gen/golden/ (after an intended change of the generated code; review the diff)
"""
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "..", "..", "core", "gen_instructions.py")
OUTPUTS = ["opcode_ids.h", "opcode_meta.inc", "interp_cases.inc", "uop_cases.inc", "uop_bodies.c", "uop_stencils.inc"]
BAD = {
    "bad_deopt.def": "BAD: DEOPT_IF in an instruction that is not a specialized family member",
    "bad_order.def": "BASE_BAD: _CHANGE changes the stack before a later op can deopt",
}


def generate(src, outdir):
    return subprocess.run([sys.executable, GENERATOR, src, outdir], capture_output=True, text=True)


def main():
    update = "--update" in sys.argv
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        r = generate(os.path.join(HERE, "sample.def"), tmp)
        if r.returncode != 0:
            print(f"generator failed on sample.def:\n{r.stderr}")
            return 1
        for name in OUTPUTS:
            with open(os.path.join(tmp, name), encoding="utf-8") as f:
                got = f.read()
            golden = os.path.join(HERE, "golden", name)
            if update:
                with open(golden, "w", encoding="utf-8") as f:
                    f.write(got)
                continue
            with open(golden, encoding="utf-8") as f:
                want = f.read()
            if got != want:
                failures += 1
                print(f"FAIL {name} differs from golden/{name}:")
                sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                           f"golden/{name}", name))
            else:
                print(f"ok   {name}")
        for bad, message in BAD.items():
            r = generate(os.path.join(HERE, bad), tmp)
            if r.returncode == 0 or message not in r.stderr:
                failures += 1
                print(f"FAIL {bad}: expected rejection with '{message}', got exit {r.returncode}: {r.stderr}")
            else:
                print(f"ok   {bad} rejected")
    if update:
        print("golden files updated")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
