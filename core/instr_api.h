/* instr_api.h — everything an instruction body (core/instructions.def) may call: the runtime seen from C.
 *
 * Bodies are plain C so that clang can compile them into JIT stencils; they are also compiled as part of the C++
 * interpreter. This header serves both:
 *   - object layouts the bodies read inline (list items, instance slots, type versions ...). In C++ the K* names
 *     are the real object types; in C they are the krt_c_* mirror structs, with the same field names, so each
 *     accessor below is written once. instr_api.cpp static_asserts that every mirrored field has the same
 *     offset in both, on every target.
 *   - helpers (krt_*), C-linkage functions implemented in instr_api.cpp on top of the C++ runtime. Each returns
 *     failure (VAL_NULL, 0 or -1) with the Python exception set, like the runtime they wrap.
 * Nothing here may need C++ to call: no references, overloads, default arguments or exceptions.
 */
#ifndef KRAIT_INSTR_API_H
#define KRAIT_INSTR_API_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

/* ---- The C view of the object layouts: field names as in object.h / code.h, so that the accessors below read
 * the same in both languages. Compiled in C++ too, where instr_api.cpp checks every offset against the real
 * structs. ---- */
#define KRT_OBJECT_HEADER          \
    struct krt_c_type *type;       \
    void *gc_next;                 \
    uint8_t kind;                  \
    uint8_t gc_mark;               \
    uint8_t gc_permanent;          \
    uint8_t gc_size_class;         \
    uint32_t extra
struct krt_c_object {
    KRT_OBJECT_HEADER;
};
struct krt_c_type {
    KRT_OBJECT_HEADER;
    void *name, *module, *bases, *mro, *dict;
    struct krt_c_type *solid_base;
    uint8_t layout;
    uint32_t flags;
    uint32_t version;
};
struct krt_c_str {
    KRT_OBJECT_HEADER;
    int64_t hash;
    size_t length;
    size_t nbytes;
    uint8_t ascii, interned;
    char data[1];
};
struct krt_c_tuple {
    KRT_OBJECT_HEADER;
    size_t size;
    Value items[1];
};
struct krt_c_list {
    KRT_OBJECT_HEADER;
    size_t size;
    size_t capacity;
    Value *items;
};
struct krt_c_hash_entry {
    int64_t hash;
    Value key;
    Value value;
};
struct krt_c_hash_table {
    struct krt_c_hash_entry *entries;
    int32_t *index;
    uint32_t index_size, nentries, capacity, used;
    uint32_t keys_version;
};
struct krt_c_dict {
    KRT_OBJECT_HEADER;
    struct krt_c_hash_table table;
    uint32_t version;
};
struct krt_c_instance {
    KRT_OBJECT_HEADER;
    struct krt_c_shape *shape; /* opaque: compared by address only */
    Value *slots;
    uint32_t capacity;
    struct krt_c_dict *dict;
};
struct krt_c_cell {
    KRT_OBJECT_HEADER;
    Value ref;
};
struct krt_c_module {
    KRT_OBJECT_HEADER;
    struct krt_c_str *name;
    struct krt_c_dict *dict;
};
struct krt_c_iter {
    KRT_OBJECT_HEADER;
    void *next;
    Value src;
    Value aux;
    int64_t index;
    int64_t end;
    int64_t step;
};
struct krt_c_code {
    KRT_OBJECT_HEADER;
    void *vectors_[7][3]; /* code, lines, consts, names, localsplus_names, localsplus_kinds, exc_table */
    uint32_t *code_base;
    Value *consts_base;
    struct krt_c_str **names_base;
    uint32_t argcount, posonlyargcount, kwonlyargcount, flags, nlocalsplus, nfree, stacksize;
};
struct krt_c_function {
    KRT_OBJECT_HEADER;
    struct krt_c_code *code;
    struct krt_c_dict *globals;
    struct krt_c_tuple *defaults;
    struct krt_c_dict *kwdefaults;
    struct krt_c_tuple *closure;
    struct krt_c_str *name;
    struct krt_c_str *qualname;
    struct krt_c_dict *dict;
    Value doc;
    Value module;
    uint32_t version;
};
struct krt_c_bound_method {
    KRT_OBJECT_HEADER;
    Value func;
    Value self;
};
/* frame.h's Frame: the stencils (compiled as C) address a frame's fields and its locals (right after the header)
 * directly, as the interpreter does. */
struct krt_c_frame {
    struct krt_c_frame *prev;
    struct krt_c_code *code;
    uint32_t *code_base;
    Value *consts;
    struct krt_c_str **names;
    struct krt_c_function *func;
    struct krt_c_dict *globals;
    Value locals_dict;
    uint32_t *ip;
    Value *sp;
    void *gen;
    uint32_t flags;
    uint32_t last_pc;
};

#ifdef __cplusplus
#include "frame.h"
#include "object.h"
#include "runtime.h"
typedef krait::Object KObject;
typedef krait::TypeObject KType;
typedef krait::StrObject KStr;
typedef krait::TupleObject KTuple;
typedef krait::ListObject KList;
typedef krait::DictObject KDict;
typedef krait::InstanceObject KInstance;
typedef krait::Shape KShape;
typedef krait::CellObject KCell;
typedef krait::ModuleObject KModule;
typedef krait::IterObject KIter;
typedef krait::FunctionObject KFunction;
typedef krait::BoundMethodObject KBoundMethod;
typedef krait::CodeObject KCode;
typedef krait::Frame KFrame;
using krait::krt_T;
#define KRT_EXTERN_C extern "C"
#else
typedef struct krt_c_object KObject;
typedef struct krt_c_type KType;
typedef struct krt_c_str KStr;
typedef struct krt_c_tuple KTuple;
typedef struct krt_c_list KList;
typedef struct krt_c_dict KDict;
typedef struct krt_c_instance KInstance;
typedef struct krt_c_shape KShape;
typedef struct krt_c_cell KCell;
typedef struct krt_c_module KModule;
typedef struct krt_c_iter KIter;
typedef struct krt_c_function KFunction;
typedef struct krt_c_bound_method KBoundMethod;
typedef struct krt_c_code KCode;
typedef struct krt_c_frame KFrame;

#include "builtin_types.h"
typedef struct KBuiltinTypes {
#define KRT_TYPE_FIELD(id, name) KType *t_##id;
    KRAIT_BUILTIN_TYPES(KRT_TYPE_FIELD)
#undef KRT_TYPE_FIELD
#define KRT_EXC_FIELD(id, base) KType *e_##id;
    KRAIT_EXCEPTION_TYPES(KRT_EXC_FIELD)
#undef KRT_EXC_FIELD
    KType *t_iter_first;
} KBuiltinTypes;
extern KBuiltinTypes krt_T; /* runtime.h's T */
#define KRT_EXTERN_C extern
#endif

/* Layout kinds (object.h's enum Kind, in order; checked in instr_api.cpp). */
enum {
    KRT_KIND_INSTANCE, KRT_KIND_TYPE, KRT_KIND_BIGINT, KRT_KIND_STR, KRT_KIND_BYTES, KRT_KIND_TUPLE, KRT_KIND_LIST,
    KRT_KIND_DICT, KRT_KIND_SET, KRT_KIND_RANGE, KRT_KIND_SLICE, KRT_KIND_FUNCTION, KRT_KIND_NATIVE,
    KRT_KIND_BOUND_METHOD, KRT_KIND_CELL, KRT_KIND_CODE, KRT_KIND_MODULE, KRT_KIND_GENERATOR, KRT_KIND_EXCEPTION,
    KRT_KIND_PROPERTY, KRT_KIND_STATIC_METHOD, KRT_KIND_CLASS_METHOD, KRT_KIND_SUPER, KRT_KIND_ITER,
    KRT_KIND_DICT_VIEW, KRT_KIND_FILE
};
/* Comparison operators (runtime.h's CmpOp) and unary operators (UnaryOp), in order. */
enum { KRT_CMP_LT, KRT_CMP_LE, KRT_CMP_EQ, KRT_CMP_NE, KRT_CMP_GT, KRT_CMP_GE, KRT_CMP_TO_BOOL = 16 };
enum { KRT_UNARY_NEG, KRT_UNARY_POS, KRT_UNARY_INVERT };

/* ---- Inline accessors (no calls: these become plain loads in stencils) ---- */

static inline KObject *krt_obj(Value v) { return (KObject *)val_obj(v); }
static inline KType *krt_type(Value v) { return krt_obj(v)->type; }
static inline uint32_t krt_type_version(KType *t) { return t->version; }
static inline int krt_is_kind(Value v, int kind) { return val_is_obj(v) && (int)(uint8_t)krt_obj(v)->kind == kind; }
static inline int krt_is_exact(Value v, KType *t) { return val_is_obj(v) && krt_obj(v)->type == t; }
static inline size_t krt_list_size(Value v) { return ((KList *)val_obj(v))->size; }
static inline Value *krt_list_items(Value v) { return ((KList *)val_obj(v))->items; }
static inline size_t krt_tuple_size(Value v) { return ((KTuple *)val_obj(v))->size; }
static inline Value *krt_tuple_items(Value v) { return ((KTuple *)val_obj(v))->items; }
static inline size_t krt_str_length(Value v) { return ((KStr *)val_obj(v))->length; }
static inline uint32_t krt_dict_keys_version(KDict *d) { return d->table.keys_version; }
/* The value of dict entry `index`, or VAL_NULL if there is no such live entry. */
static inline Value krt_dict_entry_value(KDict *d, uint32_t index) {
    return index < d->table.nentries ? d->table.entries[index].value : VAL_NULL;
}
static inline KDict *krt_module_dict(Value v) { return ((KModule *)val_obj(v))->dict; }
static inline KShape *krt_instance_shape(Value v) { return ((KInstance *)val_obj(v))->shape; }
static inline Value *krt_instance_slots(Value v) { return ((KInstance *)val_obj(v))->slots; }
static inline uint32_t krt_instance_capacity(Value v) { return ((KInstance *)val_obj(v))->capacity; }
static inline void krt_instance_set_shape(Value v, KShape *s) { ((KInstance *)val_obj(v))->shape = s; }
static inline Value krt_cell_get(Value cell) { return ((KCell *)val_obj(cell))->ref; }
static inline void krt_cell_set(Value cell, Value v) { ((KCell *)val_obj(cell))->ref = v; }
static inline uint32_t krt_function_version(Value f) { return ((KFunction *)val_obj(f))->version; }
static inline uint32_t krt_function_argcount(Value f) { return ((KFunction *)val_obj(f))->code->argcount; }
static inline Value krt_bound_method_func(Value m) { return ((KBoundMethod *)val_obj(m))->func; }
static inline Value krt_bound_method_self(Value m) { return ((KBoundMethod *)val_obj(m))->self; }
/* Python's index i (negative counts from the end) into n items: 1 with *out set when it is in range. */
static inline int krt_seq_index(int64_t i, size_t n, int64_t *out) {
    if (i < 0) i += (int64_t)n;
    *out = i;
    return (uint64_t)i < (uint64_t)n;
}
/* Whether a range / list / tuple iterator has no next item (a list may change size while iterated). */
static inline int krt_range_iter_exhausted(Value it) { return ((KIter *)val_obj(it))->end <= 0; }
static inline int krt_list_iter_exhausted(Value iter) {
    KIter *it = (KIter *)val_obj(iter);
    return val_is_null(it->src) || (uint64_t)it->index >= (uint64_t)krt_list_size(it->src);
}
static inline int krt_tuple_iter_exhausted(Value iter) {
    KIter *it = (KIter *)val_obj(iter);
    return val_is_null(it->src) || (uint64_t)it->index >= (uint64_t)krt_tuple_size(it->src);
}
/* The arguments of a call whose stack is [callable, self_or_null, args[nargs]] (args points at the first): a
 * bound method in the callable slot is replaced there by its function and self. Returns the argument count,
 * self included, and sets *argv to the first. */
static inline uint32_t krt_call_args(Value *args, uint32_t nargs, Value **argv) {
    if (val_is_null(args[-1])) {
        if (!krt_is_kind(args[-2], KRT_KIND_BOUND_METHOD)) {
            *argv = args;
            return nargs;
        }
        Value method = args[-2];
        args[-1] = krt_bound_method_self(method);
        args[-2] = krt_bound_method_func(method);
    }
    *argv = args - 1;
    return nargs + 1;
}
static inline int krt_cmp_i64(int64_t a, int64_t b, uint32_t op) {
    return op == KRT_CMP_LT ? a < b : op == KRT_CMP_LE ? a <= b : op == KRT_CMP_EQ ? a == b
         : op == KRT_CMP_NE ? a != b : op == KRT_CMP_GT ? a > b : a >= b;
}
static inline int krt_cmp_f64(double a, double b, uint32_t op) {
    return op == KRT_CMP_LT ? a < b : op == KRT_CMP_LE ? a <= b : op == KRT_CMP_EQ ? a == b
         : op == KRT_CMP_NE ? a != b : op == KRT_CMP_GT ? a > b : a >= b;
}

/* ---- Globals set up at start-up (krt_api_init) ---- */

KRT_EXTERN_C KType *krt_range_iterator_type;
KRT_EXTERN_C KType *krt_list_iterator_type;
KRT_EXTERN_C KType *krt_tuple_iterator_type;
KRT_EXTERN_C void *krt_range_iter_next; /* the `next` of small range iterators (big ones have another) */
KRT_EXTERN_C Value krt_builtin_len;
KRT_EXTERN_C Value krt_builtin_isinstance;
KRT_EXTERN_C KDict *krt_builtins; /* vm.builtins, for BUILTINS in code compiled as C */
/* Nonzero when a safepoint has work: a collection is due or an interrupt (Ctrl-C) arrived. Set by allocation
 * (gc.h) and the signal handler, recomputed after each periodic check. */
KRT_EXTERN_C volatile int krt_eval_breaker_flag;
static inline int krt_eval_breaker(void) { return krt_eval_breaker_flag; }

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Helpers: the out-of-line halves of instructions ---- */

/* A new big int for an int64 outside the immediate range (VAL_NULL on MemoryError). */
Value krt_int_box(int64_t i);
void krt_raise_unbound_local(KCode *code, uint32_t index);
void krt_raise_unbound_deref(KCode *code, uint32_t index);
void krt_raise_no_active_exception(void);
Value krt_cell_new(Value contents);
void krt_copy_free_vars(KFrame *f, uint32_t n);

Value krt_load_global(KDict *globals, KDict *builtins, KStr *name);
Value krt_load_build_class(KDict *builtins);
int krt_dict_set_str(KDict *d, KStr *key, Value v);
int krt_delete_global(KDict *globals, KStr *name);
Value krt_load_name(KFrame *f, KStr *name);
int krt_store_name(KFrame *f, KStr *name, Value v);
int krt_delete_name(KFrame *f, KStr *name);

Value krt_getattr(Value owner, KStr *name);
Value krt_get_method(Value owner, KStr *name, Value *self_out);
int krt_setattr(Value owner, KStr *name, Value v); /* v == VAL_NULL deletes */
Value krt_call1(Value f, Value arg);

Value krt_getitem(Value container, Value key);
int krt_setitem(Value container, Value key, Value v);
int krt_delitem(Value container, Value key);
Value krt_dict_getitem(KDict *d, Value key); /* KeyError when missing */
int krt_dict_setitem(KDict *d, Value key, Value v);
int krt_dict_contains(KDict *d, Value key);
int krt_set_contains(Value set, Value key);
Value krt_str_getitem_int(Value str, int64_t i);
Value krt_str_concat(Value a, Value b);
int krt_str_eq(Value a, Value b);
Value krt_slice_new(Value start, Value stop, Value step);

Value krt_binary_op(Value a, Value b, uint32_t oparg);
/* float ** float into *result; 0 (nothing raised) when the result is an error: 0.0 to a negative power, a negative
 * base to a fractional one, an overflow. */
int krt_float_pow(double x, double y, double *result);
/* Calls a class's operator method with two operands of that class (BINARY_OP_DUNDER): NotImplemented becomes
 * binary_op's TypeError. */
Value krt_call_binop_method(Value method, Value a, Value b, uint32_t oparg);
Value krt_compare(Value a, Value b, uint32_t op);
int krt_contains(Value container, Value item);
Value krt_unary(Value v, int op);
int krt_truth(Value v);

Value krt_tuple_from_array(Value *items, uint32_t n);
Value krt_list_from_array(Value *items, uint32_t n);
Value krt_build_set(Value *items, uint32_t n);
Value krt_build_map(Value *items, uint32_t npairs);
Value krt_build_const_key_map(Value *values, uint32_t n, Value keys);
Value krt_build_string(Value *pieces, uint32_t n);
int krt_list_append(Value list, Value v);
int krt_set_add(Value set, Value v);
int krt_list_extend(Value list, Value iterable);
int krt_set_update(Value set, Value iterable);
int krt_dict_update(Value dict, Value update);
int krt_dict_merge(Value dict, Value update, Value callable);
Value krt_list_to_tuple(Value list);
Value krt_format_value(Value v, Value spec, uint32_t conversion);

int krt_periodic_check(void); /* collects / raises KeyboardInterrupt; 0 on exception */
Value krt_getiter(Value iterable);
Value krt_iter_next_or_end(Value iter); /* VAL_NULL at the end, with an exception only on error */
/* Generators (exact generator objects) resumed by a for loop in the interpreter's own loop (frames.h). */
int krt_gen_finished(Value gen);
KFrame *krt_gen_push_frame(Value gen); /* NULL with an exception set (already running, too deep) */
/* Whether gen can resume (not running or finished) at code unit `resume` of the function version func_version. */
int krt_gen_resumes_at(Value gen, uint32_t func_version, uint32_t resume);
int krt_err_occurred(void);

Value krt_make_function(KDict *globals, Value code, Value defaults, Value kwdefaults, Value closure);
/* A frame (not yet pushed) for calling fn; or NULL with *result set to a new generator, or to VAL_NULL with
 * an exception set. */
KFrame *krt_frame_for_call(KFunction *fn, Value *args, uint32_t nargs, KTuple *kwnames, Value *result);
/* frames.cpp's raise_frame_overflow: the RecursionError of krt_frame_exact (below); returns NULL. */
KFrame *krt_frame_overflow(void);
void krt_frame_mark_init(KFrame *f); /* the frame runs __init__: its return must be None */
/* ---- Frames for code that runs traces without the interpreter's C++ (the JIT's stencils) ----
 * krt_frame_push and krt_trace_return are inline, below. krt_trace_yield suspends f, a generator's frame the trace
 * resumed, whose stack pointer is sp, and pushes value on the resumer's stack: returns the resumer. */
KFrame *krt_trace_return_init(KFrame *f, Value rv); /* krt_trace_return for a frame that ran __init__ (below) */
/* A trace's recursive call (_CALL_SELF_EXACT) nests the trace's own code on the machine stack: enter counts the
 * nesting and refuses (0) beyond a bound that keeps the machine stack safe (each level holds a machine or C++
 * stack frame of a few hundred bytes at most; Python's default recursion limit) or when a periodic check is due
 * (then tier 1 makes the call); leave undoes it once the nested run is over. Inline: every traced call does both. */
KRT_EXTERN_C int krt_self_calls;
#define KRT_MAX_SELF_CALLS 1000
static inline int krt_self_call_enter(void) {
    if (krt_self_calls >= KRT_MAX_SELF_CALLS || krt_eval_breaker()) return 0;
    krt_self_calls++;
    return 1;
}
static inline void krt_self_call_leave(void) { krt_self_calls--; }
#define KRT_FRAME_ENTRY 1 /* frame.h's FRAME_ENTRY: pushed by C++, its return goes through tier 1's run loop */
#define KRT_FRAME_INIT 2  /* frame.h's FRAME_INIT: runs __init__ (krt_trace_return checks its result) */
static inline int krt_frame_is_entry(KFrame *f) { return (f->flags & KRT_FRAME_ENTRY) != 0; }
/* vm.h's VM, its first fields: the value stack's bounds, the running frame and the recursion depth. */
struct krt_c_vm {
    Value *stack_base;
    Value *stack_limit;
    KFrame *frame;
    int depth;
    int recursion_limit;
};
KRT_EXTERN_C struct krt_c_vm *krt_vm; /* &vm */

/* A frame (not yet pushed) for fn called with exactly its nargs positional parameters (the specializer checked the
 * shape) from `top`, the running frame: prepare_call's fast path, inline, so that a call in tier 1 sets up its
 * frame without calling into C++ (fib: 17 % faster). The frame goes right after top's extent. NULL with a
 * RecursionError at the recursion limit or the end of the value stack.
 * `same_code`: fn runs top's own code (a recursive call whose guard checked fn's version), whose fields are at hand
 * in top. */
static inline KFrame *krt_frame_setup(KFrame *top, KFunction *fn, Value *args, uint32_t nargs, int same_code) {
    KCode *code = same_code ? top->code : fn->code;
    uint32_t top_extent = top->code->nlocalsplus + top->code->stacksize;
    uint32_t extent = same_code ? top_extent : code->nlocalsplus + code->stacksize;
    KFrame *nf = (KFrame *)((Value *)(top + 1) + top_extent);
    if (krt_vm->depth >= krt_vm->recursion_limit || (Value *)(nf + 1) + extent > krt_vm->stack_limit)
        return krt_frame_overflow();
    nf->prev = top;
    nf->code = code;
    nf->code_base = same_code ? top->code_base : code->code_base;
    nf->consts = same_code ? top->consts : code->consts_base;
    nf->names = same_code ? top->names : code->names_base;
    nf->func = fn;
    nf->globals = fn->globals;
    nf->locals_dict = VAL_NULL;
    nf->ip = nf->code_base;
    nf->gen = 0;
    nf->flags = 0;
    nf->last_pc = 0;
    Value *locals = (Value *)(nf + 1);
    for (uint32_t i = 0; i < nargs; i++) locals[i] = args[i];
    for (uint32_t i = nargs; i < extent; i++) locals[i] = VAL_NULL;
    nf->sp = locals + code->nlocalsplus;
    return nf;
}
/* The stencils call the same set-up compiled out of line (KRT_FRAMES_OUT_OF_LINE, template.c): inline, its loops
 * made _PUSH_FRAME_EXACT's stencil 700 bytes and richards 7 % slower under the JIT. A recursive call (below) stays
 * inline there: fib's trace is mostly its two calls, and the set-up from top's fields is short. */
KFrame *krt_frame_exact_call(KFrame *top, KFunction *fn, Value *args, uint32_t nargs);
static inline KFrame *krt_frame_exact(KFrame *top, KFunction *fn, Value *args, uint32_t nargs) {
#ifdef KRT_FRAMES_OUT_OF_LINE
    return krt_frame_exact_call(top, fn, args, nargs);
#else
    return krt_frame_setup(top, fn, args, nargs, 0);
#endif
}
static inline KFrame *krt_frame_exact_self(KFrame *top, KFunction *fn, Value *args, uint32_t nargs) {
    return krt_frame_setup(top, fn, args, nargs, 1);
}
/* Makes f the running frame (the interpreter's frame_push). */
static inline void krt_frame_push(KFrame *f) {
    krt_vm->frame = f;
    krt_vm->depth++;
}
/* Pops f, a frame the trace pushed, and pushes rv on its caller's stack (f->prev->sp): returns the caller, or NULL
 * with a TypeError when f ran __init__ and rv is not None (raised at the caller's CALL; the C++ slow path). */
static inline KFrame *krt_trace_return(KFrame *f, Value rv) {
    if (f->flags & KRT_FRAME_INIT) return krt_trace_return_init(f, rv);
    KFrame *caller = f->prev;
    krt_vm->frame = caller;
    krt_vm->depth--;
    *caller->sp++ = rv;
    return caller;
}
KFrame *krt_trace_yield(KFrame *f, Value *sp, Value value);
Value krt_call(Value callable, Value *args, uint32_t nargs, KTuple *kwnames);
Value krt_call_kw(Value callable, Value *args, uint32_t nargs, Value kwnames);
Value krt_call_native(Value native, Value *args, uint32_t nargs);
Value krt_call_type(Value type, Value *args, uint32_t nargs);
Value krt_call_star(Value callable, Value args, Value kwargs);
Value krt_len(Value v);
int krt_isinstance(Value inst, Value cls);
Value krt_instance_new(KType *cls);

Value krt_yield_from_iter(Value iterable);
Value krt_send(Value sub, Value sent, Value *returned);

Value krt_handled_exc(void);
Value krt_topmost_handled_exc(void); /* sys.exc_info()'s: through the generators running (frames.h) */
void krt_set_handled_exc(Value exc);
void krt_do_raise(Value exc, Value cause);
int krt_check_except_type(Value type);
int krt_exc_matches(Value exc, Value type);
Value krt_assertion_error(void);
int krt_enter_context(Value mgr, Value *exit_fn, Value *result);
Value krt_call_exit(Value exit_fn, Value exc); /* exc VAL_NULL: exit(None, None, None) */

int krt_unpack(Value seq, uint32_t before, int after, Value *out);
Value krt_import_name(KStr *name, Value fromlist);
Value krt_import_from(Value module, KStr *name);
int krt_import_star(KFrame *f, Value module);

/* ---- The specializer (core/specialize.cpp): rewrites the instruction at `instr` in place ---- */

void krt_specialize_load_global(uint32_t *instr, KDict *globals, KDict *builtins, KStr *name);
void krt_specialize_load_attr(uint32_t *instr, Value owner, KStr *name, int for_method);
void krt_specialize_store_attr(uint32_t *instr, Value owner, KStr *name);
void krt_specialize_binary_subscr(uint32_t *instr, Value container, Value sub);
void krt_specialize_store_subscr(uint32_t *instr, Value container, Value sub);
void krt_specialize_binary_op(uint32_t *instr, Value lhs, Value rhs, uint32_t oparg);
void krt_specialize_compare_op(uint32_t *instr, Value lhs, Value rhs, uint32_t oparg);
void krt_specialize_contains_op(uint32_t *instr, Value container);
void krt_specialize_to_bool(uint32_t *instr, Value value);
void krt_specialize_for_iter(uint32_t *instr, Value iter);
void krt_specialize_call(uint32_t *instr, Value callable, Value self_or_null, uint32_t nargs);
void krt_specialize_unpack_sequence(uint32_t *instr, Value seq);

#ifdef __cplusplus
}
#endif

/* An int result: immediate when it fits, else a big int (VAL_NULL on MemoryError). */
static inline Value krt_int_result(int64_t i) { return val_int_fits(i) ? val_from_int(i) : krt_int_box(i); }

#endif
