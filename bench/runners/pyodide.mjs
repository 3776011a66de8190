// Runs one Python program on Pyodide (CPython compiled to WebAssembly) in Node, for bench/run.py:
//     node bench/runners/pyodide.mjs PROGRAM.py [args...]
// stdout/stderr are the program's; the exit status is its sys.exit() status (1 for an uncaught exception).
// Pyodide comes from bench/node_modules (`npm --prefix bench install`); it needs no network.
// Last line on stderr, for the harness:  @@bench {"load_ms": ..., "run_ms": ..., "pyodide": ..., "python": ...}
// where load_ms is loadPyodide() and run_ms is compiling + running the program inside the loaded runtime.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pyodideDir = path.join(here, '..', 'node_modules', 'pyodide');

function writeAll(fd, bytes) {
    for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done);
    return bytes.length;
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
    process.stderr.write('usage: node pyodide.mjs PROGRAM.py [args...]\n');
    process.exit(2);
}
if (!fs.existsSync(path.join(pyodideDir, 'pyodide.mjs'))) {
    process.stderr.write(`pyodide runner: no Pyodide at ${pyodideDir} (npm --prefix bench install)\n`);
    process.exit(127);
}
const source = fs.readFileSync(script, 'utf8');
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, 'pyodide.mjs')).href);

const t0 = performance.now();
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
const loadMs = performance.now() - t0;
pyodide.setStdout({ write: (buf) => writeAll(1, buf) });
pyodide.setStderr({ write: (buf) => writeAll(2, buf) });

pyodide.globals.set('_bench_argv', pyodide.toPy([script, ...args]));
pyodide.globals.set('_bench_source', source);
// Compile and run as __main__ in a fresh namespace, the way `python3 PROGRAM.py` would, and time it there.
const status = pyodide.runPython(`
def _bench_main():
    import sys, time, traceback
    sys.argv = list(_bench_argv)
    namespace = {"__name__": "__main__", "__file__": sys.argv[0], "__builtins__": __builtins__}
    t0 = time.perf_counter()
    try:
        exec(compile(_bench_source, sys.argv[0], "exec"), namespace)
        status = 0
    except SystemExit as e:
        if e.code is None or isinstance(e.code, int):
            status = e.code or 0
        else:
            print(e.code, file=sys.stderr)
            status = 1
    except BaseException:
        traceback.print_exc()
        status = 1
    elapsed = time.perf_counter() - t0
    sys.stdout.flush()
    sys.stderr.flush()
    return status, elapsed * 1000.0
_bench_main()
`).toJs();
const [exitStatus, runMs] = status;
const python = pyodide.runPython('import sys; sys.version.split()[0]');
fs.writeSync(2, '@@bench ' + JSON.stringify({ load_ms: loadMs, run_ms: runMs, pyodide: pyodide.version, python }) + '\n');
process.exit(exitStatus);
