// tier2_exec.cpp — the uop interpreter: runs an executor's uops, one generated case per uop (uop_cases.inc, from
// instructions.def like tier 1's cases). The portable reference for the JITs, and the tier where no JIT exists.
//
// It works on the interpreter's own frames (tier2.h): `f` is the running frame, `sp` its stack pointer, `u` the
// uop. The only state that is not in the frame is (f, sp, u), so leaving the trace is storing f->ip and f->sp.
#include "containers.h"
#include "frames.h"
#include "instr_api.h"
#include "interp_support.h"
#include "tier2.h"
#include "vm.h"

#define KRAIT_UNLIKELY(x) __builtin_expect(!!(x), 0)

namespace krait {

ExitAction tier2_take_exit(Executor** ex, TraceExit* e, Frame* f) {
    g_tier2_stats.exits_taken++;
    if (!e->side && e->counter == 0 && (*f->ip & 0xFF) == OP_ENTER_EXECUTOR) {
        // The exit leads to a loop's back-edge whose loop has a trace: continue in it from now on.
        e->side = f->code->executors[*f->ip >> 8];
        e->backedge = true;
    }
    if (e->side) {
        if (!e->side->valid) return ExitAction::Resume;
        if (e->backedge && krt_eval_breaker()) {
            f->last_pc = e->target;
            if (!periodic_check()) return ExitAction::Error;
        }
        g_tier2_stats.side_entries++;
        *ex = e->side;
        e->side->warm = true;
        f->ip = f->code_base + e->side->start;
        return ExitAction::Chain;
    }
    if (e->counter > 0) {
        e->counter--;
        return ExitAction::Resume;
    }
    // Hot: record what follows (unless a recording is already running), and count down again should that fail.
    if (e->backoff < 12) e->backoff++;
    e->counter = static_cast<uint16_t>((1u << e->backoff) - 1);
    Executor* parent = *ex;
    TraceExit* at = e;
    // A side trace's own first guard failing (a polymorphic site: another class's method) gets a side trace of its
    // own, chained beside it, until the chain is kMaxChainDepth long; then the last one is recorded again in its
    // place, each time after a longer wait.
    if (parent->parent_exit && e->target == parent->start && parent->chain_depth >= kMaxChainDepth) {
        at = parent->parent_exit;
        parent = parent->parent;
        if (at->backoff < 12) at->backoff++;
    }
    if (parent->chain_depth >= kMaxChainDepth) return ExitAction::Resume;
    return tier2_start_side_trace(parent, at, f) ? ExitAction::Record : ExitAction::Resume;
}

// Runs ex from its first uop in frame f (f->sp saved).
Tier2Exit run_uops(Executor* ex, Frame* f) {
    Value* sp = f->sp;
    const UopInst* u = ex->uops.data();
    uint32_t oparg;
    g_tier2_stats.executions++;

// ---- what uop bodies see (instructions.def documents each) ----
#define LOCAL(i) (reinterpret_cast<Value*>(f + 1)[i])
#define CONST(i) (f->consts[i])
#define NAME(i) (f->names[i])
#define GLOBALS f->globals
#define BUILTINS vm.builtins
#define FRAME f
#define CODE f->code
#define CACHE32(k) (u->cache[k])
#define CACHE64(k) (static_cast<uint64_t>(u->cache[k]) | (static_cast<uint64_t>(u->cache[(k) + 1]) << 32))
#define STACK_SHRINK(n) (sp -= (n))
#define DEOPT_IF(cond)                        \
    do {                                      \
        if (KRAIT_UNLIKELY(cond)) goto deopt; \
    } while (0)
#define ERROR_IF(cond)                        \
    do {                                      \
        if (KRAIT_UNLIKELY(cond)) goto error; \
    } while (0)
#define GOTO_ERROR() goto error
#define SAVE()                               \
    do {                                     \
        f->ip = f->code_base + u->target + u->length;       \
        f->sp = sp;                          \
        f->last_pc = u->target;              \
    } while (0)
#define PUSH_FRAME(new_frame, result_slot) \
    do {                                   \
        f->ip = f->code_base + u->target + u->length;     \
        f->sp = (result_slot);             \
        f->last_pc = u->target;            \
        frame_push(new_frame);             \
        f = (new_frame);                   \
        sp = f->sp;                        \
        goto advance;                      \
    } while (0)
#define TRACE_RETURN(value)                                                            \
    do {                                                                               \
        f = krt_trace_return(f, (value));                                              \
        if (!f) return Tier2Exit::Error; /* __init__ returned a value: raised at the caller's CALL */ \
        sp = f->sp;                                                                    \
        goto advance;                                                                  \
    } while (0)
// A generator the trace resumed (_PUSH_GEN_FRAME) yields: the value goes on the caller's stack.
#define YIELD_FRAME(value)                       \
    do {                                         \
        Value yielded_ = (value);                \
        SAVE();                                  \
        f = krt_trace_yield(f, sp, yielded_);    \
        sp = f->sp;                              \
        goto advance;                            \
    } while (0)
#define EXIT_TRACE_AT(target)                    \
    do {                                         \
        f->ip = f->code_base + (target);         \
        f->sp = sp;                              \
        return Tier2Exit::Resume;                \
    } while (0)
// A recursive call runs the function's entry trace (the root of this executor's chain: only entry traces and their
// side traces hold _CALL_SELF_EXACT) in the new frame, nested on the C++ stack; anything but a return to this frame
// leaves this run too.
#define CALL_SELF(new_frame, result_slot, result)                  \
    do {                                                           \
        f->sp = (result_slot);                                     \
        frame_push(new_frame);                                     \
        Tier2Exit how_ = run_uops(tier2_root(ex), (new_frame));    \
        krt_self_call_leave();                                     \
        if (how_ != Tier2Exit::Returned) return how_;              \
        result = *(result_slot);                                   \
    } while (0)
#define RETURN_TO_CALLER(value)                                          \
    do {                                                                 \
        if (!krt_trace_return(f, (value))) return Tier2Exit::Error;      \
        return Tier2Exit::Returned;                                      \
    } while (0)
#define JUMP_TO_TOP()                              \
    do {                                           \
        ex->warm = true; /* a loop running long */ \
        u = ex->uops.data() + ex->loop_start;      \
        goto top;                                  \
    } while (0)
#define EXECUTOR_VALID() (ex->valid)

    // Threaded dispatch, as tier 1's: each uop ends with its own indirect jump to the next (one shared `switch`
    // jump predicts badly: measured 2.5x slower on generators than tier 1 with it).
    static const void* const labels[UOP__COUNT] = {
#define KRAIT_UOP_LABEL(name) &&L_##name,
        KRAIT_FOR_EACH_UOP(KRAIT_UOP_LABEL)
#undef KRAIT_UOP_LABEL
    };
#define UOP_TARGET(name) L_##name:
#define NEXT_UOP()          \
    do {                    \
        u++;                \
        oparg = u->oparg;   \
        goto* labels[u->op]; \
    } while (0)

top:
    oparg = u->oparg;
    goto* labels[u->op];
advance:
    u++;
    oparg = u->oparg;
    goto* labels[u->op];

#include "uop_cases.inc"

deopt : {
    f->ip = f->code_base + u->target;
    f->sp = sp;
    switch (tier2_take_exit(&ex, &ex->exits[u->exit], f)) {
        case ExitAction::Chain:
            u = ex->uops.data();
            goto top;
        case ExitAction::Record: return Tier2Exit::Record;
        case ExitAction::Resume: return Tier2Exit::Resume;
        case ExitAction::Error: return Tier2Exit::Error;
    }
}
error:
    f->ip = f->code_base + u->target + u->length;
    f->sp = sp;
    f->last_pc = u->target;
    return Tier2Exit::Error;

#undef LOCAL
#undef CONST
#undef NAME
#undef GLOBALS
#undef BUILTINS
#undef FRAME
#undef CODE
#undef CACHE32
#undef CACHE64
#undef STACK_SHRINK
#undef DEOPT_IF
#undef ERROR_IF
#undef GOTO_ERROR
#undef SAVE
#undef PUSH_FRAME
#undef TRACE_RETURN
#undef YIELD_FRAME
#undef EXIT_TRACE_AT
#undef CALL_SELF
#undef RETURN_TO_CALLER
#undef JUMP_TO_TOP
#undef EXECUTOR_VALID
#undef UOP_TARGET
#undef NEXT_UOP
}


}  // namespace krait
