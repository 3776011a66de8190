// interp.cpp — the tier-1 interpreter: the dispatch loop over the cases generated from instructions.def, the
// exception unwinding through the exception table, and the entry points that run Python from C++.
//
// A Python-to-Python call pushes a frame and continues in the same loop (no C++ recursion); only calls made by
// C++ code (a native calling back into Python, a generator resumed by next() or send()) enter the loop recursively,
// with the new frame marked FRAME_ENTRY so that its return leaves the loop. A for loop over a generator resumes it
// in this loop too (FOR_ITER_GEN pushes its frame; frames.h). The periodic check (GC, Ctrl-C) runs at
// RESUME (function entry) and JUMP_BACKWARD (loop back-edges): the interpreter's safepoints.
//
// The loop is a template compiled three times: Plain (the normal case, no counting code at all), Stats (counts
// specialization hits and misses for -X stats) and Record (shows every instruction to tier 2's trace recorder
// before running it, "dual dispatch"). Switching between them is returning from one with vm.loop_switch set and
// entering the other at vm.frame: every frame's ip and sp are saved, so nothing else is lost.
#include <cstdlib>
#include <cstring>
#include <string>

#include "code.h"
#include "containers.h"
#include "frame.h"
#include "frames.h"
#include "gc.h"
#include "instr_api.h"
#include "interp_support.h"
#include "slots.h"
#include "specialize.h"
#include "tier2.h"
#include "vm.h"

#ifndef KRAIT_COMPUTED_GOTO
#define KRAIT_COMPUTED_GOTO 1
#endif
#define KRAIT_UNLIKELY(x) __builtin_expect(!!(x), 0)

namespace krait {

VM vm;

namespace {

void add_traceback(Value exc, CodeObject* code, size_t pc) {
    if (!is_kind(exc, Kind::Exception)) return;
    auto* e = as<ExceptionObject>(exc);
    if (!e->trace) e->trace = new std::vector<ExcTraceEntry>();
    e->trace->push_back({code, code->line_at(pc)});
}

const ExceptionTableEntry* find_handler(CodeObject* code, size_t pc) {
    for (const auto& h : code->exc_table)
        if (pc >= h.start && pc < h.end) return &h;
    return nullptr;
}


inline uint64_t read_u64(const uint32_t* p) { return p[0] | (static_cast<uint64_t>(p[1]) << 32); }

}  // namespace

// ---- the dispatch loop ----

enum class LoopMode { Plain, Stats, Record };

template <LoopMode kMode>
Value run_frame_impl(Frame* entry, bool throwing) {
    constexpr bool kStats = kMode == LoopMode::Stats;
    constexpr bool kRecord = kMode == LoopMode::Record;
    // Only these live across instructions: the fewer, the more of them the compiler keeps in registers in this
    // very large function (everything else is one load from the frame away).
    Frame* f = entry;
    uint32_t* ip;
    uint32_t* instr = nullptr;
    Value* sp;
    uint32_t oparg = 0;

#define LOAD_FRAME()  \
    do {              \
        ip = f->ip;   \
        sp = f->sp;   \
    } while (0)
#define code (f->code)
#define code_base (f->code_base)
#define SAVE()                                                     \
    do {                                                           \
        f->ip = ip;                                                \
        f->sp = sp;                                                \
        f->last_pc = static_cast<uint32_t>(instr - code_base);     \
    } while (0)

// ---- what instruction bodies see (instructions.def documents each) ----
#define LOCAL(i) (reinterpret_cast<Value*>(f + 1)[i])
#define CONST(i) (f->consts[i])
#define NAME(i) (f->names[i])
#define GLOBALS f->globals
#define BUILTINS vm.builtins
#define FRAME f
#define CODE code
#define THIS_INSTR instr
#define CACHE32(k) instr[1 + (k)]
#define CACHE64(k) read_u64(instr + 1 + (k))
#define JUMP_TO(target) (ip = code_base + (target))
#define STACK_SHRINK(n) (sp -= (n))
#define ERROR_IF(cond)                       \
    do {                                     \
        if (KRAIT_UNLIKELY(cond)) goto error; \
    } while (0)
#define GOTO_ERROR() goto error
#define UNWIND(exception)        \
    do {                         \
        vm.exc = (exception);    \
        goto exception_unwind;   \
    } while (0)
#define DEOPT_IF(cond) DEOPT_IF_used_outside_a_family_member
#define STAT_HIT(family)                     \
    do {                                     \
        if constexpr (kStats) stats_hit(family); \
    } while (0)
// A specialized instruction missed (it runs its generic body): counted, and told to the recorder, which must not
// record the specialized form for what ran.
#define STAT_MISS(family)                                 \
    do {                                                  \
        if constexpr (kStats) stats_miss(family);         \
        if constexpr (kRecord) g_tier2_record_missed = true; \
    } while (0)
// Specializes when the counter is due (then runs the instruction again in its new form), else ticks it.
#define SPECIALIZE_OR_TICK(call)        \
    do {                                \
        if constexpr (kStats) stats_generic_run(instr); \
        if (counter_due(instr)) {       \
            call;                       \
            ip = instr;                 \
            DISPATCH();                 \
        }                               \
        counter_tick(instr);            \
    } while (0)
// Enters a Python frame: the caller's stack is cut at result_slot, where the callee's return value will go.
#define PUSH_FRAME(new_frame, result_slot)                        \
    do {                                                          \
        f->ip = ip;                                               \
        f->sp = (result_slot);                                    \
        f->last_pc = static_cast<uint32_t>(instr - code_base);    \
        frame_push(new_frame);                                    \
        f = (new_frame);                                          \
        LOAD_FRAME();                                             \
        DISPATCH();                                               \
    } while (0)
#define RETURN_FRAME(value)                  \
    do {                                     \
        return_value = (value);              \
        goto return_from_frame;              \
    } while (0)
// A generator resumed by C++ returns the value from the loop; one a FOR_ITER resumed pushes it on the caller's
// stack (frames.h).
#define YIELD_FRAME(value)                          \
    do {                                            \
        Value yielded_ = (value);                   \
        SAVE();                                     \
        bool entry_ = f->flags & FRAME_ENTRY;       \
        gen_frame_suspend(f, sp);                   \
        if (entry_) return yielded_;                \
        f = vm.frame;                               \
        LOAD_FRAME();                               \
        *sp++ = yielded_;                           \
        DISPATCH();                                 \
    } while (0)
// Leaves this loop for the other mode's (the frame's ip and sp saved): run_frame enters it at vm.frame.
#define SWITCH_LOOP()             \
    do {                          \
        f->ip = ip;               \
        f->sp = sp;               \
        vm.loop_switch = true;    \
        return VAL_NULL;          \
    } while (0)
// Counts down to tracing (the counter is the instruction's first cache word); `hot` starts the recording.
#define COUNT_TOWARDS_TRACE(hot)                                        \
    do {                                                                \
        if (KRAIT_UNLIKELY(g_tier2_on)) {                               \
            if (counter_due(instr)) {                                   \
                if (hot(f, instr)) SWITCH_LOOP();                       \
            } else {                                                    \
                counter_tick(instr);                                    \
            }                                                           \
        }                                                               \
    } while (0)
// A back-edge (ip already at the loop head) / a function entry (ip after the RESUME).
#define COUNT_BACKEDGE() COUNT_TOWARDS_TRACE(tier2_backedge_hot)
#define COUNT_ENTRY() COUNT_TOWARDS_TRACE(tier2_entry_hot)
// Runs the loop's or function's trace; continues in whatever frame, at whatever instruction, it left at. While
// recording, the only ones the recorder lets run are over a RESUME in a callee it follows: there it is the RESUME
// (the recording goes on through the callee; the ENTER_EXECUTOR and the RESUME are the same size).
#define ENTER_EXECUTOR(index)                                           \
    do {                                                                \
        if (krt_eval_breaker()) {                                       \
            SAVE();                                                     \
            ERROR_IF(!krt_periodic_check());                            \
        }                                                               \
        if constexpr (kRecord) {                                        \
            uint32_t replaced_ = code->executors[index]->replaced;      \
            if ((replaced_ & 0xFF) == OP_JUMP_BACKWARD) JUMP_TO(replaced_ >> 8); \
            DISPATCH();                                                 \
        }                                                               \
        f->sp = sp;                                                     \
        f->last_pc = static_cast<uint32_t>(instr - code_base);          \
        Tier2Exit how = tier2_enter(f, (index));                        \
        f = vm.frame;                                                   \
        LOAD_FRAME();                                                   \
        if (how == Tier2Exit::Error) {                                  \
            instr = code_base + f->last_pc;                             \
            goto error;                                                 \
        }                                                               \
        if (how == Tier2Exit::Record) SWITCH_LOOP();                    \
    } while (0)

    Value return_value;

#if KRAIT_COMPUTED_GOTO
    static const void* const labels[OP__COUNT] = {
#define KRAIT_LABEL(name) &&L_##name,
        KRAIT_FOR_EACH_OPCODE(KRAIT_LABEL)
#undef KRAIT_LABEL
    };
#endif
// The dispatch loop holds no local with a destructor: `goto *` out of such a scope would skip it (g++) or be
// rejected (clang). Work that needs RAII roots lives in the helpers.
// The recorder sees each instruction before it runs (and may install a trace over it: the opcode is read after).
#define RECORD_STEP()                                                  \
    do {                                                               \
        if constexpr (kRecord) {                                       \
            if (!tier2_record_step(f, ip)) SWITCH_LOOP();              \
        }                                                              \
    } while (0)
#if KRAIT_COMPUTED_GOTO
#define DISPATCH()                  \
    do {                            \
        RECORD_STEP();              \
        instr = ip;                 \
        oparg = *ip >> 8;           \
        if constexpr (kStats) stats_dispatch(*ip & 0xFF); \
        goto* labels[*ip & 0xFF];   \
    } while (0)
#else
#define DISPATCH() goto dispatch_switch
#endif
#define TARGET(name, cache) L_##name : ip += 1 + (cache);

    LOAD_FRAME();
    if (throwing) {
        instr = ip > code_base ? ip - 1 : ip;
        goto error;
    }
#if !KRAIT_COMPUTED_GOTO
dispatch_switch:
    RECORD_STEP();
    instr = ip;
    oparg = *ip >> 8;
    if constexpr (kStats) stats_dispatch(*ip & 0xFF);
    switch (static_cast<Opcode>(*ip & 0xFF)) {
#define KRAIT_CASE(name) \
    case OP_##name: goto L_##name;
        KRAIT_FOR_EACH_OPCODE(KRAIT_CASE)
#undef KRAIT_CASE
        default: goto L_NOP;
    }
#endif
    DISPATCH();

#include "interp_cases.inc"

return_from_frame : {
    bool init = f->flags & FRAME_INIT;
    bool generator = f->gen != nullptr;
    if (generator) gen_frame_finish(f);
    if (f->flags & FRAME_ENTRY) {
        frame_pop(f);
        return return_value;
    }
    frame_pop(f);
    f = vm.frame;
    LOAD_FRAME();
    if (generator) {
        // A generator its caller's FOR_ITER resumed returned: the loop ends (the return value is dropped), the
        // generator popped, at the FOR_ITER's target.
        instr = code_base + f->last_pc;
        sp--;
        JUMP_TO(*instr >> 8);
        DISPATCH();
    }
    if (init) {
        // __init__ ran in a frame of its own (CALL_ALLOC_AND_ENTER_INIT): the instance already sits where the
        // call's result goes, and the error for a non-None return is the caller's, as in CPython.
        if (!val_is_none(return_value)) {
            instr = code_base + f->last_pc;
            raise(T.e_TypeError, "__init__() should return None, not '%s'", type_name(return_value));
            goto error;
        }
        DISPATCH();
    }
    *sp++ = return_value;
    DISPATCH();
}

error:
    if constexpr (kRecord) tier2_record_abort(ABORT_EXCEPTION);
    add_traceback(vm.exc, code, instr - code_base);
exception_unwind : {
    const ExceptionTableEntry* h = find_handler(code, instr - code_base);
    if (h) {
        sp = f->stack_base() + h->depth;
        *sp++ = vm.exc;
        vm.exc = VAL_NULL;
        ip = code_base + h->handler;
        DISPATCH();
    }
    if (f->gen) {
        if (err_matches(T.e_StopIteration)) convert_stop_iteration();
        gen_frame_finish(f);
    }
    bool was_entry = f->flags & FRAME_ENTRY;
    frame_pop(f);
    if (was_entry) return VAL_NULL;
    f = vm.frame;
    LOAD_FRAME();
    instr = code_base + f->last_pc;
    goto error;
}
#undef LOAD_FRAME
#undef code
#undef code_base
#undef SAVE
#undef LOCAL
#undef CONST
#undef NAME
#undef GLOBALS
#undef BUILTINS
#undef FRAME
#undef CODE
#undef THIS_INSTR
#undef CACHE32
#undef CACHE64
#undef JUMP_TO
#undef STACK_SHRINK
#undef ERROR_IF
#undef GOTO_ERROR
#undef UNWIND
#undef DEOPT_IF
#undef STAT_HIT
#undef STAT_MISS
#undef SPECIALIZE_OR_TICK
#undef PUSH_FRAME
#undef RETURN_FRAME
#undef YIELD_FRAME
#undef SWITCH_LOOP
#undef COUNT_TOWARDS_TRACE
#undef COUNT_BACKEDGE
#undef COUNT_ENTRY
#undef ENTER_EXECUTOR
#undef RECORD_STEP
#undef DISPATCH
#undef TARGET
}

Value run_frame(Frame* entry, bool throwing) {
    const LoopMode base = vm.options.stats ? LoopMode::Stats : LoopMode::Plain;
    LoopMode mode = base;
    Frame* f = entry;
    for (;;) {
        Value r = mode == LoopMode::Plain   ? run_frame_impl<LoopMode::Plain>(f, throwing)
                  : mode == LoopMode::Stats ? run_frame_impl<LoopMode::Stats>(f, throwing)
                                            : run_frame_impl<LoopMode::Record>(f, throwing);
        if (!vm.loop_switch) {
            // Returned, yielded or raised out of the entry frame: a recording started here cannot go on.
            if (mode == LoopMode::Record) tier2_record_abort(ABORT_LEFT_FRAME);
            return r;
        }
        vm.loop_switch = false;
        throwing = false;
        f = vm.frame;
        mode = tier2_recording() ? LoopMode::Record : base;
    }
}

// ---- entry points from C++ ----

Value call_function(FunctionObject* fn, Value* args, size_t nargs, TupleObject* kwnames) {
    Value gen = VAL_NULL;
    Frame* f = prepare_call(fn, args, nargs, kwnames, &gen);
    if (!f) return gen;
    f->flags = FRAME_ENTRY;
    frame_push(f);
    return run_frame(f, false);
}

Value run_class_body(FunctionObject* fn, DictObject* ns) {
    Value gen = VAL_NULL;
    Frame* f = prepare_call(fn, nullptr, 0, nullptr, &gen);
    if (!f) return VAL_NULL;
    f->flags = FRAME_ENTRY;
    f->locals_dict = val(ns);
    frame_push(f);
    return run_frame(f, false);
}

Value run_module_code(CodeObject* code, DictObject* globals) {
    Frame* f = frame_alloc(code);
    if (!f) return VAL_NULL;
    f->globals = globals;
    f->locals_dict = val(globals);
    f->flags = FRAME_ENTRY;
    frame_push(f);
    return run_frame(f, false);
}

Value gen_resume(GeneratorObject* g, Value sent, Value thrown, Value* returned) {
    *returned = VAL_NONE;
    if (g->state == GenState::Finished) {
        if (!val_is_null(thrown)) return raise_value(thrown);
        return VAL_NULL;
    }
    if (g->state == GenState::Created && val_is_null(thrown) && !val_is_none(sent))
        return raise(T.e_TypeError, "can't send non-None value to a just-started generator");
    Frame* f = gen_push_frame(g, val_is_null(thrown) ? sent : VAL_NULL);
    if (!f) return VAL_NULL;
    f->flags = FRAME_ENTRY;
    frame_push(f);
    if (!val_is_null(thrown)) raise_value(thrown);
    Value r = run_frame(f, !val_is_null(thrown));
    if (g->state == GenState::Suspended) return r;
    if (!val_is_null(r)) *returned = r;
    return VAL_NULL;
}

bool periodic_check() {
    gc_safepoint();
    krt_eval_breaker_flag = vm.interrupted;  // a signal arriving from here on sets it again
    if (vm.interrupted) {
        vm.interrupted = 0;
        raise_value(val(T.e_KeyboardInterrupt));
        return false;
    }
    return true;
}

}  // namespace krait
