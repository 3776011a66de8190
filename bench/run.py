#!/usr/bin/env python3
"""Krait's benchmark harness: every program in bench/programs/ on every Krait configuration and every peer
runtime present, checksums checked against CPython, interleaved runs, results to bench/results/.

    python3 bench/run.py                  full run: default sizes, 3 rounds, writes bench/results/
    python3 bench/run.py --quick          CI mode: tiny sizes, 1 round, Krait configurations + the CPython
                                          baseline; asserts correctness (never speed); exit status 1 on any
                                          wrong checksum or failure of a Krait configuration
    python3 bench/run.py --list           which configurations exist here, and why the others are missing
    python3 bench/run.py --configs krait,cpython-3.12.1 --programs fib,nbody --runs 5

Method. Each measurement is one fresh process. A round runs the start-up program (`print(1)`) and then every
program once on every configuration, the configurations taking turns (their order rotates from program to
program), so slow drifts of a shared machine's load hit every configuration alike; `--runs N` rounds give
N samples per (program, configuration), of which the minimum and the median are reported. Time is wall
clock from spawn to exit (start-up included) for command configurations; the in-runtime runners (Pyodide,
Chromium) report the time spent compiling and running the program inside their already loaded runtime, and
their load time as start-up. Peak RSS is GNU time's %M for the process. Every run's stdout must
equal the baseline CPython's stdout for the same program and size (the programs print checksums).

Configurations. KRAIT_CONFIGS below is the table of Krait's own configurations: one line each, command and
options. A line whose `needs` names an option is used only when `krait --help` mentions it, so configurations
of later stages can be listed before they exist and are reported as missing until then. Peers are found at
run time: CPython (python3, /usr/bin/python3, ~/.pyenv/versions/*/bin/python3 from 3.11 on), PyPy (`pypy3`),
Pyodide (npm package in bench/node_modules, run in Node by bench/runners/pyodide.mjs).

Counters. A configuration with `stats` (an option such as `-X stats`, again only when `--help` mentions it)
is run once more per program with that option, untimed, and every stderr line of the form
    [stats] NAME VALUE          (or  [stats] NAME = VALUE)
becomes a counter of that (program, configuration): traces compiled, uops emitted/removed, ns per uop
copy+patch, µs per trace, bytes of code, and so on. In-runtime runners report counters the same way through
the numbers of their `@@bench {...}` stderr line. Wasm configurations also get the module's compile and
instantiate times (bench/runners/wasm_costs.js for Node; the Chromium runner measures its own).

Written with Python 3.11's standard library only; runs from any directory (it finds the repository from
its own path).
"""

import argparse
import datetime
import glob
import hashlib
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PROGRAMS_DIR = BENCH / "programs"
RUNNERS = BENCH / "runners"
STARTUP = BENCH / "startup.py"
HOME = str(Path.home())


# ---------------------------------------------------------------------------------------------------------
# The programs: name (bench/programs/NAME.py), default size (0.5-3 s on CPython 3.12 here), quick size (CI),
# and what each one exercises.
@dataclass
class Program:
    name: str
    size: int
    quick: int
    what: str

    @property
    def path(self):
        return PROGRAMS_DIR / (self.name + ".py")


PROGRAMS = [
    Program("nbody", 200000, 5000, "float arithmetic on lists, tuple unpacking"),
    Program("spectral_norm", 400, 50, "nested float loops with calls"),
    Program("fannkuch", 9, 7, "list permutations, slicing, reversal"),
    Program("mandelbrot", 560, 60, "float-only escape-time loop"),
    Program("fib", 35, 20, "recursive calls, small ints"),
    Program("int_loop", 90000, 4000, "small-int arithmetic, bit ops, while loops"),
    Program("float_loop", 8000000, 200000, "float locals in a tight loop"),
    Program("float_objects", 500000, 20000, "small objects, attributes, math calls"),
    Program("richards", 30, 2, "OS-scheduler simulation: methods, attributes"),
    Program("nqueens", 12, 8, "backtracking, generators, closures"),
    Program("raytrace", 240, 30, "vector objects, operator methods, sqrt"),
    Program("deltablue", 350, 20, "constraint solver: deep class hierarchy"),
    Program("dict_str", 70, 3, "word counts, string building, formatting"),
    Program("generators", 100, 4, "generator pipeline, yield from, closures"),
]


# ---------------------------------------------------------------------------------------------------------
# Configurations.
@dataclass
class Config:
    name: str                 # key in the JSON, column in the tables
    label: str                # what it is, for people
    kind: str                 # "krait" or "peer"
    argv: list                # command prefix; the program's path and size follow
    in_runtime: bool = False  # the runner reports run_ms/load_ms in an `@@bench {...}` stderr line
    needs: str = None         # an option `--help` must mention for this configuration to exist
    stats: list = None        # extra options that make it print `[stats]` counters (used when --help has them)
    wasm_js: Path = None      # wasm configurations: the krait.js whose module costs are measured
    version: str = ""
    missing: str = None       # why it is not available here (None: available)
    counters: dict = field(default_factory=dict)   # per-configuration costs (wasm compile time, ...)
    env: dict = field(default_factory=dict)        # extra environment of its processes
    shown: list = None        # argv as reported (the real one may point at a snapshot of the build)

    @property
    def time_basis(self):
        return ("in-runtime: compile+run inside the loaded runtime; load time is the start-up"
                if self.in_runtime else "whole process, spawn to exit")


def krait_configs(args):
    """Krait's own configurations: one line each. To add one, add a line; use `needs` for an option that
    not every build has, so it is reported as missing (not failed) where `krait --help` lacks it."""
    native = Path(args.krait) if args.krait else ROOT / "build" / "release" / "krait"
    node = shutil.which("node") or "node"
    wasm_js = Path(os.environ.get("KRAIT_WASM_JS") or ROOT / "build" / "wasm" / "krait.js")
    on_node = [node, str(ROOT / "web" / "krait-node.js")]
    in_chromium = [node, str(RUNNERS / "chromium.js")]
    stats = ["-X", "stats"]   # used only once `krait --help` mentions "-X stats"
    K = Config
    return [
        # name                 label                                              command + options
        K("krait", "Krait, native, specializing interpreter (-X jit=off)", "krait", [str(native), "-X", "jit=off"],
          stats=stats),
        K("krait-generic", "Krait, native, generic interpreter (-X specialize=off)", "krait",
          [str(native), "-X", "jit=off", "-X", "specialize=off"], needs="specialize=off"),
        K("krait-wasm-node", "Krait, wasm in Node, specializing interpreter", "krait", on_node, stats=stats,
          wasm_js=wasm_js),
        K("krait-wasm-chromium", "Krait, wasm in headless Chromium, specializing interpreter", "krait", in_chromium,
          in_runtime=True, wasm_js=wasm_js),
        # Later stages (listed now; each is missing until `krait --help` mentions its option):
        K("krait-uops", "Krait, native, tier-2 uops interpreter", "krait", [str(native), "-X", "jit=uops"],
          needs="jit=uops", stats=stats),
        K("krait-jit", "Krait, native, copy-and-patch JIT (the default)", "krait", [str(native), "-X", "jit=on"],
          needs="jit=on", stats=stats),
        K("krait-jit-noregalloc", "Krait, native, JIT without register allocation (-X regalloc=off)", "krait",
          [str(native), "-X", "jit=on", "-X", "regalloc=off"], needs="regalloc=off", stats=stats),
        K("krait-wasm-jit", "Krait, wasm in Node, wasm JIT", "krait", on_node + ["-X", "jit=on"],
          needs="jit=on", stats=stats, wasm_js=wasm_js),
    ]


def run_quiet(argv, timeout=60):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout, p.stderr
    except (OSError, subprocess.SubprocessError) as e:
        return None, "", str(e)


def tilde(path):
    """A path as shown to people: relative inside the repository, ~ for the home directory."""
    path = str(path)
    if path.startswith(str(ROOT) + "/"):
        return path[len(str(ROOT)) + 1:]
    return "~" + path[len(HOME):] if HOME not in ("", "/") and path.startswith(HOME + "/") else path


_help_cache = {}


def help_text(prefix):
    key = tuple(prefix)
    if key not in _help_cache:
        _, out, err = run_quiet(list(prefix) + ["--help"])
        _help_cache[key] = out + err
    return _help_cache[key]


def check_krait(cfg):
    """Sets cfg.missing when the configuration cannot run here."""
    if cfg.argv[0].endswith("node") or cfg.argv[0] == "node":
        if not shutil.which(cfg.argv[0]):
            cfg.missing = "node not found"
            return
        runner = Path(cfg.argv[1])
        if not runner.exists():
            cfg.missing = f"{tilde(runner)} not found"
            return
        if cfg.wasm_js and not (cfg.wasm_js.exists() and cfg.wasm_js.with_suffix(".wasm").exists()):
            cfg.missing = (f"no wasm build at {tilde(cfg.wasm_js)} "
                           "(cmake --preset wasm && cmake --build --preset wasm)")
            return
        if cfg.name == "krait-wasm-chromium":
            reason = chromium_missing()
            if reason:
                cfg.missing = reason
                return
        base = cfg.argv[:2]
    else:
        if not Path(cfg.argv[0]).exists():
            cfg.missing = f"no native build at {tilde(cfg.argv[0])} (cmake --preset release && cmake --build --preset release)"
            return
        base = cfg.argv[:1]
    if cfg.needs:
        text = help_text(base)
        if cfg.needs not in text:
            cfg.missing = f"`krait --help` does not offer {cfg.needs} yet"
            return
    if cfg.stats:
        text = help_text(base)
        if " ".join(cfg.stats) not in text:
            cfg.stats = None   # counters not offered (yet)
    if not cfg.in_runtime:
        code, out, err = run_quiet(base + ["--version"])
        cfg.version = (out or err).strip().splitlines()[0] if code == 0 and (out or err).strip() else ""


def chromium_missing():
    """Why the Chromium configuration cannot run here, or None."""
    browser = os.environ.get("KRAIT_CHROMIUM") or "/usr/bin/chromium"
    if not Path(browser).exists():
        return f"{browser} not found (apt-get install chromium)"
    if not (BENCH / "node_modules" / "playwright-core").exists():
        return "playwright-core not in bench/node_modules (npm --prefix bench install)"
    if not (RUNNERS / "chromium.js").exists():
        return "bench/runners/chromium.js not found"
    return None


def cpython_candidates():
    seen = []
    for c in [sys.executable, "/usr/bin/python3", shutil.which("python3")] + sorted(
            glob.glob(os.path.join(HOME, ".pyenv", "versions", "*", "bin", "python3"))):
        if c and c not in seen and os.path.exists(c):
            seen.append(c)
    return seen


def version_key(v):
    return tuple(int(x) if x.isdigit() else 0 for x in re.split(r"[.+]", v)[:3])


def peer_configs():
    """The peers present here, and notes on those that are not."""
    found, notes = [], []
    probe = ("import sys, platform, sysconfig; a = sysconfig.get_config_var('CONFIG_ARGS') or ''; "
             "print(platform.python_implementation(), platform.python_version(), "
             "int('--enable-optimizations' in a or '--with-lto' in a), sys.executable)")
    real_seen = set()
    for exe in cpython_candidates():
        code, out, _ = run_quiet([exe, "-c", probe])
        if code != 0 or len(out.split()) < 4:
            continue
        impl, ver, optimized, real = out.split(None, 3)
        real = real.strip()
        if impl != "CPython" or version_key(ver) < (3, 11):
            continue
        key = os.path.realpath(real)
        if key in real_seen:
            continue
        real_seen.add(key)
        name = f"cpython-{ver}"
        if any(c.name == name for c in found):
            name += f"-{len(found)}"
        # Debian's python3 is built with PGO and LTO (its CONFIG_ARGS do not say so); a pyenv build is not,
        # unless PYTHON_CONFIGURE_OPTS asked for --enable-optimizations.
        if real.startswith("/usr/"):
            where = "Debian's build, PGO+LTO"
        elif optimized == "1":
            where = f"{tilde(real)}, PGO/LTO"
        else:
            where = f"{tilde(real)}, built without PGO/LTO"
        found.append(Config(name, f"CPython {ver} ({where})", "peer", [real], version=f"CPython {ver}"))
    found.sort(key=lambda c: version_key(c.name.split("-")[1]))
    if not any(version_key(c.name.split("-")[1]) >= (3, 12) for c in found):
        notes.append(("cpython-3.12+", "no CPython 3.12 or newer found (python3, ~/.pyenv/versions/*)"))
    pypy = shutil.which("pypy3")
    if pypy:
        code, out, _ = run_quiet([pypy, "-c", "import sys; v = sys.pypy_version_info; "
                                  "print('%d.%d.%d' % v[:3], sys.version.split()[0])"])
        if code == 0 and out.split():
            pv, lang = out.split()[:2]
            found.append(Config("pypy3", f"PyPy {pv} (Python {lang}, {tilde(pypy)})", "peer", [pypy],
                                version=f"PyPy {pv} (Python {lang})"))
        else:
            notes.append(("pypy3", f"{pypy} does not run"))
    else:
        notes.append(("pypy3", "pypy3 not on PATH (apt-get install pypy3)"))
    pyodide = BENCH / "node_modules" / "pyodide"
    node = shutil.which("node")
    if not node:
        notes.append(("pyodide", "node not found"))
    elif not (pyodide / "pyodide.mjs").exists():
        notes.append(("pyodide", "npm package pyodide not in bench/node_modules (npm --prefix bench install)"))
    else:
        try:
            ver = json.loads((pyodide / "package.json").read_text())["version"]
        except (OSError, ValueError, KeyError):
            ver = "?"
        found.append(Config("pyodide", f"Pyodide {ver} (CPython in wasm) in Node", "peer",
                            [node, str(RUNNERS / "pyodide.mjs")], in_runtime=True, version=f"Pyodide {ver}"))
    return found, notes


# ---------------------------------------------------------------------------------------------------------
# Running one process.
@dataclass
class Run:
    status: str            # "ok", "mismatch", "error", "timeout"
    seconds: float = None  # the measured time (see Config.time_basis)
    wall: float = None     # whole process, spawn to exit
    rss_kb: int = None
    output: str = ""
    stderr: str = ""
    error: str = ""
    extra: dict = field(default_factory=dict)   # numbers the runner reported on its @@bench line


# Peak RSS: ru_maxrss of a forked child counts the memory it had before exec, i.e. a copy of this Python
# process (~20 MB), so the children are started through GNU time, a small C program, whose %M is the same
# figure with a floor of about 2 MB. Without /usr/bin/time, wait4()'s figure is used (floored at ours).
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def spawn(argv, timeout, env=None):
    """Runs argv with stdout/stderr to temporary files; returns (exit code, wall s, peak RSS KB, out, err)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        if GNU_TIME:
            argv = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + list(argv)
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=ROOT,
                             start_new_session=True, env=dict(os.environ, **env) if env else None)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        p.returncode = code
        rss = usage.ru_maxrss
        if GNU_TIME:
            try:
                rss = int(rss_file.read().split()[-1])
            except (ValueError, IndexError):
                rss = None
        out.seek(0)
        err.seek(0)
        o = out.read().decode("utf-8", "replace")
        e = err.read().decode("utf-8", "replace")
    if timed_out:
        code = "timeout"
    return code, wall, rss, o, e


def run_once(cfg, script, size, timeout, extra_opts=()):
    argv = list(cfg.argv) + list(extra_opts) + [str(script)] + ([str(size)] if size is not None else [])
    try:
        code, wall, rss, out, err = spawn(argv, timeout, cfg.env)
    except OSError as e:
        return Run("error", error=str(e))
    extra = {}
    kept = []
    for line in err.splitlines():
        if line.startswith("@@bench "):
            try:
                extra = json.loads(line[len("@@bench "):])
            except ValueError:
                pass
        else:
            kept.append(line)
    err = "\n".join(kept)
    seconds = wall
    if cfg.in_runtime and isinstance(extra.get("run_ms"), (int, float)):
        seconds = extra["run_ms"] / 1000.0
    r = Run("ok", seconds, wall, rss if not cfg.name.endswith("chromium") else None, out, err, "", extra)
    if code == "timeout":
        r.status, r.error = "timeout", f"killed after {timeout} s"
    elif code != 0:
        tail = " | ".join(err.strip().splitlines()[-3:])
        r.status, r.error = "error", f"exit status {code}: {tail}"
    return r


def parse_stats(text):
    counters = {}
    for m in re.finditer(r"^\[stats\]\s+([\w.\-/]+)\s*[=:]?\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)",
                         text, re.M):
        v = float(m.group(2))
        counters[m.group(1)] = int(v) if v.is_integer() else v
    return counters


def snapshot_builds(configs, directory):
    """Copies the Krait builds the configurations use into `directory` and points the configurations at the
    copies, so a rebuild during a long run (a shared machine) cannot mix two builds in one table. Returns
    {what: {"path", "sha256", "mtime"}} of the builds measured."""
    builds = {}
    copies = {}

    def copy(src):
        src = Path(src)
        if src not in copies:
            dst = Path(directory) / f"{len(copies)}-{src.name}"
            shutil.copy2(src, dst)
            if src.suffix == ".js" and src.with_suffix(".wasm").exists():
                shutil.copy2(src.with_suffix(".wasm"), dst.with_suffix(".wasm"))
            copies[src] = dst
            target = src.with_suffix(".wasm") if src.suffix == ".js" else src
            builds[tilde(target)] = {
                "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
                "mtime": datetime.datetime.fromtimestamp(target.stat().st_mtime).astimezone().isoformat(
                    timespec="seconds")}
        return copies[src]

    for c in configs:
        if c.kind != "krait":
            continue
        c.shown = list(c.argv)
        if c.wasm_js:
            c.wasm_js = copy(c.wasm_js)
            c.env = dict(c.env, KRAIT_WASM_JS=str(c.wasm_js))
        elif Path(c.argv[0]).exists():
            c.argv = [str(copy(c.argv[0]))] + c.argv[1:]
    return builds


# ---------------------------------------------------------------------------------------------------------
# Machine facts.
def machine_info():
    info = {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "os": f"{platform.system()} {platform.release()}", "python_for_harness": platform.python_version()}
    code, out, _ = run_quiet(["lscpu"])
    if code == 0:
        for line in out.splitlines():
            k, _, v = line.partition(":")
            if k.strip() == "Model name":
                info["cpu"] = v.strip()
            elif k.strip() == "CPU(s)":
                info["cores"] = int(v.strip())
    code, out, _ = run_quiet(["node", "--version"])
    if code == 0:
        info["node"] = out.strip()
    return info


def loadavg():
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except (OSError, ValueError):
        return None


def krait_commit():
    """The checked-out commit, read from .git without running git."""
    git = ROOT / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        if (git / ref).exists():
            return (git / ref).read_text().strip()
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0]
    except OSError:
        pass
    return None


# ---------------------------------------------------------------------------------------------------------
# The measurement.
def rotate(items, k):
    k %= max(len(items), 1)
    return items[k:] + items[:k]


def summarize(times):
    return {"min": min(times), "median": statistics.median(times)} if times else {"min": None, "median": None}


def measure(args, configs, programs, baseline, log):
    runs = args.runs
    size_of = {p.name: (p.quick if args.quick else p.size) for p in programs}
    samples = {p.name: {c.name: [] for c in configs} for p in programs}
    startup = {c.name: [] for c in configs}
    reference = {}   # program -> the baseline's stdout (first run)
    for rnd in range(runs):
        log(f"-- round {rnd + 1}/{runs}")
        parts = []
        for c in rotate(configs, rnd):
            r = run_once(c, STARTUP, None, args.timeout)
            if r.status == "ok" and r.output != "1\n":
                r.status, r.error = "mismatch", f"printed {r.output[:40]!r} for print(1)"
            if c.in_runtime and isinstance(r.extra.get("load_ms"), (int, float)):
                r.seconds = (r.extra["load_ms"] + r.extra.get("run_ms", 0)) / 1000.0
            startup[c.name].append(r)
            parts.append(f"{c.name} {fmt_s(r.seconds)}" if r.status == "ok" else f"{c.name} {r.status.upper()}")
        log("   start-up: " + ", ".join(parts))
        for pi, prog in enumerate(programs):
            # The baseline first in the first round (its output is the reference), then everyone in turn.
            order = rotate(configs, rnd + pi)
            if prog.name not in reference:
                order = [baseline] + [c for c in order if c is not baseline]
            parts = []
            for c in order:
                r = run_once(c, prog.path, size_of[prog.name], args.timeout)
                if c is baseline and prog.name not in reference and r.status == "ok":
                    reference[prog.name] = r.output
                ref = reference.get(prog.name)
                if r.status == "ok" and ref is not None and r.output != ref:
                    r.status = "mismatch"
                    r.error = "output differs from the baseline's: " + first_difference(ref, r.output)
                elif r.status == "ok" and ref is None:
                    r.status, r.error = "unverified", "the baseline did not run"
                samples[prog.name][c.name].append(r)
                parts.append(f"{c.name} {fmt_s(r.seconds)}" if r.status == "ok" else f"{c.name} {r.status.upper()}")
            log(f"   {prog.name:<14} " + ", ".join(parts))
    # Counters: one untimed run per program with the stats option, where a configuration offers one.
    counters = {p.name: {} for p in programs}
    for c in configs:
        if c.stats:
            for prog in programs:
                r = run_once(c, prog.path, size_of[prog.name], args.timeout, extra_opts=c.stats)
                counters[prog.name][c.name] = parse_stats(r.stderr)
    return size_of, samples, startup, reference, counters


def first_difference(a, b):
    al, bl = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(al, bl)):
        if x != y:
            return f"line {i + 1}: expected {x[:60]!r}, got {y[:60]!r}"
    return f"expected {len(al)} lines, got {len(bl)}"


def measure_wasm_costs(configs, rounds, timeout):
    """Module compile + instantiate times of the wasm build, for the wasm configurations run through Node."""
    for c in configs:
        if c.wasm_js is None or c.in_runtime:
            continue
        values = {}
        for _ in range(rounds):
            code, _, _, out, _ = spawn([c.argv[0], str(RUNNERS / "wasm_costs.js"), str(c.wasm_js)], timeout, c.env)
            try:
                d = json.loads(out.strip().splitlines()[0]) if code == 0 else {}
            except (ValueError, IndexError):
                d = {}
            for k, v in d.items():
                values.setdefault(k, []).append(v)
        for k, vs in values.items():
            c.counters[k] = round(statistics.median(vs), 3) if k.endswith("_ms") else vs[0]


def fmt_s(s):
    if s is None:
        return "—"
    return f"{s:.3f}s" if s < 10 else f"{s:.1f}s"


# ---------------------------------------------------------------------------------------------------------
# Results: JSON, Markdown, SVG.
def build_results(args, configs, missing, programs, baseline, size_of, samples, startup, reference, counters,
                  info, load_before, load_after, started):
    res = {
        "schema": 1,
        "generated": started,
        "mode": "quick" if args.quick else "full",
        "runs": args.runs,
        "method": ("fresh process per measurement; configurations interleaved round-robin (order rotated per "
                   "program); min and median over the runs; checksums (stdout) compared with the baseline's"),
        "machine": dict(info, load_before=load_before, load_after=load_after),
        "krait_commit": None,     # HEAD when the run started (set by main)
        "krait_builds": {},       # the builds measured: sha256 and mtime (set by main)
        "baseline": baseline.name,
        "configs": {},
        "missing": {name: why for name, why in missing},
        "programs": {},
        "startup": {},
        "results": {},
        "summary": {},
        "counters_note": None,
    }
    for c in configs:
        res["configs"][c.name] = {
            "label": c.label, "kind": c.kind, "version": c.version,
            "command": [tilde(a) for a in (c.shown or c.argv)], "time_basis": c.time_basis,
            "stats_option": c.stats, "counters": c.counters,
        }
    for p in programs:
        ref = reference.get(p.name)
        res["programs"][p.name] = {
            "size": size_of[p.name], "what": p.what, "file": f"bench/programs/{p.name}.py",
            "reference_output": ref,
            "reference_sha256": hashlib.sha256(ref.encode()).hexdigest() if ref is not None else None,
        }
    for c in configs:
        rs = startup[c.name]
        ok = [r.seconds for r in rs if r.status == "ok"]
        res["startup"][c.name] = dict(summarize(ok), times=[r.seconds for r in rs],
                                      rss_kb=max((r.rss_kb for r in rs if r.rss_kb), default=None),
                                      status=worst(rs), error=next((r.error for r in rs if r.error), None))
    for p in programs:
        row = {}
        base_med = None
        for c in configs:
            rs = samples[p.name][c.name]
            ok = [r.seconds for r in rs if r.status == "ok"]
            cell = dict(summarize(ok) if len(ok) == len(rs) else summarize([]),
                        times=[r.seconds for r in rs], wall=[r.wall for r in rs],
                        rss_kb=max((r.rss_kb for r in rs if r.rss_kb), default=None),
                        status=worst(rs), error=next((r.error for r in rs if r.error), None),
                        counters=dict(counters[p.name].get(c.name, {})))
            nums = {}
            for r in rs:
                for k, v in r.extra.items():
                    # wasm_* are per-configuration costs (see measure_wasm_costs), not the program's.
                    if isinstance(v, (int, float)) and k not in ("run_ms", "load_ms") and not k.startswith("wasm_"):
                        nums.setdefault(k, []).append(v)
            for k, vs in nums.items():
                cell["counters"][k] = statistics.median(vs)
            row[c.name] = cell
            if c is baseline:
                base_med = cell["median"]
        for c in configs:
            cell = row[c.name]
            cell["speed_vs_baseline"] = (base_med / cell["median"]
                                         if base_med and cell["median"] and cell["status"] == "ok" else None)
        res["results"][p.name] = row
    for c in configs:
        speeds = [res["results"][p.name][c.name]["speed_vs_baseline"] for p in programs]
        good = [s for s in speeds if s]
        res["summary"][c.name] = {
            "geomean_speed_vs_baseline": math.exp(sum(map(math.log, good)) / len(good)) if good else None,
            "programs_ok": sum(1 for p in programs if res["results"][p.name][c.name]["status"] == "ok"),
            "programs": len(programs),
        }
    if not any(c.stats for c in configs):
        res["counters_note"] = ("tier-2/JIT counters (traces compiled, uops emitted/removed, ns per uop "
                                "copy+patch, µs per trace, bytes of code) are not available yet: no configuration "
                                "offers `-X stats`")
    return res


# Krait's stages measured against each other (time of the second ÷ time of the first, by minimum times, where
# both ran): what each stage of the pipeline buys. The numeric group is the set of programs the JIT's targets are
# stated for (pure arithmetic and loops; the rest are object- and call-heavy).
STAGE_PAIRS = [("krait-jit", "krait"), ("krait-jit", "krait-jit-noregalloc"), ("krait-jit-noregalloc", "krait"),
               ("krait-uops", "krait")]
NUMERIC = ["nbody", "spectral_norm", "fannkuch", "mandelbrot", "fib", "int_loop", "float_loop", "float_objects"]


def stage_ratios(res):
    """{(config, other): {program: time(other) / time(config)}} by minimum times, for the STAGE_PAIRS that ran."""
    out = {}
    for c, o in STAGE_PAIRS:
        if c not in res["configs"] or o not in res["configs"]:
            continue
        row = {}
        for p, cells in res["results"].items():
            a, b = cells.get(c), cells.get(o)
            if a and b and a["status"] == b["status"] == "ok" and a["min"] and b["min"]:
                row[p] = b["min"] / a["min"]
        out[c, o] = row
    return out


def geomean(values):
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def stage_table(res):
    ratios = stage_ratios(res)
    if not ratios:
        return []
    progs = list(res["results"])
    L = ["## Krait's stages against each other", "",
         "Time of the second configuration ÷ time of the first, by minimum times of this run (above 1×: the first "
         "is faster). Numeric group: " + ", ".join(NUMERIC) + ".", "",
         "| | " + " | ".join(progs) + " | numeric geomean | all geomean |",
         "|---|" + "---:|" * (len(progs) + 2)]
    for (c, o), row in ratios.items():
        num = geomean(row[p] for p in NUMERIC if p in row)
        L.append(f"| {c} vs {o} | " + " | ".join(ratio(row.get(p)) for p in progs) +
                 f" | {ratio(num)} | {ratio(geomean(row.values()))} |")
    L.append("")
    return L


def worst(runs):
    order = ["ok", "unverified", "mismatch", "timeout", "error"]
    return max((r.status for r in runs), key=order.index, default="error")


def ratio(x):
    if x is None:
        return ""
    return f"{x:.2f}×" if x < 10 else f"{x:.1f}×"


def cell_text(cell, with_ratio=True, key="median"):
    if cell["status"] != "ok":
        return {"mismatch": "**WRONG**", "timeout": "timeout", "error": "error",
                "unverified": "unverified"}[cell["status"]]
    t = fmt_s(cell[key]).rstrip("s")
    if with_ratio and cell.get("speed_vs_baseline"):
        return f"{t} ({ratio(cell['speed_vs_baseline'])})"
    return t


def markdown(res):
    configs = list(res["configs"])
    base = res["baseline"]
    m = res["machine"]
    L = []
    L.append(f"# Krait benchmarks ({res['mode']} run)")
    L.append("")
    L.append(f"{res['generated']} · Krait commit {(res['krait_commit'] or '?')[:12]} (HEAD at the start) · "
             f"{m['cpu']}, {m['cores']} cores, {m['os']} · load average before/after: "
             f"{fmt_load(m.get('load_before'))} / {fmt_load(m.get('load_after'))}")
    if res.get("krait_builds"):
        L.append("")
        L.append("Builds measured (copied at the start, so a rebuild during the run cannot mix in): " +
                 ", ".join(f"{p} built {b['mtime']} (sha256 {b['sha256'][:12]})"
                           for p, b in res["krait_builds"].items()))
    L.append("")
    L.append(f"Median wall-clock seconds over {res['runs']} interleaved run(s) per cell, and in parentheses "
             f"the speed relative to the baseline **{base}** (its time ÷ this time: above 1× is faster). "
             "Every cell's output (the program's checksum) equals the baseline's; **WRONG** marks one that "
             "does not. Native and Node times are whole processes, start-up included; Pyodide and Chromium "
             "times exclude loading the runtime (see start-up below).")
    L.append("")
    L.append("| program | size | " + " | ".join(configs) + " |")
    L.append("|---|---:|" + "---:|" * len(configs))
    for p, row in res["results"].items():
        L.append(f"| {p} | {res['programs'][p]['size']} | " +
                 " | ".join(cell_text(row[c]) for c in configs) + " |")
    L.append("| **geometric mean** | | " + " | ".join(geomean_text(res["summary"][c]) for c in configs) + " |")
    L.append("")
    L.append(f"Minimum seconds over the runs:")
    L.append("")
    L.append("| program | " + " | ".join(configs) + " |")
    L.append("|---|" + "---:|" * len(configs))
    for p, row in res["results"].items():
        L.append(f"| {p} | " + " | ".join(cell_text(row[c], with_ratio=False, key="min") for c in configs) + " |")
    L.append("")
    L += stage_table(res)
    L.append("Peak RSS in MB (largest over the runs; Chromium's is not measured: it is many processes):")
    L.append("")
    L.append("| program | " + " | ".join(configs) + " |")
    L.append("|---|" + "---:|" * len(configs))
    for p, row in res["results"].items():
        L.append(f"| {p} | " + " | ".join(fmt_mb(row[c]["rss_kb"]) for c in configs) + " |")
    L.append("")
    L.append("## Costs per configuration")
    L.append("")
    counter_names = sorted({k for c in configs for k in res["configs"][c]["counters"]})
    L.append("| configuration | start-up median s | start-up min s | start-up RSS MB | " +
             " | ".join(counter_names) + (" | " if counter_names else "") + "what it is |")
    L.append("|---|---:|---:|---:|" + "---:|" * len(counter_names) + "---|")
    for c in configs:
        s = res["startup"][c]
        cinfo = res["configs"][c]
        vals = [fmt_num(cinfo["counters"].get(k)) for k in counter_names]
        st = "" if s["status"] == "ok" else f" ({s['status']})"
        L.append(f"| {c} | {fmt_s(s['median']).rstrip('s')}{st} | {fmt_s(s['min']).rstrip('s')} | "
                 f"{fmt_mb(s['rss_kb'])} | " + " | ".join(vals) + (" | " if vals else "") +
                 f"{cinfo['label']} |")
    L.append("")
    L.append("Start-up is `print(1)`: the whole process for native and Node configurations; for Pyodide and "
             "Chromium, loading the runtime in an already started Node or page plus running `print(1)`.")
    if counter_names:
        L.append("wasm_compile_ms / wasm_instantiate_ms: `new WebAssembly.Module` / `new WebAssembly.Instance` "
                 "of build/wasm/krait.wasm (wasm_bytes), median over the runs.")
    L.append("")
    per_program = sorted({k for p in res["results"].values() for c in p.values() for k in c["counters"]})
    if per_program:
        L.append("### Counters per program")
        L.append("")
        L.append("| program | configuration | " + " | ".join(per_program) + " |")
        L.append("|---|---|" + "---:|" * len(per_program))
        for p, row in res["results"].items():
            for c in configs:
                if row[c]["counters"]:
                    L.append(f"| {p} | {c} | " + " | ".join(fmt_num(row[c]["counters"].get(k))
                                                         for k in per_program) + " |")
        L.append("")
    if res["counters_note"]:
        L.append(f"Counters: {res['counters_note']}.")
        L.append("")
    if res["missing"]:
        L.append("## Not measured here")
        L.append("")
        for name, why in res["missing"].items():
            L.append(f"- {name}: {why}")
        L.append("")
    bad = [(p, c, row[c]["error"]) for p, row in res["results"].items() for c in configs
           if row[c]["status"] != "ok"]
    if bad:
        L.append("## Failures")
        L.append("")
        for p, c, e in bad:
            L.append(f"- {p} on {c}: {e}")
        L.append("")
    L.append("## Configurations")
    L.append("")
    for c in configs:
        ci = res["configs"][c]
        L.append(f"- **{c}**{' (baseline)' if c == base else ''}: {ci['label']}; `{' '.join(ci['command'])} "
                 f"PROGRAM SIZE`{'; ' + ci['version'] if ci['version'] else ''}")
    L.append("")
    L.append("## Programs")
    L.append("")
    for p, pi in res["programs"].items():
        L.append(f"- **{p}** ({pi['file']}, size {pi['size']}): {pi['what']}")
    L.append("")
    return "\n".join(L)


def geomean_text(summary):
    text = ratio(summary["geomean_speed_vs_baseline"])
    if summary["programs_ok"] < summary["programs"]:
        text += f" (of {summary['programs_ok']}/{summary['programs']})"
    return text


def fmt_load(l):
    return "/".join(f"{x:.1f}" for x in l) if l else "?"


def fmt_mb(kb):
    return f"{kb / 1024:.0f}" if kb else "—"


def fmt_num(v):
    if v is None:
        return "—"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}"
    return f"{int(v):,}"


PALETTE = ["#1b6ca8", "#e07a1f", "#2a9d4b", "#c0392b", "#8e44ad", "#7f6a3c", "#d35fa8", "#6b6b6b",
           "#1aa3a3", "#a3a31a", "#444488", "#884444"]


def svg_chart(res):
    """Per-benchmark horizontal bars of speed relative to the baseline, log scale, bars grow from 1×."""
    base = res["baseline"]
    configs = [c for c in res["configs"] if c != base]
    progs = list(res["results"]) + ["geometric mean"]

    def speed(p, c):
        if p == "geometric mean":
            return res["summary"][c]["geomean_speed_vs_baseline"]
        return res["results"][p][c]["speed_vs_baseline"]

    vals = [speed(p, c) for p in progs for c in configs if speed(p, c)]
    lo, hi = nice_below(min(vals + [0.5])), nice_above(max(vals + [2.0]))
    left, plot_w, right = 130, 560, 20
    bar_h, gap = 9, 12
    top = 70 + 16 * ((len(configs) + 2) // 3)
    group_h = bar_h * len(configs) + gap
    height = top + group_h * len(progs) + 40
    width = left + plot_w + right

    def x_of(v):
        return left + plot_w * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    E = []
    E.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">')
    E.append(f'<rect width="{width}" height="{height}" fill="white"/>')
    E.append(f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">'
             f'Speed relative to {esc(base)} (log scale; right of 1× is faster)</text>')
    E.append(f'<text x="{width / 2}" y="36" text-anchor="middle" fill="#555">median of {res["runs"]} '
             f'interleaved run(s), {esc(res["generated"][:10])}, {esc(res["machine"]["cpu"])}, '
             f'{res["machine"]["cores"]} cores</text>')
    for i, c in enumerate(configs):
        lx = left + (i % 3) * (plot_w // 3)
        ly = 52 + 16 * (i // 3)
        E.append(f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>')
        E.append(f'<text x="{lx + 14}" y="{ly + 9}">{esc(c)}</text>')
    # Grid: 1, 2, 5 per decade.
    bottom = top + group_h * len(progs)
    for v in nice_steps(lo, hi):
        x = x_of(v)
        strong = abs(v - 1.0) < 1e-9
        E.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom}" '
                 f'stroke="{"#000" if strong else "#ddd"}" stroke-width="{1.5 if strong else 1}"/>')
        E.append(f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle" fill="#333">{v:g}×</text>')
    for gi, p in enumerate(progs):
        y0 = top + gi * group_h
        if gi % 2 == 0:
            E.append(f'<rect x="0" y="{y0 - gap / 2:.1f}" width="{width}" height="{group_h}" fill="#f4f6f8" '
                     f'fill-opacity="0.6"/>')
        E.append(f'<text x="{left - 8}" y="{y0 + bar_h * len(configs) / 2 + 4:.1f}" text-anchor="end" '
                 f'font-weight="{"bold" if p == "geometric mean" else "normal"}">{esc(p)}</text>')
        for i, c in enumerate(configs):
            y = y0 + i * bar_h
            v = speed(p, c)
            status = "ok" if p == "geometric mean" else res["results"][p][c]["status"]
            if not v:
                mark = {"mismatch": "WRONG", "error": "error", "timeout": "timeout"}.get(status, "n/a")
                E.append(f'<text x="{x_of(1.0) + 3:.1f}" y="{y + bar_h - 1}" font-size="8" fill="#999">'
                         f'{esc(c)}: {mark}</text>')
                continue
            x1, x2 = sorted((x_of(1.0), x_of(v)))
            E.append(f'<rect x="{x1:.1f}" y="{y + 1}" width="{max(x2 - x1, 1):.1f}" height="{bar_h - 2}" '
                     f'fill="{PALETTE[i % len(PALETTE)]}"><title>{esc(p)} on {esc(c)}: {v:.2f}×</title></rect>')
            tx = x2 + 3 if v >= 1 else x1 - 3
            anchor = "start" if v >= 1 else "end"
            E.append(f'<text x="{tx:.1f}" y="{y + bar_h - 1}" font-size="8" text-anchor="{anchor}" '
                     f'fill="#333">{v:.2f}</text>')
    E.append("</svg>")
    return "\n".join(E) + "\n"


def nice_steps(lo, hi):
    """1, 2, 5 times powers of ten from lo to hi."""
    out = []
    for e in range(math.floor(math.log10(lo)) - 1, math.ceil(math.log10(hi)) + 1):
        for m in (1, 2, 5):
            v = float(f"{m}e{e}")
            if lo * 0.9999 <= v <= hi * 1.0001:
                out.append(v)
    return out


def nice_below(x):
    return max(v for v in nice_steps(x / 10, x * 10) if v <= x * 1.0001)


def nice_above(x):
    return min(v for v in nice_steps(x / 10, x * 10) if v >= x * 0.9999)


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------------------------------------
def select(items, spec, what):
    if not spec or spec == "all":
        return items
    names = [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if not any(i.name == n for i in items)]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)} (have: {', '.join(i.name for i in items)})")
    return [i for i in items if i.name in names]


def install_missing_peers(log):
    """Full runs install the optional peers when they are missing: pypy3 and chromium from Debian (as root),
    pyodide and playwright-core from npm into bench/node_modules. A failure only leaves that peer reported as
    missing in the results."""
    apt_wanted = [pkg for pkg, binary in (("pypy3", "pypy3"), ("chromium", "chromium"))
                  if not shutil.which(binary)]
    if apt_wanted:
        if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
            log(f"bench: installing {' '.join(apt_wanted)} with apt-get")
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            cmd = ["apt-get", "install", "-y", "-qq"] + apt_wanted
            ok = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True).returncode == 0
            if not ok:  # the package lists may be missing or stale on a fresh machine
                subprocess.run(["apt-get", "update", "-qq"], env=env, stdin=subprocess.DEVNULL, capture_output=True)
                ok = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True).returncode == 0
            log(f"bench: apt-get install {'succeeded' if ok else 'failed: those peers will be reported missing'}")
        else:
            log(f"bench: {' '.join(apt_wanted)} missing and not installable here (needs root and apt-get)")
    modules = BENCH / "node_modules"
    if not ((modules / "pyodide").exists() and (modules / "playwright-core").exists()):
        if shutil.which("npm"):
            log("bench: installing the npm peers (pyodide, playwright-core) into bench/node_modules")
            r = subprocess.run(["npm", "--prefix", str(BENCH), "install", "--no-audit", "--no-fund"],
                               stdin=subprocess.DEVNULL, capture_output=True)
            log(f"bench: npm install {'succeeded' if r.returncode == 0 else 'failed: those peers will be reported missing'}")
        else:
            log("bench: npm not found: pyodide and headless Chromium will be reported missing")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="tiny sizes, 1 run, Krait configurations + baseline; asserts correctness only")
    ap.add_argument("--runs", type=int, help="rounds (default 3; 1 with --quick)")
    ap.add_argument("--programs", help="comma-separated program names (default: all)")
    ap.add_argument("--configs", help="comma-separated configuration names, or 'all' "
                    "(default: all available; with --quick: Krait's and the baseline)")
    ap.add_argument("--baseline", help="the CPython the others are compared with (default: the newest 3.12.x, "
                    "else the newest CPython found)")
    ap.add_argument("--krait", help="the native krait binary (default: build/release/krait)")
    ap.add_argument("--out", help="directory for results.json/.md/.svg (default: bench/results; with --quick: "
                    "a temporary directory)")
    ap.add_argument("--timeout", type=float, help="seconds before a run is killed (default 300; 60 with --quick)")
    ap.add_argument("--list", action="store_true", help="list the configurations and exit")
    ap.add_argument("--no-install", action="store_true",
                    help="do not install missing peers (full runs otherwise try apt-get and npm)")
    args = ap.parse_args()
    if args.runs is None:
        args.runs = 1 if args.quick else 3
    if args.timeout is None:
        args.timeout = 60 if args.quick else 300

    def log(msg):
        print(msg, flush=True)

    started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    if not (args.quick or args.list or args.no_install):
        install_missing_peers(log)
    kraits = krait_configs(args)
    for c in kraits:
        check_krait(c)
    peers, peer_notes = peer_configs()
    cpythons = [c for c in peers if c.name.startswith("cpython-")]
    if not cpythons:
        raise SystemExit("no CPython 3.11+ found: nothing to check the checksums against")
    if args.baseline:
        baseline = next((c for c in peers if c.name == args.baseline), None)
        if baseline is None:
            raise SystemExit(f"baseline {args.baseline} not found (have: {', '.join(c.name for c in cpythons)})")
    else:
        v312 = [c for c in cpythons if c.name.startswith("cpython-3.12.")]
        pool = v312 or cpythons
        baseline = max(pool, key=lambda c: version_key(c.name.split("-")[1]))
    missing = [(c.name, c.missing) for c in kraits if c.missing] + peer_notes
    available = [c for c in kraits if not c.missing] + [baseline] + [c for c in peers if c is not baseline]

    if args.list:
        for c in available:
            log(f"{c.name:<22} {c.label}{' [baseline]' if c is baseline else ''}\n{'':<22} "
                f"{' '.join(tilde(a) for a in c.argv)}")
        for name, why in missing:
            log(f"{name:<22} MISSING: {why}")
        return 0

    if args.configs:
        chosen = select(available + [Config(n, "", "", []) for n, _ in missing], args.configs, "configuration")
        not_here = [c.name for c in chosen if not c.argv]
        if not_here:
            log(f"not available here: {', '.join(not_here)}")
        configs = [c for c in chosen if c.argv]
        if baseline not in configs:
            configs.append(baseline)   # needed for the checksums
    elif args.quick:
        configs = [c for c in available if c.kind == "krait"] + [baseline]
    else:
        configs = available
    # Columns: Krait's configurations, the baseline, then the other peers.
    configs = ([c for c in configs if c.kind == "krait"] + [baseline] +
               [c for c in configs if c.kind != "krait" and c is not baseline])
    programs = select(PROGRAMS, args.programs, "program")
    if args.quick and not any(c.kind == "krait" for c in configs):
        log("bench: no Krait configuration can run here: " +
            "; ".join(f"{n}: {why}" for n, why in missing if n.startswith("krait")))
        log("bench: 0 passed, 1 failed")
        return 1

    snapshot_dir = tempfile.TemporaryDirectory(prefix="krait-bench-builds-")
    builds = snapshot_builds(configs, snapshot_dir.name)
    commit = krait_commit()

    # A configuration that cannot even print(1) is reported as missing, not measured.
    for c in list(configs):
        r = run_once(c, STARTUP, None, args.timeout)
        if c.name == "pyodide" and isinstance(r.extra.get("python"), str):
            c.label = c.label.replace("(CPython in wasm)", f"(CPython {r.extra['python']} in wasm)")
            c.version += f", CPython {r.extra['python']}"
        if r.status != "ok" or r.output != "1\n":
            why = r.error or f"printed {r.output[:40]!r} for print(1)"
            if c is baseline:
                raise SystemExit(f"the baseline {c.name} does not run: {why}")
            log(f"{c.name}: does not run here, reported as missing ({why})")
            missing.append((c.name, f"does not run: {why}"))
            configs.remove(c)

    info = machine_info()
    load_before = loadavg()
    log(f"Krait benchmarks, {'quick' if args.quick else 'full'} mode: {len(programs)} programs x "
        f"{len(configs)} configurations x {args.runs} run(s); baseline {baseline.name}")
    log(f"configurations: {', '.join(c.name for c in configs)}")
    for name, why in missing:
        log(f"missing: {name}: {why}")
    t0 = time.perf_counter()
    size_of, samples, startup, reference, counters = measure(args, configs, programs, baseline, log)
    measure_wasm_costs(configs, args.runs, args.timeout)
    for c in configs:
        if c.in_runtime and c.wasm_js:
            for k in ("wasm_compile_ms", "wasm_instantiate_ms", "wasm_bytes"):
                vs = [r.extra[k] for r in startup[c.name] if isinstance(r.extra.get(k), (int, float))]
                if vs:
                    c.counters[k] = round(statistics.median(vs), 3) if k.endswith("_ms") else vs[0]
    load_after = loadavg()
    res = build_results(args, configs, missing, programs, baseline, size_of, samples, startup, reference,
                        counters, info, load_before, load_after, started)
    res["elapsed_s"] = round(time.perf_counter() - t0, 1)
    res["krait_commit"] = commit
    res["krait_builds"] = builds
    snapshot_dir.cleanup()

    out = Path(args.out) if args.out else (Path(tempfile.mkdtemp(prefix="krait-bench-quick-")) if args.quick
                                           else BENCH / "results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n")
    md = markdown(res)
    (out / "results.md").write_text(md)
    (out / "results.svg").write_text(svg_chart(res))
    log("")
    log(md.split("\n## Costs per configuration")[0])
    log(f"wrote {tilde(out / 'results.json')}, results.md, results.svg ({res['elapsed_s']} s)")

    # Correctness is what fails the run: a wrong checksum, a crash or a time-out of a Krait configuration
    # or of the baseline. Peers that fail are reported in the tables, not fatal.
    failures = []
    cells = [(p, c.name, res["results"][p][c.name]) for p in res["results"] for c in configs
             if c.kind == "krait" or c is baseline]
    cells += [("start-up", c.name, res["startup"][c.name]) for c in configs if c.kind == "krait" or c is baseline]
    for p, c, cell in cells:
        if cell["status"] != "ok":
            failures.append(f"{p} on {c}: {cell['status']}: {cell['error']}")
    if failures:
        log(f"FAILED: {len(failures)} failure(s)")
        for f in failures:
            log(f"  {f}")
    # One line per (program or start-up, configuration) of Krait and the baseline: all its runs ok.
    log(f"bench: {len(cells) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
