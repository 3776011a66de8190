// Lets build/wasm/krait.js, an Emscripten build for Node (-sENVIRONMENT=node -sNODERAWFS=1), run unchanged in
// a browser page, for bench/runners/chromium.js. The glue expects Node: `process`, `require('fs')`,
// `require('path')`, `Buffer`, `__dirname`. This file provides just enough of them: a read-only in-memory
// file system holding the files handed to runKrait() (the program), stdout/stderr collected as bytes,
// stdin at end of file. Nothing here is used by Krait's own runners; it is a measuring device.
'use strict';
(function () {
    const enc = new TextEncoder();
    const state = { files: new Map(), cwd: '/', fds: new Map(), nextFd: 10, out: [], err: [] };

    function fsError(code, syscall, path) {
        const e = new Error(`${code}: ${syscall} '${path}'`);
        e.code = code;
        return e;
    }

    // --- path (POSIX) ---
    function normalize(p) {
        const abs = p.startsWith('/');
        const parts = [];
        for (const s of p.split('/')) {
            if (s === '' || s === '.') continue;
            if (s === '..') { if (parts.length && parts[parts.length - 1] !== '..') parts.pop(); else if (!abs) parts.push('..'); }
            else parts.push(s);
        }
        const r = (abs ? '/' : '') + parts.join('/');
        return r || (abs ? '/' : '.');
    }
    function resolve(...ps) {
        let r = '';
        for (const p of ps) r = p.startsWith('/') ? p : (r ? r + '/' + p : p);
        return normalize(r.startsWith('/') ? r : state.cwd + '/' + r);
    }
    function dirname(p) {
        const n = normalize(p);
        const i = n.lastIndexOf('/');
        return i < 0 ? '.' : i === 0 ? '/' : n.slice(0, i);
    }
    function relative(from, to) {
        const a = resolve(from).split('/').filter(Boolean), b = resolve(to).split('/').filter(Boolean);
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) i++;
        return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
    }
    const pathModule = { normalize, resolve, dirname, relative, sep: '/', join: (...p) => normalize(p.join('/')) };

    // --- fs (read-only files, plus fds 0-2) ---
    const S_IFREG = 0o100000, S_IFDIR = 0o040000, S_IFCHR = 0o020000;
    let inode = 100;
    function makeStat(mode, size, ino) {
        const t = new Date(0);
        return {
            dev: 1, ino, mode, nlink: 1, uid: 0, gid: 0, rdev: 0, size, blksize: 4096,
            blocks: Math.ceil(size / 512), atime: t, mtime: t, ctime: t, birthtime: t,
            isDirectory: () => (mode & 0o170000) === S_IFDIR,
            isFile: () => (mode & 0o170000) === S_IFREG,
            isSymbolicLink: () => false,
        };
    }
    function isDir(p) {
        if (p === '/' || p === state.cwd) return true;
        const prefix = p.endsWith('/') ? p : p + '/';
        for (const f of state.files.keys()) if (f.startsWith(prefix)) return true;
        return false;
    }
    function statPath(p, syscall) {
        const n = resolve(p);
        const f = state.files.get(n);
        if (f) return makeStat(S_IFREG | 0o644, f.data.length, f.ino);
        if (isDir(n)) return makeStat(S_IFDIR | 0o755, 4096, 2);
        throw fsError('ENOENT', syscall, p);
    }
    function write(fd, buffer, offset, length) {
        const bytes = buffer.slice(offset, offset + length);
        if (fd === 1) state.out.push(bytes);
        else if (fd === 2) state.err.push(bytes);
        else throw fsError('EBADF', 'write', String(fd));
        return length;
    }
    const fsModule = {
        openSync(p, flags) {
            const n = resolve(p);
            if (flags & 3) throw fsError('EROFS', 'open', p);   // O_WRONLY or O_RDWR
            if (!state.files.has(n) && !isDir(n)) throw fsError('ENOENT', 'open', p);
            const fd = state.nextFd++;
            state.fds.set(fd, { path: n, pos: 0 });
            return fd;
        },
        closeSync(fd) { state.fds.delete(fd); },
        fstatSync(fd) {
            if (fd <= 2) return makeStat(S_IFCHR | 0o620, 0, 3 + fd);
            const f = state.fds.get(fd);
            if (!f) throw fsError('EBADF', 'fstat', String(fd));
            return statPath(f.path, 'fstat');
        },
        statSync: (p) => statPath(p, 'stat'),
        lstatSync: (p) => statPath(p, 'lstat'),
        readSync(fd, buffer, offset, length, position) {
            if (fd === 0) return 0;   // stdin: end of file
            const f = state.fds.get(fd);
            if (!f) throw fsError('EBADF', 'read', String(fd));
            const file = state.files.get(f.path);
            if (!file) throw fsError('EISDIR', 'read', f.path);
            const pos = typeof position === 'number' ? position : f.pos;
            const n = Math.max(0, Math.min(length, file.data.length - pos));
            buffer.set(file.data.subarray(pos, pos + n), offset);
            if (typeof position !== 'number') f.pos += n;
            return n;
        },
        writeSync: (fd, buffer, offset, length) => write(fd, buffer, offset || 0, length ?? buffer.length),
        readdirSync(p) {
            const n = resolve(p), prefix = n === '/' ? '/' : n + '/', names = new Set();
            for (const f of state.files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
            return [...names];
        },
        readFileSync(p) {
            const f = state.files.get(resolve(p));
            if (!f) throw fsError('ENOENT', 'open', p);
            return f.data;
        },
        readlinkSync: (p) => { throw fsError('EINVAL', 'readlink', p); },
    };
    for (const name of ['mkdirSync', 'writeFileSync', 'renameSync', 'rmdirSync', 'unlinkSync', 'symlinkSync',
                        'chmodSync', 'fchmodSync', 'chownSync', 'fchownSync', 'truncateSync', 'ftruncateSync',
                        'utimesSync']) {
        fsModule[name] = (p) => { throw fsError('EROFS', name, String(p)); };
    }

    const constants = { O_APPEND: 1024, O_CREAT: 64, O_EXCL: 128, O_NOCTTY: 256, O_RDONLY: 0, O_RDWR: 2,
                        O_SYNC: 1052672, O_TRUNC: 512, O_WRONLY: 1, O_NOFOLLOW: 131072 };
    const cryptoModule = { randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)) };
    const modules = { fs: fsModule, path: pathModule, crypto: cryptoModule };

    window.require = (name) => {
        if (name in modules) return modules[name];
        throw new Error(`browser shim: no module ${name}`);
    };
    window.__dirname = '/';
    window.Buffer = {
        from: (ab, off, len) => new Uint8Array(ab, off || 0, len ?? ab.byteLength - (off || 0)),
        alloc: (n) => new Uint8Array(n),
        isView: ArrayBuffer.isView,
    };
    window.process = {
        platform: 'linux', argv: ['node', 'krait'], env: {}, exitCode: 0, stdin: { fd: 0 },
        versions: { node: '20' },
        on() {}, binding: (what) => (what === 'constants' ? { fs: constants } : {}),
        cwd: () => state.cwd, chdir: (d) => { state.cwd = resolve(d); },
        hrtime: (prev) => {
            const t = performance.now() * 1e6;
            const s = Math.floor(t / 1e9), ns = Math.floor(t - s * 1e9);
            return prev ? [s - prev[0], ns - prev[1]] : [s, ns];
        },
        exit: (code) => { throw new Error(`process.exit(${code}) from the Emscripten glue`); },
    };

    function concat(chunks) {
        const n = chunks.reduce((a, c) => a + c.length, 0), r = new Uint8Array(n);
        let o = 0;
        for (const c of chunks) { r.set(c, o); o += c.length; }
        return new TextDecoder().decode(r);
    }
    function loadScript(src) {
        return new Promise((ok, fail) => {
            const s = document.createElement('script');
            s.src = src;
            s.onload = ok;
            s.onerror = () => fail(new Error(`cannot load ${src}`));
            document.head.appendChild(s);
        });
    }

    // Runs `krait ARGS...` once. files: {absolute path: text}. Resolves to
    // {status, stdout, stderr, load_ms, run_ms, wasm_compile_ms, wasm_instantiate_ms, wasm_bytes}:
    // load = glue + fetch + compile + instantiate, run = main() from entry to exit.
    window.runKrait = async function (args, files, cwd) {
        const t0 = performance.now();
        state.files = new Map(Object.entries(files).map(([p, text]) => [normalize(p), { data: enc.encode(text), ino: inode++ }]));
        state.cwd = cwd || '/';
        state.out = [];
        state.err = [];
        if (!window.createKrait) await loadScript('/krait.js');
        const bytes = await (await fetch('/krait.wasm')).arrayBuffer();
        const tc = performance.now();
        const module = await WebAssembly.compile(bytes);
        const result = { wasm_bytes: bytes.byteLength, wasm_compile_ms: performance.now() - tc };
        let tRun = null;
        return await new Promise((done) => {
            const finish = (status, reason) => {
                const end = performance.now();
                if (tRun === null) tRun = end;
                if (!(reason && reason.name === 'ExitStatus') && reason !== undefined) {
                    state.err.push(enc.encode(`krait: fatal error: ${reason && reason.message || reason}\n`));
                }
                Object.assign(result, { status, stdout: concat(state.out), stderr: concat(state.err),
                                        load_ms: tRun - t0, run_ms: end - tRun });
                done(result);
            };
            try {
                window.createKrait({
                    arguments: args,
                    thisProgram: 'krait',
                    print: (t) => state.out.push(enc.encode(t + '\n')),
                    printErr: (t) => state.err.push(enc.encode(t + '\n')),
                    instantiateWasm(imports, receive) {
                        const ti = performance.now();
                        const instance = new WebAssembly.Instance(module, imports);
                        result.wasm_instantiate_ms = performance.now() - ti;
                        receive(instance, module);
                        tRun = performance.now();
                        return instance.exports;
                    },
                    quit(status, reason) {
                        finish(status, reason);
                        throw reason;   // unwind the wasm stack, as Emscripten's own quit does
                    },
                });
            } catch (e) {
                if (!(e && e.name === 'ExitStatus')) finish(e instanceof WebAssembly.RuntimeError ? 139 : 70, e);
            }
        });
    };
})();
