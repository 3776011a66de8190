// tier2_record.cpp — trace recording ("dual dispatch", as CPython 3.15): while a recording runs, the interpreter
// runs its recording loop, which calls tier2_record_step before every instruction. The recorder translates each
// instruction once it has run (when the next one shows which way it went) into uops: the instruction's expansion
// from instructions.def with its cache fields as operands (the specialized form the live values chose), a guard
// on the direction a branch took, a frame push continuing into a Python callee and a frame pop back out. A for loop
// over a generator is followed into it the same way: a guard that the generator resumes where it did when recorded,
// its frame pushed, its uops up to the yield (its own loop's back-edge included), the yield popping back out.
//
// A trace recorded from a plain function's entry handles the function's direct recursion: its call to itself (from
// the frame the trace started in, with exactly its parameters) becomes _CALL_SELF_EXACT, which runs the trace
// itself in the callee's frame as a nested call, and the function's return becomes _RETURN_TO_CALLER, which
// returns to that call (or to tier 1); the recorder skips the callee's instructions while the recorded call runs.
// So a recursive function such as fib runs in machine code from its outermost traced call down.
//
// The recording ends
//   - at the back-edge it started from: the trace closes the loop (_JUMP_TO_TOP); a trace from a function's entry
//     has no such end, it ends at the return (_RETURN_TO_CALLER, or below);
//   - before an instruction a trace cannot hold (a yield out of the trace's first frame, a raise, a return out of
//     the trace's first frame or out of a generator, a call tier 1 did not specialize, a recursive call), another
//     loop's back-edge (but a generator's, followed while it runs to its yield), or past the length budget: the trace
//     ends with an exit there (_EXIT_TRACE), which may get a trace of its own later;
//   - abnormally (tier2.h's abort reasons): the trace is dropped and the back-edge counter backs off.
#include <algorithm>

#include "frames.h"
#include "tier2.h"
#include "vm.h"

namespace krait {

namespace {

constexpr size_t kMaxTraceUops = 800;
constexpr size_t kMaxDepth = 6;  // frames a trace may push (calls followed into)

struct Recorder {
    bool active = false;
    Frame* root = nullptr;           // the frame the trace starts in
    uint32_t start = 0;              // code unit the trace starts at
    uint32_t closing = UINT32_MAX;   // code unit of the back-edge that closes the loop (loop traces only)
    uint32_t counter_at = UINT32_MAX;  // root traces: the JUMP_BACKWARD or RESUME whose counter started it (where
                                       // the trace is installed)
    Executor* parent = nullptr;      // side traces: the executor and exit they are recorded for
    TraceExit* exit = nullptr;
    std::vector<UopInst> uops;
    std::vector<Frame*> frames;      // frames the trace pushed, innermost last
    std::vector<TraceFrame> pushed;  // the frames the trace runs in, in order (tier2.h)
    Frame* prev_frame = nullptr;     // the instruction waiting to be translated (it is running now)
    uint32_t* prev_instr = nullptr;
    // Entry traces of plain functions (recorded from the RESUME): a call to the function itself becomes
    // _CALL_SELF_EXACT and the return from it _RETURN_TO_CALLER. While the recursive call runs, the recorder
    // skips its instructions until the root frame continues at `self_call_return`.
    bool entry = false;
    bool self_calls = false;  // the entry trace's function calls itself as _CALL_SELF_EXACT here (entry traces and
                              // their side traces in its frame)
    bool in_self_call = false;
    uint32_t* self_call_return = nullptr;
};
Recorder rec;
}  // namespace

bool g_tier2_record_missed = false;

namespace {

Frame* current_frame() { return rec.frames.empty() ? rec.root : rec.frames.back(); }
// Whether the trace runs in a generator it resumed (its yield returns to a frame of the trace).
bool in_followed_generator() { return !rec.frames.empty() && rec.frames.back()->gen; }

void emit(uint16_t uop, uint32_t oparg, uint32_t target, const uint32_t* cache = nullptr) {
    UopInst u{};
    u.op = uop;
    u.exit = kNoExit;
    u.oparg = oparg;
    u.target = target;
    u.depth = static_cast<uint16_t>(rec.frames.size());
    u.length = static_cast<uint16_t>(1 + op_cache_size[current_frame()->code_base[target] & 0xFF]);
    if (cache)
        for (uint32_t k = 0; k < uop_cache_size[uop]; k++) u.cache[k] = cache[k];
    rec.uops.push_back(u);
}

// Backs off the counter word at `counter` (the back-edge's cache word) after a recording that failed.
void back_off(uint32_t* counter) {
    uint32_t backoff = *counter & 0xF;
    if (backoff < 12) backoff++;
    *counter = (((1u << backoff) - 1) << 4) | backoff;
}

uint32_t* root_counter() {
    if (rec.counter_at == UINT32_MAX) return nullptr;
    uint32_t* at = rec.root->code_base + rec.counter_at;
    return counts_towards_trace(*at & 0xFF) ? at + 1 : nullptr;
}

void stop(TraceAbort why) {
    g_tier2_stats.aborts[why]++;
    if (g_tier2.dump) tier2_dump_abort(stderr, why, rec.root->code, rec.start, rec.uops.size());
    if (uint32_t* c = root_counter()) back_off(c);
    rec.active = false;
    rec.uops.clear();
    rec.frames.clear();
}

// The recording is complete: optimize and install the trace.
void finish() {
    if (rec.uops.size() == 1 && rec.uops[0].op == UOP_EXIT_TRACE && rec.uops[0].target == rec.start) {
        stop(ABORT_TOO_SHORT);  // a trace that only leaves where it starts would only add an exit
        return;
    }
    rec.active = false;
    auto* ex = new Executor();
    ex->uops = std::move(rec.uops);
    ex->frames = std::move(rec.pushed);
    rec.uops.clear();
    rec.frames.clear();
    ex->code = rec.root->code;
    ex->start = rec.start;
    ex->entry = rec.entry;
    if (!rec.parent) ex->installed_at = rec.counter_at;
    if (rec.parent) g_tier2_stats.side_traces++;
    else g_tier2_stats.recorded++;
    if (g_tier2.dump) tier2_dump(stderr, "recorded", ex);
    size_t recorded = ex->uops.size();
    if (!tier2_optimize(ex)) {
        if (g_tier2.dump) tier2_dump_abort(stderr, ABORT_CONTRADICTION, ex->code, ex->start, recorded);
        delete ex;
        g_tier2_stats.aborts[ABORT_CONTRADICTION]++;
        if (uint32_t* c = root_counter()) back_off(c);
        return;
    }
    if (g_tier2.regalloc) tier2_allocate_registers(ex);
    if (g_tier2.dump) tier2_dump(stderr, "optimized", ex);
    tier2_install(ex, rec.parent, rec.exit);
}

// Ends the trace with an exit to tier 1 at `instr` of frame f (the current frame of the trace).
void end_at(Frame* f, const uint32_t* instr) {
    emit(UOP_EXIT_TRACE, 0, static_cast<uint32_t>(instr - f->code_base));
    finish();
}

bool is_branch(uint8_t op) {
    return op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE || op == OP_POP_JUMP_IF_NONE ||
           op == OP_POP_JUMP_IF_NOT_NONE;
}
bool is_for_iter(uint8_t op) { return op_generic[op] == OP_FOR_ITER; }
bool is_frame_push(uint16_t uop) {
    return uop == UOP_PUSH_FRAME_EXACT || uop == UOP_PUSH_FRAME_GENERAL || uop == UOP_CALL_ALLOC_AND_ENTER_INIT;
}

// The instruction the code unit at p stands for: an ENTER_EXECUTOR is the RESUME or JUMP_BACKWARD it replaced (the
// recording loop runs it as that: traces follow calls into functions, and generators through their loops, that
// have traces of their own).
uint32_t recorded_unit(const Frame* f, const uint32_t* p) {
    if ((*p & 0xFF) != OP_ENTER_EXECUTOR) return *p;
    return f->code->executors[*p >> 8]->replaced;
}

// Whether a call into `code` would be recursion within the trace. A trace does not follow those: unrolling a
// recursion a few levels deep records one path through several calls, which the next call seldom takes again.
bool recursive(const CodeObject* code) {
    if (rec.root->code == code) return true;
    for (const Frame* f : rec.frames)
        if (f->code == code) return true;
    return false;
}

// Whether the recorder can translate the instruction (checked before it runs).
bool translatable(uint8_t op) {
    if (op == OP_YIELD_VALUE || op == OP_JUMP_BACKWARD) return in_followed_generator();
    if (op_expansion[op].count > 0) return true;
    if (is_branch(op) || is_for_iter(op) || op == OP_JUMP_FORWARD) return true;
    // (a generator's return ends its caller's loop: tier 1 does that)
    return op == OP_RETURN_VALUE && !rec.frames.empty() && !in_followed_generator();
}

// The instruction that ran pushed frame xf, which the trace follows (false: too deep, the trace ended).
bool follow_frame(Frame* xf, const uint32_t* x) {
    rec.frames.push_back(xf);
    rec.pushed.push_back({xf->code, xf->globals});
    if (rec.frames.size() > kMaxDepth) {
        end_at(xf, x);
        return false;
    }
    return true;
}

// FOR_ITER_GEN at p resumed a generator in frame xf at x: the trace follows it if it is not the function the
// trace is in (as calls, above), guarding that the generator resumes there again.
bool follow_generator(Frame* pf, uint32_t* p, Frame* xf, uint32_t* x) {
    if (recursive(xf->code)) {
        end_at(pf, p);
        return false;
    }
    uint32_t at = static_cast<uint32_t>(p - pf->code_base);
    uint32_t oparg = *p >> 8;
    const uint32_t resumes_at[2] = {xf->func->version, static_cast<uint32_t>(x - xf->code_base)};
    emit(UOP_GUARD_GEN_RESUMES_AT, oparg, at, resumes_at);
    emit(UOP_PUSH_GEN_FRAME, oparg, at);
    return follow_frame(xf, x);
}

// Translates instruction P of frame pf, which ran and was followed by instruction x of frame xf. False when that
// ended the recording.
bool translate(Frame* pf, uint32_t* p, Frame* xf, uint32_t* x) {
    uint32_t unit = recorded_unit(pf, p);
    uint8_t op = unit & 0xFF;
    // A specialized form that missed ran its generic body: that is what the trace must do (a polymorphic call site
    // recorded as the form specialized for another type would run the wrong callee's uops).
    if (g_tier2_record_missed) op = op_generic[op];
    uint32_t oparg = unit >> 8;
    uint32_t at = static_cast<uint32_t>(p - pf->code_base);
    bool fell_through = xf == pf && x == p + 1 + op_cache_size[op];
    if (is_branch(op)) {
        bool jumped = !fell_through;
        bool on_true = op == OP_POP_JUMP_IF_TRUE || op == OP_POP_JUMP_IF_FALSE;
        if (on_true) {
            bool cond = (op == OP_POP_JUMP_IF_TRUE) == jumped;
            emit(cond ? UOP_GUARD_IS_TRUE_POP : UOP_GUARD_IS_FALSE_POP, 0, at);
        } else {
            bool none = (op == OP_POP_JUMP_IF_NONE) == jumped;
            emit(none ? UOP_GUARD_IS_NONE_POP : UOP_GUARD_IS_NOT_NONE_POP, 0, at);
        }
        return true;
    }
    if (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD) return true;  // (a generator's loop, translatable())
    if (op == OP_FOR_ITER_GEN && xf != pf && xf->prev == pf) return follow_generator(pf, p, xf, x);
    if (is_for_iter(op)) {
        if (!fell_through) {  // the loop ended: a specialized iterator is checked for that and popped
            switch (op) {
                case OP_FOR_ITER_RANGE:
                    emit(UOP_ITER_CHECK_RANGE, oparg, at);
                    emit(UOP_GUARD_EXHAUSTED_POP_RANGE, oparg, at);
                    return true;
                case OP_FOR_ITER_LIST:
                    emit(UOP_ITER_CHECK_LIST, oparg, at);
                    emit(UOP_GUARD_EXHAUSTED_POP_LIST, oparg, at);
                    return true;
                case OP_FOR_ITER_TUPLE:
                    emit(UOP_ITER_CHECK_TUPLE, oparg, at);
                    emit(UOP_GUARD_EXHAUSTED_POP_TUPLE, oparg, at);
                    return true;
                default:  // any other iterator: the trace ends before the FOR_ITER, which leaves the loop in tier 1
                    end_at(pf, p);
                    return false;
            }
        }
        switch (op) {
            case OP_FOR_ITER_RANGE:
                emit(UOP_ITER_CHECK_RANGE, oparg, at);
                emit(UOP_GUARD_NOT_EXHAUSTED_RANGE, oparg, at);
                emit(UOP_ITER_NEXT_RANGE, oparg, at);
                break;
            case OP_FOR_ITER_LIST:
                emit(UOP_ITER_CHECK_LIST, oparg, at);
                emit(UOP_GUARD_NOT_EXHAUSTED_LIST, oparg, at);
                emit(UOP_ITER_NEXT_LIST, oparg, at);
                break;
            case OP_FOR_ITER_TUPLE:
                emit(UOP_ITER_CHECK_TUPLE, oparg, at);
                emit(UOP_GUARD_NOT_EXHAUSTED_TUPLE, oparg, at);
                emit(UOP_ITER_NEXT_TUPLE, oparg, at);
                break;
            default: emit(UOP_FOR_ITER_TIER_TWO, oparg, at); break;
        }
        return true;
    }
    if (op == OP_RETURN_VALUE || op == OP_YIELD_VALUE) {
        emit(op == OP_RETURN_VALUE ? UOP_RETURN_FRAME : UOP_YIELD_VALUE, 0, at);
        rec.frames.pop_back();
        return true;
    }
    const UopExpansionRange& r = op_expansion[op];
    if (r.count == 0) {  // re-specialized while running into a form the recorder cannot translate
        end_at(pf, p);
        return false;
    }
    bool pushes = false;
    for (uint32_t k = 0; k < r.count; k++) pushes |= is_frame_push(uop_expansion_items[r.start + k].uop);
    bool pushed = xf != pf && xf->prev == pf;
    if (pushes != pushed) {  // the specialized form missed (it ran its generic body): it is not what ran
        end_at(pf, p);
        return false;
    }
    if (pushed && rec.self_calls && rec.frames.empty() && xf->code == rec.root->code && r.count == 2 &&
        uop_expansion_items[r.start + 1].uop == UOP_PUSH_FRAME_EXACT) {
        // The function calls itself from the frame the entry trace started in: the trace will run itself there.
        const UopExpansion& check = uop_expansion_items[r.start];
        emit(check.uop, oparg, at, p + 1 + check.cache_offset);
        emit(UOP_CALL_SELF_EXACT, oparg, at, p + 1 + uop_expansion_items[r.start + 1].cache_offset);
        rec.in_self_call = true;
        rec.self_call_return = pf->ip;
        return true;
    }
    if (pushed && recursive(xf->code)) {  // the call is tier 1's
        // An indirect recursion (f calls g calls f) would end f's entry trace at a call of f: f gets no entry trace
        // (ABORT_RECURSION). A direct one (f calls f) is its entry trace's own _CALL_SELF_EXACT (above).
        if (!xf->code->calls_itself && pf->code != xf->code) {
            xf->code->calls_itself = true;
            tier2_drop_entry_trace(xf->code);
        }
        if (rec.closing == UINT32_MAX && !rec.parent && rec.root->code == xf->code) {
            stop(ABORT_RECURSION);
            return false;
        }
        end_at(pf, p);
        return false;
    }
    for (uint32_t k = 0; k < r.count; k++) {
        const UopExpansion& item = uop_expansion_items[r.start + k];
        emit(item.uop, oparg, at, p + 1 + item.cache_offset);
    }
    return !pushed || follow_frame(xf, x);  // the instruction pushed a frame: follow the call
}

}  // namespace

uint32_t hotness_initial_counter() {
    uint32_t n = g_tier2.trace_threshold ? g_tier2.trace_threshold - 1 : 0;
    return (std::min<uint32_t>(n, (1u << 27) - 1) << 4) | 4;
}

bool tier2_recording() { return rec.active; }

namespace {
// A hotness counter at code unit `counter` ran out: records from code unit `start` of f (false: a recording is
// already running). The counter backs off either way: it says when to try again should this recording fail.
bool start_root_trace(Frame* f, uint32_t* counter, uint32_t start) {
    back_off(counter + 1);
    if (rec.active || !g_tier2_on) return false;
    rec = Recorder();
    rec.active = true;
    rec.root = f;
    rec.start = start;
    rec.counter_at = static_cast<uint32_t>(counter - f->code_base);
    rec.pushed.push_back({f->code, f->globals});
    return true;
}
}  // namespace

bool tier2_backedge_hot(Frame* f, uint32_t* jump) {
    if (!start_root_trace(f, jump, *jump >> 8)) return false;
    rec.closing = rec.counter_at;
    return true;
}

bool tier2_entry_hot(Frame* f, uint32_t* resume) {
    if (f->code->calls_itself) {
        back_off(resume + 1);
        return false;
    }
    uint32_t after = static_cast<uint32_t>(resume - f->code_base) + 1 + op_cache_size[OP_RESUME];
    if (!start_root_trace(f, resume, after)) return false;
    rec.entry = !f->gen;  // (a generator's return ends its iteration: tier 1's)
    // A recursive call runs the trace from the RESUME on: only where nothing comes before it (a closure's
    // COPY_FREE_VARS, MAKE_CELL: a frame prologue the trace would skip).
    rec.self_calls = rec.entry && rec.counter_at == 0;
    return true;
}

// An exit of `parent` got hot in frame f (f->ip at the exit's target): records from there.
bool tier2_start_side_trace(Executor* parent, TraceExit* exit, Frame* f) {
    if (rec.active) return false;
    rec = Recorder();
    rec.active = true;
    rec.root = f;
    rec.start = static_cast<uint32_t>(f->ip - f->code_base);
    rec.parent = parent;
    rec.exit = exit;
    rec.pushed.push_back({f->code, f->globals});
    Executor* root = tier2_root(parent);
    rec.self_calls = root->entry && root->installed_at == 0 && root->code == f->code && !f->gen;
    return true;
}

bool tier2_record_step(Frame* f, uint32_t* x) {
    if (!rec.active) return false;
    if (rec.in_self_call) {  // the recursive call runs: nothing to record until it returns to the root frame
        if (f != rec.root) return true;
        rec.in_self_call = false;
        rec.prev_instr = nullptr;
        if (x != rec.self_call_return) {  // (cannot happen: an exception stops the recording)
            stop(ABORT_LEFT_FRAME);
            return false;
        }
    }
    if (rec.prev_instr) {
        bool again = x == rec.prev_instr && f == rec.prev_frame;  // re-dispatched after specializing
        if (!again && !translate(rec.prev_frame, rec.prev_instr, f, x)) return false;
        g_tier2_record_missed = false;
        if (again) return true;
        if (rec.in_self_call) return true;  // (f is the callee's frame: skipped until it returns)
    }
    g_tier2_record_missed = false;
    if (f != current_frame()) {  // reached by a way the recorder does not follow (cannot happen: be safe)
        stop(ABORT_LEFT_FRAME);
        return false;
    }
    uint8_t op = recorded_unit(f, x) & 0xFF;
    uint32_t at = static_cast<uint32_t>(x - f->code_base);
    if (rec.frames.empty() && at == rec.closing) {
        emit(UOP_JUMP_TO_TOP, 0, at);
        finish();
        return false;
    }
    if (op == OP_RETURN_VALUE && rec.frames.empty() && !rec.root->gen) {  // a return from the trace's first frame
        emit(UOP_RETURN_TO_CALLER, at, at);  // oparg: where an entry frame leaves for tier 1
        finish();
        return false;
    }
    if (op == OP_ENTER_EXECUTOR || !translatable(op) || rec.uops.size() >= kMaxTraceUops) {
        if (rec.uops.empty()) {
            stop(ABORT_TOO_SHORT);
            return false;
        }
        end_at(f, x);
        return false;
    }
    rec.prev_frame = f;
    rec.prev_instr = x;
    return true;
}

void tier2_record_abort(TraceAbort why) {
    if (rec.active) stop(why);
}

}  // namespace krait
