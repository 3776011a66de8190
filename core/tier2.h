// tier2.h — tier 2: hot loops become traces of micro-ops, optimized, and run by executors.
//
//   JUMP_BACKWARD counts (its cache word) ──hot──► the interpreter switches to its recording loop, which shows the
//   recorder (tier2_record.cpp) every instruction it runs: each becomes its uops (instructions.def's expansion), a
//   branch becomes a guard on the direction taken, a call continues in the callee ──loop closed──► the optimizer
//   (tier2_optimize.cpp) ──► an Executor, installed as ENTER_EXECUTOR over the JUMP_BACKWARD; the uop interpreter
//   (tier2_exec.cpp) runs it. RESUME counts function entries the same way: a hot function that no loop trace
//   inlines (recursion; calls from loops whose traces end before them) is traced from its entry to its return and
//   entered by an ENTER_EXECUTOR over the RESUME.
//
// Traces keep the interpreter's frame layout: uops read and write the frame's locals and operand stack, and a call
// in a trace pushes a real frame. So every exit is exact by construction: leaving a trace stores the frame's ip
// (the exit's target) and sp, and tier 1 carries on in whatever frame the trace was in, inlined callees included.
// A guard that fails leaves through its exit; an exit taken often gets a trace of its own (a side trace), which
// the exit then continues in without returning to tier 1.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "code.h"
#include "frame.h"

namespace krait {

// One uop of a trace: 32 bytes. `target` is the code unit of the instruction the uop came from, in the code of
// the frame the uop runs in: where tier 1 resumes if the uop deopts (the instruction runs again from its start,
// which is exact because a deopting uop has changed nothing, instructions.def's rule), and where a call or an
// error is attributed. `cache` holds the uop's cache fields, copied from the instruction when recorded (the
// generated case reads field k as CACHE32(k) / CACHE64(k)).
struct UopInst {
    uint16_t op;       // Uop
    uint16_t exit;     // index of the uop's exit in Executor::exits, if it can deopt (kNoExit otherwise)
    uint32_t oparg;
    uint32_t target;
    uint32_t cache[4];
    uint16_t depth;    // frames the trace has pushed when this uop runs (0: the frame the trace started in)
    uint16_t length;   // code units of the instruction at `target` (opcode and cache): after a call out, the frame
                       // continues at target + length
};
static_assert(sizeof(UopInst) == 32, "uops are two to a cache line");
constexpr uint16_t kNoExit = 0xFFFF;
constexpr uint32_t kMaxChainDepth = 4;

struct Executor;

// The register allocator's decision for one uop (tier2_regalloc.cpp; ARCHITECTURE decision 6): how many value
// registers hold the top of the operand stack when it starts, which selects its register variant (uop_regs_out),
// and how many of them are written back to the frame just before it (its variant then starts with none).
struct UopRegs {
    uint8_t depth = 0;
    uint8_t spill = 0;
    // Whether it runs its register variant for `depth` (uop_regs_out[op][depth] >= 0), else its memory form: kept
    // here so that a backend chooses the stencils without reading that table, which a compile finds out of cache.
    bool variant = false;
};

// Where a trace can leave. Each exit warms up on its own; when hot, the code it leads to gets a side trace. A side
// trace whose own first guard fails (a polymorphic call site reaching another class) gets a side trace of its own
// there, chained beside it; chains stop at kMaxChainDepth side traces, where the last one is recorded again in its
// place instead.
struct TraceExit {
    Executor* owner = nullptr;  // the executor whose uop exits here
    uint32_t target;     // the code unit tier 1 resumes at
    uint16_t counter;    // counts down to recording a side trace
    uint8_t backoff;     // exponent of the next count after a failed recording
    bool backedge = false;     // `side` is the root trace of the loop whose back-edge the exit leads to (not owned:
                               // entering it is a back-edge, with the periodic check)
    Executor* side = nullptr;  // the trace this exit continues in, once recorded (owned by this executor)
    // Where the exit jumps in machine code: the side trace's code once a JIT backend linked it (then leaving the
    // trace costs a jump, not a return to the runtime); null: the exit returns to the runtime. Cleared whenever
    // `side` stops being valid.
    void* jit_target = nullptr;
};

// A frame a trace runs in: the first one, then each one a frame-pushing uop pushes, in trace order (the optimizer
// reads each frame's constants and globals from here).
struct TraceFrame {
    CodeObject* code;
    DictObject* globals;
};

// A trace ready to run: the optimized uops and their exits.
struct Executor {
    std::vector<TraceFrame> frames;  // while optimizing only
    std::vector<UopInst> uops;
    std::vector<UopRegs> regs;  // one per uop, from the register allocator; empty: it did not run (-X regalloc=off)
    std::vector<TraceExit> exits;
    uint32_t loop_start = 0;   // uop index where _JUMP_TO_TOP continues (the loop body, after the head guards)
    CodeObject* code = nullptr;  // the code the trace starts in
    uint32_t start = 0;        // code unit where the trace starts (a loop head, after a RESUME, an exit's target)
    uint32_t installed_at = UINT32_MAX;  // code unit of the ENTER_EXECUTOR that enters it (root traces)
    uint32_t replaced = 0;     // the JUMP_BACKWARD or RESUME code unit ENTER_EXECUTOR replaced
    bool valid = true;         // false once invalidated: leaves at the next _CHECK_VALIDITY
    bool warm = true;          // entered (or looped) since the last sweep for cold executors (tier2_executor.cpp)
    std::vector<const void*> deps;  // dict tables and class versions whose change invalidates it (compared only)
    std::vector<Executor*> sides;  // side traces hanging off the exits, owned here (replaced ones included)
    Executor* parent = nullptr;    // side traces: the executor and exit they hang from
    TraceExit* parent_exit = nullptr;
    uint32_t chain_depth = 0;      // side traces between it and its root trace
    bool entry = false;            // recorded from its function's entry (a recursive call runs it: _CALL_SELF_EXACT)
    uint32_t id = 0;
    void* machine_code = nullptr;  // the backend's compiled form (tier2_backend.h); null: the uop interpreter runs it
};

// The root trace of ex's chain of side traces (ex itself for a root).
inline Executor* tier2_root(Executor* ex) {
    while (ex->parent) ex = ex->parent;
    return ex;
}
inline const Executor* tier2_root(const Executor* ex) { return tier2_root(const_cast<Executor*>(ex)); }

// -X jit=... : which tiers run: tier 1 only, traces in the uop interpreter, traces compiled by the backend.
enum class JitMode : uint8_t { Off, Uops, On };

struct Tier2Options {
    JitMode mode = JitMode::Off;  // the CLI makes JitMode::On its default where it has a JIT backend
    uint32_t trace_threshold = 1000;  // back-edges before a loop is traced (-X trace-threshold=N)
    bool dump = false;                // -X dump-traces: each trace before and after optimization
    std::string dump_jit;             // -X dump-jit[=FILE]: where the backend writes each trace's machine code
    bool perf_map = false;            // -X perf: a perf map (/tmp/perf-PID.map) names the JIT's code for perf
    uint32_t arena_kib = 0;           // -X jit-arena=KIB: the native JIT's code memory (0: the backend's default)
    bool regalloc = true;             // -X regalloc=on|off: keep the stack's top in value registers across uops
};
extern Tier2Options g_tier2;
extern bool g_tier2_on;  // mode != Off, read by every back-edge

// Why a recording stopped without a trace; counted in -X stats. RECURSION: a recursive function's entry trace would
// end at its own call, so every call would enter the trace and leave it again (fib ran 1.5x slower than tier 1 with
// such traces under jit=uops): a function seen calling itself in any recording gets no entry trace (and loses the
// one it has); its loops are still traced.
#define KRAIT_TRACE_ABORTS(X)                                                             \
    X(EXCEPTION, "an exception was raised") X(LEFT_FRAME, "left the frame it started in")  \
    X(TOO_DEEP, "calls nested too deep") X(TOO_SHORT, "nothing to trace")                  \
    X(CONTRADICTION, "the optimizer found a contradiction")                                \
    X(RECURSION, "a function's entry trace reached a call to itself")
enum TraceAbort : uint8_t {
#define KRAIT_TRACE_ABORT_ENUM(name, text) ABORT_##name,
    KRAIT_TRACE_ABORTS(KRAIT_TRACE_ABORT_ENUM)
#undef KRAIT_TRACE_ABORT_ENUM
        ABORT__COUNT
};

struct Tier2Stats {
    uint64_t recorded, side_traces, aborts[ABORT__COUNT];
    uint64_t uops_before, uops_after, guards_before, guards_removed, folded;
    uint64_t executions, exits_taken, side_entries, invalidations, cold, freed;
};
extern Tier2Stats g_tier2_stats;

// ---- tier 1's side (interp.cpp) ----

// The instructions whose first cache word counts towards a trace (a loop's back-edge, a function's entry), and
// which an ENTER_EXECUTOR replaces once the trace is installed.
inline bool counts_towards_trace(uint8_t op) { return op == OP_JUMP_BACKWARD || op == OP_RESUME; }
// The initial hotness counter of a back-edge or a function entry, from -X trace-threshold.
uint32_t hotness_initial_counter();
// A back-edge's counter ran out: starts recording the loop (true: the interpreter must switch to its recording
// loop at the loop head, f->ip) or backs the counter off.
bool tier2_backedge_hot(Frame* f, uint32_t* jump);
// A function entry's counter (its RESUME's) ran out: starts recording the function after the RESUME (true: the
// interpreter must switch to its recording loop there), or backs the counter off.
bool tier2_entry_hot(Frame* f, uint32_t* resume);
// Whether the recorder wants the interpreter's recording loop.
bool tier2_recording();
// The recording loop's hook, before each instruction: false when recording ended (switch back to the plain loop).
bool tier2_record_step(Frame* f, uint32_t* instr);
// Set by the recording loop when the instruction running missed its specialization (ran its generic body).
extern bool g_tier2_record_missed;
// The recording ended abnormally (an exception, or the loop's frame was left).
void tier2_record_abort(TraceAbort why);

// What running an executor ended with.
// Returned: the trace's frame returned to its caller (_RETURN_TO_CALLER): vm.frame is the caller, which continues
// after its call with the result on its stack (for tier 1, as Resume).
enum class Tier2Exit { Resume, Error, Record, Returned };
// Runs the executor installed at f's ENTER_EXECUTOR `index`, with f->ip at the loop head and f->sp saved. On return
// vm.frame is the frame to continue in (its ip/sp saved); Error: an exception is set, raised at frame->last_pc;
// Record: a side trace is to be recorded from frame->ip.
Tier2Exit tier2_enter(Frame* f, uint32_t index);

// ---- between recorder, optimizer, executors ----

// An exit of `parent` got hot in frame f (f->ip at the exit's target): starts recording a side trace from there
// (false when a recording is already running).
bool tier2_start_side_trace(Executor* parent, TraceExit* exit, Frame* f);

// Runs an executor's uops from its first one in frame f (f->sp saved): the uop interpreter.
Tier2Exit run_uops(Executor* ex, Frame* f);
// An exit was taken in frame f (f->ip at its target, f->sp saved): whether to continue in its side trace (then *ex
// is it and f->ip its start), record one, resume tier 1, or raise (the periodic check failed). Shared by the uop
// interpreter and the backends.
enum class ExitAction { Chain, Record, Resume, Error };
ExitAction tier2_take_exit(Executor** ex, TraceExit* e, Frame* f);
// Optimizes a recorded trace in place; false on a contradiction (the trace is dropped).
bool tier2_optimize(Executor* ex);
// Chooses, for each uop of an optimized trace, where the top of its operand stack lives (ex->regs).
void tier2_allocate_registers(Executor* ex);
// Builds exits, installs a recorded trace: at its loop's back-edge (root) or on the exit it was recorded for.
void tier2_install(Executor* ex, Executor* parent, TraceExit* exit);
// A watched dict's table changed / a class changed (its old version retired): invalidates the executors that
// depend on it.
void tier2_table_changed(HashTable* table);
void tier2_type_version_retired(uint32_t version);
// The dependency key of a class version (dict tables are keyed by address: an odd number never is one).
inline const void* type_version_key(uint32_t version) {
    return reinterpret_cast<const void*>((static_cast<uintptr_t>(version) << 1) | 1);
}
// The function was seen calling itself: invalidates the trace entered at its RESUME, if it has one.
void tier2_drop_entry_trace(CodeObject* code);
// A code object is being freed: frees its executors.
void tier2_code_freed(CodeObject* code);
// Writes a trace for -X dump-traces.
void tier2_dump(FILE* out, const char* title, const Executor* ex);
// Writes, for -X dump-traces, why the recording of a trace of `code` from code unit `start` stopped without one.
void tier2_dump_abort(FILE* out, TraceAbort why, const CodeObject* code, uint32_t start, size_t uops);
// Prints tier 2's counters for -X stats.
void print_tier2_stats(FILE* out);

}  // namespace krait
