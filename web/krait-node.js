#!/usr/bin/env node
// Krait's Node runner: `node web/krait-node.js prog.py [args]` runs the WebAssembly build
// (build/wasm/krait.js and krait.wasm, or the krait.js named by $KRAIT_WASM_JS) exactly as the native
// `krait prog.py [args]` runs: same stdout, stderr and exit status; files and stdin are the host's
// (NODERAWFS, relative to the cwd).
// Used by people, by the py.wasm.* CTest tests (tests/CMakeLists.txt), by web/test/ and by .ci/setup.
// The Emscripten link flags it relies on are set and explained in the root CMakeLists.txt.
//
// One hook for the runtime: a wasm program cannot kill itself with a signal, yet CPython ends an uncaught
// KeyboardInterrupt by re-raising SIGINT, which the native CLI can copy. The wasm build does it with
//     EM_ASM({ Module.kraitDieBySignal($0); }, SIGINT);   // after flushing stdio; does not return
// and this runner then kills itself with that signal, so its parent sees the same status.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker, isMainThread, workerData } = require('worker_threads');

// Wasm frames live on V8's machine stack, which is about 1 MB on Node's main thread: deep interpreter
// recursion would end in "Maximum call stack size exceeded" long before Python's recursion limit, or
// before the 8 MB of linear-memory stack runs out. A worker thread gets the stack size we ask for.
const WORKER_STACK_MB = 64;

// Statuses for a program that ends without calling exit(): what a shell shows for the native crash.
const EXIT_ABORT = 134;     // 128 + SIGABRT: abort()
const EXIT_TRAP = 139;      // 128 + SIGSEGV: a wasm trap (out-of-bounds access, stack exhausted, ...)
const EXIT_INTERNAL = 70;   // EX_SOFTWARE: the runner itself failed
const EXIT_NO_BUILD = 127;  // like a shell's "command not found"

function wasmBuildPath() {
    const fromEnv = process.env.KRAIT_WASM_JS;
    return path.resolve(fromEnv || path.join(__dirname, '..', 'build', 'wasm', 'krait.js'));
}

function writeAll(fd, text) {
    const bytes = Buffer.from(text);
    for (let done = 0; done < bytes.length;) {
        done += fs.writeSync(fd, bytes, done);
    }
}

// Main thread: check the build, start the worker, pass its exit status on.
function runMain() {
    const jsPath = wasmBuildPath();
    const wasmPath = jsPath.replace(/\.js$/, '.wasm');
    if (!fs.existsSync(jsPath) || !fs.existsSync(wasmPath)) {
        writeAll(2, `krait-node: no wasm build at ${jsPath} (build it: cmake --preset wasm && ` +
                    'cmake --build --preset wasm, or set KRAIT_WASM_JS)\n');
        process.exit(EXIT_NO_BUILD);
    }
    // Written by the worker before it exits, read after: the signal the program asked to die by.
    const signalBox = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(__filename, {
        workerData: { jsPath, wasmPath, args: process.argv.slice(2), signalBox },
        resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    });
    worker.on('error', (e) => {
        writeAll(2, `krait-node: internal error: ${e && e.stack ? e.stack : e}\n`);
        process.exit(EXIT_INTERNAL);
    });
    worker.on('exit', (code) => {
        const signal = Atomics.load(signalBox, 0);
        if (signal !== 0) dieBySignal(signal);
        process.exit(code);
    });
}

// Node resets inherited SIG_IGN dispositions at start-up and handles none of these by default, so the
// signal's default action ends the process; the exit below covers a signal that does not.
function dieBySignal(signal) {
    const name = Object.keys(os.constants.signals).find((n) => os.constants.signals[n] === signal);
    if (name) {
        process.removeAllListeners(name);
        process.kill(process.pid, name);
    }
    setTimeout(() => process.exit(128 + signal), 1000);
}

// Worker thread: instantiate the module and run main(); every way out goes through quit().
// stdout/stderr may be non-blocking pipes (Node makes them so): a large synchronous write then fails with
// EAGAIN once the pipe is full, and Emscripten's NODERAWFS would drop the rest. Retry until the reader drains
// it, as a blocking write would. Patched on the shared `fs` module before the Emscripten glue loads.
function makeWritesBlocking() {
    const original = fs.writeSync;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    fs.writeSync = function writeSyncRetrying(...args) {
        for (;;) {
            try {
                return original.apply(fs, args);
            } catch (e) {
                if (e.code !== 'EAGAIN') throw e;
                Atomics.wait(pause, 0, 0, 1);   // sleep 1 ms, then try again
            }
        }
    };
}

function runWorker({ jsPath, wasmPath, args, signalBox }) {
    makeWritesBlocking();
    const createKrait = require(jsPath);
    let aborted = false;
    createKrait({
        arguments: args,
        thisProgram: 'krait',
        wasmBinary: fs.readFileSync(wasmPath),
        // With NODERAWFS the program's own output goes straight to fds 1 and 2; these only carry
        // messages of the Emscripten runtime itself, such as "Aborted(...)".
        print: (text) => writeAll(1, text + '\n'),
        printErr: (text) => writeAll(2, text + '\n'),
        onAbort: () => { aborted = true; },
        quit: (status, reason) => quit(status, reason, aborted),
        kraitDieBySignal: (signal) => {
            Atomics.store(signalBox, 0, signal);
            process.exit(128 + signal);
        },
    });
}

// Called by the Emscripten runtime with an ExitStatus for exit() or return from main, and with the
// error itself for an abort or a trap. process.exit() in a worker ends the worker with that code.
function quit(status, reason, aborted) {
    if (reason && reason.name === 'ExitStatus') {
        process.exit(status);
    }
    if (aborted) {
        process.exit(EXIT_ABORT);   // the runtime has already printed "Aborted(...)"
    }
    const what = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    writeAll(2, `krait: fatal error: ${what}\n`);
    if (process.env.KRAIT_NODE_STACK && reason instanceof Error) {
        writeAll(2, reason.stack + '\n');   // the wasm call stack, for debugging the runtime
    }
    process.exit(reason instanceof WebAssembly.RuntimeError || reason instanceof RangeError
        ? EXIT_TRAP : EXIT_INTERNAL);
}

if (isMainThread) {
    runMain();
} else {
    runWorker(workerData);
}
