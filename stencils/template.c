/* template.c — the stencil template: every micro-op body (core/instructions.def, emitted by gen_instructions.py
 * into uop_stencils.inc) becomes one C function, krait_stencil_NAME, that clang-19 compiles at build time for each
 * JIT target. stencils/gen_stencils.py then reads the object file and turns each function into bytes + holes.
 *
 * A stencil runs one uop of a trace on the interpreter's own frame, as the uop interpreter (core/tier2_exec.cpp)
 * does: `f` is the running frame, `sp` its operand stack pointer. It ends by jumping to the next uop's code
 * (a `musttail` call of _JIT_CONTINUE, which the JIT removes when the next stencil follows it) or by returning a
 * status to the entry shim (krait_jit_entry) when the trace is left. Everything that differs between two copies of
 * the same stencil is a hole: an extern symbol whose address the JIT patches with the value (the uop's oparg and
 * operand words, its instruction's code unit, its exit, the next uop's code ...). What each hole means is listed
 * below and mirrored by jit-native/stencil.h's HoleValue.
 *
 * Calling convention: preserve_none (clang 19), so that a stencil saves no callee-saved register; a chain of
 * musttail calls never grows the machine stack. Only the entry shim uses the C convention.
 */
#include "instr_api.h"

#define KRAIT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define KRAIT_PRESERVE_NONE __attribute__((preserve_none))

typedef KRAIT_PRESERVE_NONE uint64_t (*krait_stencil_fn)(KFrame *f, Value *sp);

/* ---- Holes ----
 * 32-bit values are declared with a known small size: clang's medium code model then materializes them as 32-bit
 * immediates (R_X86_64_32). 64-bit values have an unknown size, which makes them "large": a 64-bit immediate
 * (R_X86_64_64; MOVZ/MOVK on AArch64). */
#define KRAIT_HOLE32(name) extern const char name[1]
#define KRAIT_HOLE64(name) extern const char name[]
KRAIT_HOLE32(_JIT_OPARG);       /* the uop's oparg */
KRAIT_HOLE32(_JIT_TARGET);      /* code unit of the uop's instruction */
KRAIT_HOLE32(_JIT_NEXT);        /* code unit after it: target + length */
KRAIT_HOLE64(_JIT_EXIT);        /* the status a deopt returns: the address of the uop's exit (a TraceExit) */
KRAIT_HOLE32(_JIT_CACHE0);      /* operand words, CACHE32(k) */
KRAIT_HOLE32(_JIT_CACHE1);
KRAIT_HOLE32(_JIT_CACHE2);
KRAIT_HOLE32(_JIT_CACHE3);
KRAIT_HOLE64(_JIT_CACHE64_0);   /* operand words k and k+1, CACHE64(k) */
KRAIT_HOLE64(_JIT_CACHE64_1);
KRAIT_HOLE64(_JIT_CACHE64_2);
KRAIT_HOLE64(_JIT_EXIT_SLOT);   /* the address of the uop's exit's jit_target (core/tier2.h's TraceExit) */
KRAIT_HOLE64(_JIT_VALID);       /* the executor's `valid` flag (a bool) */
KRAIT_HOLE64(_JIT_WARM);        /* the executor's `warm` flag */
/* Jump targets: the next uop's code, and the loop body's first uop (_JUMP_TO_TOP). */
extern KRAIT_PRESERVE_NONE uint64_t _JIT_CONTINUE(KFrame *f, Value *sp);
extern KRAIT_PRESERVE_NONE uint64_t _JIT_TOP(KFrame *f, Value *sp);

#define HOLE32(name) ((uint32_t)(uintptr_t)(name))
#define HOLE64(name) ((uint64_t)(uintptr_t)(name))

/* ---- Statuses returned to the entry shim (jit-native/jit_native.cpp reads them) ---- */
enum {
    KRT_JIT_DEOPT = 0,  /* + the exit's address (aligned): an exit was taken; ip and sp saved (its target). The
                         * exit names its executor: linked exits may have jumped through several traces */
    KRT_JIT_ERROR = 1,  /* an exception is set; ip, sp and last_pc saved */
    KRT_JIT_RESUME = 2, /* the trace left for tier 1 (EXIT_TRACE_AT); ip and sp saved */
};

/* ---- The vocabulary of the bodies (instructions.def), as the uop interpreter gives it ---- */
#define LOCAL(i) (((Value *)(f + 1))[i])
#define CONST(i) (f->consts[i])
#define NAME(i) (f->names[i])
#define GLOBALS (f->globals)
#define BUILTINS krt_builtins
#define FRAME f
#define CODE (f->code)
#define CACHE32(k) HOLE32(_JIT_CACHE##k)
#define CACHE64(k) HOLE64(_JIT_CACHE64_##k)
#define STACK_SHRINK(n) (sp -= (n))
#define CONTINUE() __attribute__((musttail)) return _JIT_CONTINUE(f, sp)
#define SAVE()                                      \
    do {                                            \
        f->ip = f->code_base + HOLE32(_JIT_NEXT);   \
        f->sp = sp;                                 \
        f->last_pc = HOLE32(_JIT_TARGET);           \
    } while (0)
/* A deopt leaves through the uop's exit: straight into the side trace's code once the exit is linked to one (unless
 * a safepoint is due: the runtime runs the periodic check when it chains), else back to the runtime, which counts
 * the exit and may link it. The frame's ip and sp are saved either way (the side trace runs from there). */
#define DEOPT_IF(cond)                                                                   \
    do {                                                                                 \
        if (KRAIT_UNLIKELY(cond)) {                                                      \
            f->ip = f->code_base + HOLE32(_JIT_TARGET);                                  \
            f->sp = sp;                                                                  \
            krait_stencil_fn side_ = *(krait_stencil_fn const volatile *)HOLE64(_JIT_EXIT_SLOT); \
            if (side_ && !krt_eval_breaker()) __attribute__((musttail)) return side_(f, sp); \
            return HOLE64(_JIT_EXIT);                                                    \
        }                                                                                \
    } while (0)
#define GOTO_ERROR()            \
    do {                        \
        SAVE();                 \
        return KRT_JIT_ERROR;   \
    } while (0)
#define ERROR_IF(cond)                          \
    do {                                        \
        if (KRAIT_UNLIKELY(cond)) GOTO_ERROR(); \
    } while (0)
#define PUSH_FRAME(new_frame, result_slot)        \
    do {                                          \
        KFrame *nf_ = (new_frame);                \
        f->ip = f->code_base + HOLE32(_JIT_NEXT); \
        f->sp = (result_slot);                    \
        f->last_pc = HOLE32(_JIT_TARGET);         \
        krt_frame_push(nf_);                      \
        f = nf_;                                  \
        sp = f->sp;                               \
        CONTINUE();                               \
    } while (0)
#define TRACE_RETURN(value)                                                                     \
    do {                                                                                        \
        f = krt_trace_return(f, (value));                                                       \
        if (!f) return KRT_JIT_ERROR; /* __init__ returned a value: raised at the caller's CALL */ \
        sp = f->sp;                                                                             \
        CONTINUE();                                                                             \
    } while (0)
#define YIELD_FRAME(value)                       \
    do {                                         \
        Value yielded_ = (value);                \
        SAVE();                                  \
        f = krt_trace_yield(f, sp, yielded_);    \
        sp = f->sp;                              \
        CONTINUE();                              \
    } while (0)
#define EXIT_TRACE_AT(target)                    \
    do {                                         \
        f->ip = f->code_base + (target);         \
        f->sp = sp;                              \
        return KRT_JIT_RESUME;                   \
    } while (0)
#define JUMP_TO_TOP()                                          \
    do {                                                       \
        *(volatile uint8_t *)HOLE64(_JIT_WARM) = 1; /* a loop running long */ \
        __attribute__((musttail)) return _JIT_TOP(f, sp);      \
    } while (0)
#define EXECUTOR_VALID() (*(const volatile uint8_t *)HOLE64(_JIT_VALID))

#define KRAIT_STENCIL(name) KRAIT_PRESERVE_NONE uint64_t krait_stencil_##name(KFrame *f, Value *sp)
#define KRAIT_STENCIL_PROLOGUE    \
    uint32_t oparg = HOLE32(_JIT_OPARG); \
    (void)oparg

#include "uop_stencils.inc"

/* ---- Stencils that are not uops ---- */

/* The entry shim, in the C calling convention: the runtime calls it with the trace's code; it saves the registers
 * the C convention preserves (preserve_none stencils keep none) and returns the status the trace left with. */
uint64_t krait_jit_entry(KFrame *f, Value *sp, krait_stencil_fn code) { return code(f, sp); }

/* The first code of every trace: marks the executor warm (entered since the last sweep for cold executors; exits
 * that jump into a trace bypass the runtime, which otherwise marks it). */
KRAIT_STENCIL(TRACE_HEAD) {
    *(volatile uint8_t *)HOLE64(_JIT_WARM) = 1;
    CONTINUE();
}

/* Where the last uop of a trace continues if it does not end the trace itself: never, by construction. */
KRAIT_STENCIL(FELL_OFF_TRACE) { __builtin_trap(); }
