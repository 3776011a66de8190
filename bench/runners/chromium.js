#!/usr/bin/env node
// Runs one Python program on Krait's wasm build in headless Chromium, for bench/run.py:
//     node bench/runners/chromium.js PROGRAM.py [args...]
// The same build/wasm/krait.js + krait.wasm as web/krait-node.js ($KRAIT_WASM_JS to choose another), served
// from 127.0.0.1 to a page that runs it with bench/runners/browser_shim.js standing in for Node's APIs.
// Debian's Chromium ($KRAIT_CHROMIUM, default /usr/bin/chromium) is driven by playwright-core from
// bench/node_modules (`npm --prefix bench install`). stdout/stderr/exit status are the program's; the last
// stderr line is, for the harness,
//     @@bench {"load_ms", "run_ms", "wasm_compile_ms", "wasm_instantiate_ms", "wasm_bytes"}
// (load: glue + fetch + compile + instantiate in the page; run: krait's main() from entry to exit).
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const EXIT_NO_BUILD = 127;

function fail(msg, code) {
    fs.writeSync(2, `chromium runner: ${msg}\n`);
    process.exit(code);
}

async function main() {
    const [script, ...args] = process.argv.slice(2);
    if (!script) fail('usage: node chromium.js PROGRAM.py [args...]', 2);
    const jsPath = path.resolve(process.env.KRAIT_WASM_JS || path.join(__dirname, '..', '..', 'build', 'wasm', 'krait.js'));
    const wasmPath = jsPath.replace(/\.js$/, '.wasm');
    if (!fs.existsSync(jsPath) || !fs.existsSync(wasmPath)) fail(`no wasm build at ${jsPath}`, EXIT_NO_BUILD);
    const browserPath = process.env.KRAIT_CHROMIUM || '/usr/bin/chromium';
    if (!fs.existsSync(browserPath)) fail(`no browser at ${browserPath}`, EXIT_NO_BUILD);
    let chromium;
    try {
        ({ chromium } = require(path.join(__dirname, '..', 'node_modules', 'playwright-core')));
    } catch (e) {
        fail('playwright-core is not installed (npm --prefix bench install)', EXIT_NO_BUILD);
    }
    const scriptPath = path.resolve(script);
    const files = { [scriptPath]: fs.readFileSync(scriptPath, 'utf8') };

    const routes = {
        '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>krait bench</title>' +
                          '<script src="/shim.js"></script>'],
        '/shim.js': ['text/javascript', fs.readFileSync(path.join(__dirname, 'browser_shim.js'))],
        '/krait.js': ['text/javascript', fs.readFileSync(jsPath)],
        '/krait.wasm': ['application/wasm', fs.readFileSync(wasmPath)],
    };
    const server = http.createServer((req, res) => {
        const route = routes[req.url.split('?')[0]];
        if (!route) { res.writeHead(404); res.end(); return; }
        res.writeHead(200, { 'Content-Type': route[0], 'Cache-Control': 'no-store' });
        res.end(route[1]);
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${server.address().port}/`;

    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'krait-bench-chromium-'));
    let browser;
    let result;
    try {
        browser = await chromium.launchPersistentContext(userDataDir, {
            executablePath: browserPath,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                   '--disable-background-networking', '--disable-component-update', '--disable-sync',
                   '--disable-extensions', '--disable-dev-shm-usage'],
        });
        const page = browser.pages()[0] || await browser.newPage();
        await page.goto(url);
        result = await page.evaluate(([a, f, cwd]) => window.runKrait(a, f, cwd),
                                     [[scriptPath, ...args], files, process.cwd()]);
    } finally {
        if (browser) await browser.close().catch(() => {});
        server.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
    }
    fs.writeSync(1, result.stdout);
    fs.writeSync(2, result.stderr);
    const { stdout, stderr, status, ...numbers } = result;
    fs.writeSync(2, '@@bench ' + JSON.stringify(numbers) + '\n');
    process.exit(status);
}

main().catch((e) => fail(`internal error: ${e && e.stack || e}`, 70));
