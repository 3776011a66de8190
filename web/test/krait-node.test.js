// Tests of web/krait-node.js, the Node runner of Krait's wasm build, which must behave like the native CLI:
// same stdout, stderr and exit status, stdin and files from the host, argv passed through.
// Run with `node --test web/test/` (.ci/test does). The tests need the wasm build (build/wasm/krait.js, or
// $KRAIT_WASM_JS) and are skipped without it; when the native CLI exists too (build/release/krait, or
// $KRAIT_NATIVE), every program also runs natively and the two runs must agree byte for byte.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNNER = path.join(ROOT, 'web', 'krait-node.js');
const WASM_JS = path.resolve(process.env.KRAIT_WASM_JS || path.join(ROOT, 'build', 'wasm', 'krait.js'));
const NATIVE = path.resolve(process.env.KRAIT_NATIVE || path.join(ROOT, 'build', 'release', 'krait'));
const HAVE_NATIVE = fs.existsSync(NATIVE);
const NEEDS_WASM = { timeout: 60000, skip: fs.existsSync(WASM_JS) ? false : `no wasm build at ${WASM_JS}` };

function result(r) {
    if (r.error) throw r.error;
    return { status: r.status, signal: r.signal, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

function runWasm(dir, args, input, env = {}) {
    return result(spawnSync(process.execPath, [RUNNER, ...args], {
        cwd: dir, input, timeout: 60000, env: { ...process.env, KRAIT_WASM_JS: WASM_JS, ...env },
    }));
}

function runNative(dir, args, input) {
    return result(spawnSync(NATIVE, args, { cwd: dir, input, timeout: 60000 }));
}

// A fresh directory holding prog.py and any other files given, removed when the test ends.
function workDir(t, source, files = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krait-node-test-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'prog.py'), source);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
}

// Runs `prog.py args` through the runner and, when it exists, natively; both must agree.
function runBoth(t, source, { args = [], input = '', files = {} } = {}) {
    const dir = workDir(t, source, files);
    const wasm = runWasm(dir, ['prog.py', ...args], input);
    if (HAVE_NATIVE) {
        const native = runNative(dir, ['prog.py', ...args], input);
        assert.deepEqual(wasm, native, 'the wasm and native runs differ');
    }
    return { dir, ...wasm };
}

function lastLine(text) {
    const lines = text.trimEnd().split('\n');
    return lines[lines.length - 1];
}

test('passes stdout through and exits 0', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'print("hello")\nprint(6 * 7)\n');
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, 'hello\n42\n', '']);
});

test('keeps stdout and stderr apart', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'import sys\nprint("out 1")\nprint("err 1", file=sys.stderr)\nprint("out 2")\n');
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, 'out 1\nout 2\n', 'err 1\n']);
});

test('output without a final newline is not lost', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'import sys\nprint("partial", end="")\nprint("warn", end="", file=sys.stderr)\n');
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, 'partial', 'warn']);
});

test('propagates the status given to sys.exit', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'import sys\nprint("bye")\nsys.exit(3)\n');
    assert.deepEqual([r.status, r.stdout], [3, 'bye\n']);
});

test('an uncaught exception exits with 1 and a traceback on stderr', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'print("before")\nraise ValueError("boom")\n');
    assert.deepEqual([r.status, r.stdout, lastLine(r.stderr)], [1, 'before\n', 'ValueError: boom']);
    assert.match(r.stderr, /^Traceback \(most recent call last\):/);
});

test('pipes stdin to input()', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'a = input()\nb = input()\nprint(b)\nprint(a)\n', { input: 'first\nsecond\n' });
    assert.deepEqual([r.status, r.stdout], [0, 'second\nfirst\n']);
});

test('input() at the end of stdin raises EOFError', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'print(input())\nprint(input())\n', { input: 'only line\n' });
    assert.deepEqual([r.status, r.stdout, lastLine(r.stderr)],
                     [1, 'only line\n', 'EOFError: EOF when reading a line']);
});

test('passes argv through unchanged', NEEDS_WASM, (t) => {
    const r = runBoth(t, 'import sys\nprint(sys.argv)\n', { args: ['a', 'b c', '', '--flag', '-X'] });
    assert.deepEqual([r.status, r.stdout], [0, "['prog.py', 'a', 'b c', '', '--flag', '-X']\n"]);
});

test('opens files relative to the current directory', NEEDS_WASM, (t) => {
    const source = 'f = open("data.txt")\nprint(f.read(), end="")\nf.close()\n' +
                   'g = open("out.txt", "w")\ng.write("written\\n")\ng.close()\n';
    const r = runBoth(t, source, { files: { 'data.txt': 'line 1\nline 2\n' } });
    assert.deepEqual([r.status, r.stdout], [0, 'line 1\nline 2\n']);
    assert.equal(fs.readFileSync(path.join(r.dir, 'out.txt'), 'utf8'), 'written\n');
});

test('a missing script fails, as it does natively', NEEDS_WASM, (t) => {
    const dir = workDir(t, '');
    const r = runWasm(dir, ['no_such_file.py'], '');
    assert.notEqual(r.status, 0);
    assert.equal(r.stdout, '');
    assert.notEqual(r.stderr, '');
    if (HAVE_NATIVE) {
        // Only the status: the message may name the program as argv[0] spells it, which differs.
        assert.equal(r.status, runNative(dir, ['no_such_file.py'], '').status);
    }
});

test('says where it looked when there is no wasm build', (t) => {
    const dir = workDir(t, 'print("unreachable")\n');
    const r = runWasm(dir, ['prog.py'], '', { KRAIT_WASM_JS: path.join(dir, 'missing', 'krait.js') });
    assert.equal(r.status, 127);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no wasm build at .*missing\/krait\.js/);
});
