// jit_native.cpp — the native backend: compiles installed executors with the trace compiler, enters their code
// through the entry shim and turns the status a trace leaves with into what core expects (tier2_take_exit for
// exits, so side traces, chaining and hot-exit recording behave exactly as in the uop interpreter). Also -X dump-jit,
// -X perf and the JIT's -X stats counters.
#include "jit_native.h"

#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "first_touch.h"
#include "opcode_ids.h"
#include "object.h"
#include "trace_compiler.h"
#include "vm.h"

namespace krait::jit {

namespace {

#if defined(__x86_64__)
const StencilTable& host_table() { return stencils_x86_64; }
const char* const kHostName = "x86-64";
#elif defined(__aarch64__)
const StencilTable& host_table() { return stencils_aarch64; }
const char* const kHostName = "AArch64";
#endif

// template.c's statuses.
enum : uint64_t { kError = 1, kResume = 2, kReturned = 3 };  // else the address of the exit taken

using EntryFn = uint64_t (*)(Frame* f, Value* sp, const void* code);

// Displacements from the arena must reach the runtime's data and code: ±2 GiB on x86-64 (32-bit), ±128 MiB for
// AArch64's direct branches (data is reached with 64-bit immediates there).
#if defined(__aarch64__)
constexpr uint64_t kReach = 120ull << 20;
constexpr size_t kArenaSize = 32u << 20;
#else
constexpr uint64_t kReach = (2ull << 30) - (64u << 20);
constexpr size_t kArenaSize = 64u << 20;
#endif

struct Stats {
    uint64_t compiled = 0, uops = 0, bytes = 0, arena_full = 0, out_of_range = 0;
    uint64_t reg_uops = 0, spills = 0;  // uops compiled as register variants; spills before uops (tier2_regalloc.cpp)
    std::vector<double> ns_per_uop, us_per_trace;
};

CodeArena arena;
TraceCompiler* compiler = nullptr;
EntryFn entry = nullptr;
Stats stats;
FILE* dump_file = nullptr;
FILE* perf_file = nullptr;

std::string code_name(const CodeObject* code) {
    return code->qualname ? std::string(code->qualname->data) : std::string("<code>");
}

void dump_trace(const Executor& ex, const NativeTrace& t) {
    const CodeObject* code = ex.code;
    fprintf(dump_file, "# trace %u%s: %s %s:%d at code unit %u, %zu uops, %zu bytes at %p\n", ex.id,
            ex.parent ? " (side trace)" : "", code_name(code).c_str(), code->filename ? code->filename->data : "?",
            code->line_at(ex.start), ex.start, ex.uops.size(), t.size, static_cast<void*>(t.code));
    auto bytes = [&](size_t from, size_t to) {
        for (size_t k = from; k < to; k++)
            fprintf(dump_file, k + 1 == to || (k - from) % 16 == 15 ? "0x%02x\n" : "0x%02x ", t.code[k]);
    };
    fprintf(dump_file, "# trace head (+0)\n");
    const size_t n = ex.uops.size();
    bytes(0, n ? compiler->uop_offset(0) : t.hot_size);
    for (size_t i = 0; i < ex.uops.size(); i++) {
        const UopInst& u = ex.uops[i];
        size_t from = compiler->uop_offset(i), to = i + 1 < n ? compiler->uop_offset(i + 1) : t.hot_size;
        fprintf(dump_file, "# %4zu %s oparg=%u target=%u%s", i, uop_names[u.op], u.oparg, u.target,
                i == ex.loop_start ? " [loop]" : "");
        if (!ex.regs.empty()) {  // the register allocator's choice: the spill first, then the variant's depths
            const UopRegs& r = ex.regs[i];
            if (r.spill) fprintf(dump_file, " [spill %u]", r.spill);
            if (r.variant) fprintf(dump_file, " [regs %u->%d]", r.depth, uop_regs_out[u.op][r.depth]);
        }
        fprintf(dump_file, " (+%zu)\n", from);
        bytes(from, to);
    }
    fprintf(dump_file, "# after the hot code: the trap, each uop's cold code (deopts, errors), data (+%zu)\n",
            t.hot_size);
    bytes(t.hot_size, t.size);
    fflush(dump_file);
}

bool compile(Executor* ex) {
    auto start = std::chrono::steady_clock::now();
    CompileFailure why;
    NativeTrace* t = compiler->compile(*ex, &why);
    auto ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
    if (!t) {
        (why == CompileFailure::ArenaFull ? stats.arena_full : stats.out_of_range)++;
        return false;
    }
    ex->machine_code = t;
    stats.compiled++;
    stats.uops += ex->uops.size();
    stats.bytes += t->size;
    for (size_t i = 0; i < ex->regs.size(); i++) {
        stats.spills += ex->regs[i].spill != 0;
        stats.reg_uops += ex->regs[i].variant;
    }
    stats.ns_per_uop.push_back(ns / static_cast<double>(std::max<size_t>(1, ex->uops.size())));
    stats.us_per_trace.push_back(ns / 1000.0);
    if (dump_file) dump_trace(*ex, *t);
    if (perf_file) {
        fprintf(perf_file, "%lx %zx krait:trace%u:%s@%u\n", reinterpret_cast<unsigned long>(t->code), t->size, ex->id,
                code_name(ex->code).c_str(), ex->start);
        fflush(perf_file);
    }
    return true;
}

void release(Executor* ex) {
    compiler->release(static_cast<NativeTrace*>(ex->machine_code));
    ex->machine_code = nullptr;
}

Tier2Exit run(Executor* ex, Frame* f) {
    g_tier2_stats.executions++;
    for (;;) {
        uint64_t status = entry(f, f->sp, static_cast<NativeTrace*>(ex->machine_code)->code);
        if (status == kError) return Tier2Exit::Error;
        if (status == kResume) return Tier2Exit::Resume;
        if (status == kReturned) return Tier2Exit::Returned;  // tier 1 continues in the caller, after its call
        // An exit: of whichever trace the code had reached (linked exits jump from trace to trace), in whichever frame.
        auto* exit = reinterpret_cast<TraceExit*>(status);
        ex = exit->owner;
        f = vm.frame;
        switch (tier2_take_exit(&ex, exit, f)) {
            case ExitAction::Chain:
                if (!ex->machine_code) return run_uops(ex, f);
                // From now on the exit jumps into the side trace's code itself (unlinked again if it is retired).
                exit->jit_target = static_cast<NativeTrace*>(ex->machine_code)->code;
                continue;
            case ExitAction::Record: return Tier2Exit::Record;
            case ExitAction::Resume: return Tier2Exit::Resume;
            case ExitAction::Error: return Tier2Exit::Error;
        }
    }
}

// Reads every page of the runtime's executable segments (of the program's own image, the first dl_iterate_phdr
// reports).
void touch_runtime_code() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void*) {
            for (int k = 0; k < info->dlpi_phnum; k++) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[k];
                if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X))
                    touch_pages(reinterpret_cast<const void*>(info->dlpi_addr + ph.p_vaddr), ph.p_memsz);
            }
            return 1;  // the program itself only
        },
        nullptr);
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

void print_stats(FILE* out) {
    double ns_uop = median(stats.ns_per_uop), us_trace = median(stats.us_per_trace);
    double bytes_trace = stats.compiled ? static_cast<double>(stats.bytes) / static_cast<double>(stats.compiled) : 0;
    fprintf(out, "JIT (native %s): traces compiled %llu (not compiled: arena full %llu, out of range %llu), uops %llu, "
                 "code %llu bytes (%.0f per trace; arena %zu KiB in use, freed code recycled %llu times)\n",
            kHostName, (unsigned long long)stats.compiled, (unsigned long long)stats.arena_full,
            (unsigned long long)stats.out_of_range, (unsigned long long)stats.uops, (unsigned long long)stats.bytes,
            bytes_trace, arena.used() / 1024, (unsigned long long)arena.recycles());
    fprintf(out, "  compile time: median %.1f ns per uop, median %.2f us per trace\n", ns_uop, us_trace);
    fprintf(out, "  value registers (-X regalloc=%s): %llu uops compiled as register variants, %llu spills\n",
            g_tier2.regalloc ? "on" : "off", (unsigned long long)stats.reg_uops, (unsigned long long)stats.spills);
    fprintf(out, "[stats] jit.traces %llu\n", (unsigned long long)stats.compiled);
    fprintf(out, "[stats] jit.uops %llu\n", (unsigned long long)stats.uops);
    fprintf(out, "[stats] jit.bytes %llu\n", (unsigned long long)stats.bytes);
    fprintf(out, "[stats] jit.recycles %llu\n", (unsigned long long)arena.recycles());
    fprintf(out, "[stats] jit.failed %llu\n", (unsigned long long)(stats.arena_full + stats.out_of_range));
    fprintf(out, "[stats] jit.reg_uops %llu\n", (unsigned long long)stats.reg_uops);
    fprintf(out, "[stats] jit.spills %llu\n", (unsigned long long)stats.spills);
    fprintf(out, "[stats] jit.ns_per_uop_median %.1f\n", ns_uop);
    fprintf(out, "[stats] jit.us_per_trace_median %.3f\n", us_trace);
}

const Tier2Backend backend = {"native", compile, release, run, print_stats};

}  // namespace

const Tier2Backend* native_backend() {
#if defined(__x86_64__) || defined(__aarch64__)
    if (compiler) return &backend;
    size_t arena_size = g_tier2.arena_kib ? size_t{g_tier2.arena_kib} << 10 : kArenaSize;
    if (!arena.init(arena_size, reinterpret_cast<const void*>(&native_backend), kReach, g_tier2.perf_map))
        return nullptr;
    // The runtime's machine code is mapped from its file a fault at a time, 5-20 us each on this project's machines;
    // it is all mapped now, before the program runs, so that neither the JIT's first compiles nor the code the
    // traces call wait for it (fib's first trace took 22 us more than its second for the compiler's own code). Not
    // on the helper thread: see helper_thread.h.
    touch_runtime_code();
    compiler = new TraceCompiler(host_table(), arena);
    entry = reinterpret_cast<EntryFn>(compiler->install_fixed(host_table().entry));
    if (!entry) return nullptr;
    if (!g_tier2.dump_jit.empty()) {
        dump_file = fopen(g_tier2.dump_jit.c_str(), "w");
        if (!dump_file) perror(g_tier2.dump_jit.c_str());
    }
    if (g_tier2.perf_map) {
        std::string path = "/tmp/perf-" + std::to_string(getpid()) + ".map";
        perf_file = fopen(path.c_str(), "w");
        if (!perf_file) perror(path.c_str());
    }
    return &backend;
#else
    return nullptr;
#endif
}

}  // namespace krait::jit
