#!/usr/bin/env node
// Measures what the wasm build costs before any Python runs, for bench/run.py:
//     node bench/runners/wasm_costs.js [path/to/krait.js]      (default: $KRAIT_WASM_JS or build/wasm/krait.js)
// Loads the Emscripten glue with an instantiateWasm hook, times WebAssembly module compilation and
// instantiation separately (synchronous, as web/krait-node.js does it), prints
//     {"wasm_bytes": N, "wasm_compile_ms": X, "wasm_instantiate_ms": Y}
// and runs `krait -c pass`, whose status becomes the exit status.
'use strict';
const fs = require('fs');
const path = require('path');

const jsPath = path.resolve(process.argv[2] || process.env.KRAIT_WASM_JS ||
                            path.join(__dirname, '..', '..', 'build', 'wasm', 'krait.js'));
const wasmPath = jsPath.replace(/\.js$/, '.wasm');
if (!fs.existsSync(jsPath) || !fs.existsSync(wasmPath)) {
    process.stderr.write(`wasm_costs: no wasm build at ${jsPath}\n`);
    process.exit(127);
}
const bytes = fs.readFileSync(wasmPath);
const result = { wasm_bytes: bytes.length };
require(jsPath)({
    arguments: ['-c', 'pass'],
    thisProgram: 'krait',
    instantiateWasm(imports, done) {
        let t = performance.now();
        const module = new WebAssembly.Module(bytes);
        result.wasm_compile_ms = performance.now() - t;
        t = performance.now();
        const instance = new WebAssembly.Instance(module, imports);
        result.wasm_instantiate_ms = performance.now() - t;
        // Written now: at exit the runtime closes the host's fds 1 and 2 (NODERAWFS's FS.quit).
        fs.writeSync(1, JSON.stringify(result) + '\n');
        done(instance, module);
        return instance.exports;
    },
    quit(status) {
        process.exit(status);
    },
});
