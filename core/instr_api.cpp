// instr_api.cpp — the helpers instruction bodies call (declared in instr_api.h), on top of the C++ runtime, and
// the checks that the C view of the object layouts matches the C++ one on this target.
#include "instr_api.h"

#include <cstddef>
#include <cstring>

#include "containers.h"
#include "frames.h"
#include "gc.h"
#include "interp_support.h"
#include "slice.h"
#include "slots.h"
#include "vm.h"

using namespace krait;

// ---- layout checks: instr_api.h's accessors read these fields directly ----
// (offsetof on a derived struct is "conditionally supported"; g++ and clang support it.)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
namespace krait {
#define KRT_SAME_FIELD(cxx, mirror, field) \
    static_assert(offsetof(cxx, field) == offsetof(mirror, field), #cxx "::" #field " moved: update instr_api.h")
#define KRT_SAME_HEADER(cxx, mirror)                 \
    KRT_SAME_FIELD(cxx, mirror, type);               \
    KRT_SAME_FIELD(cxx, mirror, kind);               \
    KRT_SAME_FIELD(cxx, mirror, extra)
KRT_SAME_HEADER(Object, krt_c_object);
static_assert(sizeof(Object) == sizeof(krt_c_object), "object header size");
KRT_SAME_HEADER(TypeObject, krt_c_type);
KRT_SAME_FIELD(TypeObject, krt_c_type, version);
KRT_SAME_FIELD(StrObject, krt_c_str, length);
KRT_SAME_FIELD(TupleObject, krt_c_tuple, size);
KRT_SAME_FIELD(TupleObject, krt_c_tuple, items);
KRT_SAME_FIELD(ListObject, krt_c_list, size);
KRT_SAME_FIELD(ListObject, krt_c_list, items);
KRT_SAME_FIELD(DictObject, krt_c_dict, table);
KRT_SAME_FIELD(HashTable, krt_c_hash_table, entries);
KRT_SAME_FIELD(HashTable, krt_c_hash_table, nentries);
KRT_SAME_FIELD(HashTable, krt_c_hash_table, keys_version);
KRT_SAME_FIELD(HashEntry, krt_c_hash_entry, value);
static_assert(sizeof(HashEntry) == sizeof(krt_c_hash_entry), "hash entry size");
KRT_SAME_FIELD(InstanceObject, krt_c_instance, shape);
KRT_SAME_FIELD(InstanceObject, krt_c_instance, slots);
KRT_SAME_FIELD(InstanceObject, krt_c_instance, capacity);
KRT_SAME_FIELD(CellObject, krt_c_cell, ref);
KRT_SAME_FIELD(ModuleObject, krt_c_module, dict);
KRT_SAME_FIELD(IterObject, krt_c_iter, next);
KRT_SAME_FIELD(IterObject, krt_c_iter, src);
KRT_SAME_FIELD(IterObject, krt_c_iter, index);
KRT_SAME_FIELD(IterObject, krt_c_iter, end);
KRT_SAME_FIELD(IterObject, krt_c_iter, step);
KRT_SAME_FIELD(CodeObject, krt_c_code, argcount);
KRT_SAME_FIELD(CodeObject, krt_c_code, code_base);
KRT_SAME_FIELD(CodeObject, krt_c_code, consts_base);
KRT_SAME_FIELD(CodeObject, krt_c_code, names_base);
KRT_SAME_FIELD(CodeObject, krt_c_code, nlocalsplus);
KRT_SAME_FIELD(CodeObject, krt_c_code, stacksize);
KRT_SAME_FIELD(FunctionObject, krt_c_function, globals);
KRT_SAME_FIELD(Frame, krt_c_frame, prev);
KRT_SAME_FIELD(Frame, krt_c_frame, func);
KRT_SAME_FIELD(Frame, krt_c_frame, locals_dict);
KRT_SAME_FIELD(Frame, krt_c_frame, gen);
KRT_SAME_FIELD(VM, krt_c_vm, stack_base);
KRT_SAME_FIELD(VM, krt_c_vm, stack_limit);
KRT_SAME_FIELD(VM, krt_c_vm, frame);
KRT_SAME_FIELD(VM, krt_c_vm, depth);
KRT_SAME_FIELD(VM, krt_c_vm, recursion_limit);
KRT_SAME_FIELD(FunctionObject, krt_c_function, code);
KRT_SAME_FIELD(FunctionObject, krt_c_function, version);
KRT_SAME_FIELD(BoundMethodObject, krt_c_bound_method, func);
KRT_SAME_FIELD(BoundMethodObject, krt_c_bound_method, self);
KRT_SAME_FIELD(Frame, krt_c_frame, code);
KRT_SAME_FIELD(Frame, krt_c_frame, code_base);
KRT_SAME_FIELD(Frame, krt_c_frame, consts);
KRT_SAME_FIELD(Frame, krt_c_frame, names);
KRT_SAME_FIELD(Frame, krt_c_frame, globals);
KRT_SAME_FIELD(Frame, krt_c_frame, ip);
KRT_SAME_FIELD(Frame, krt_c_frame, sp);
KRT_SAME_FIELD(Frame, krt_c_frame, flags);
KRT_SAME_FIELD(Frame, krt_c_frame, last_pc);
static_assert(sizeof(Frame) == sizeof(krt_c_frame), "a frame's locals follow its header");
static_assert(sizeof(BuiltinTypes) % sizeof(void*) == 0, "the type table is an array of pointers in C");
}  // namespace krait
#pragma GCC diagnostic pop
static_assert(KRT_KIND_INSTANCE == (int)Kind::Instance && KRT_KIND_TYPE == (int)Kind::Type &&
                  KRT_KIND_TUPLE == (int)Kind::Tuple && KRT_KIND_LIST == (int)Kind::List &&
                  KRT_KIND_DICT == (int)Kind::Dict && KRT_KIND_FUNCTION == (int)Kind::Function &&
                  KRT_KIND_NATIVE == (int)Kind::Native && KRT_KIND_BOUND_METHOD == (int)Kind::BoundMethod &&
                  KRT_KIND_MODULE == (int)Kind::Module && KRT_KIND_GENERATOR == (int)Kind::Generator &&
                  KRT_KIND_EXCEPTION == (int)Kind::Exception && KRT_KIND_ITER == (int)Kind::Iter &&
                  KRT_KIND_FILE == (int)Kind::File,
              "instr_api.h's layout kinds follow object.h's Kind");
static_assert(KRT_CMP_LT == (int)CmpOp::LT && KRT_CMP_EQ == (int)CmpOp::EQ && KRT_CMP_GE == (int)CmpOp::GE,
              "comparison operators");
static_assert(KRT_CMP_TO_BOOL == kCmpToBool, "COMPARE_OP's to-bool bit");
static_assert(KRT_FRAME_INIT == FRAME_INIT, "frame.h's FRAME_INIT moved: update instr_api.h");
static_assert(KRT_UNARY_NEG == (int)UnaryOp::Neg && KRT_UNARY_INVERT == (int)UnaryOp::Invert, "unary operators");


KType* krt_range_iterator_type;
KType* krt_list_iterator_type;
KType* krt_tuple_iterator_type;
void* krt_range_iter_next;
Value krt_builtin_len;
Value krt_builtin_isinstance;
KDict* krt_builtins;
volatile int krt_eval_breaker_flag;
krt_c_vm* krt_vm = reinterpret_cast<krt_c_vm*>(&vm);

namespace krait {
// Called at the end of runtime_init, once the types and builtins exist.
void krt_api_init() {
    krt_range_iterator_type = t_range_iterator;
    krt_list_iterator_type = t_list_iterator;
    krt_tuple_iterator_type = t_tuple_iterator;
    krt_range_iter_next = reinterpret_cast<void*>(&range_iter_next);
    krt_builtin_len = dict_get_str(vm.builtins, intern("len"));
    krt_builtin_isinstance = dict_get_str(vm.builtins, intern("isinstance"));
    krt_builtins = vm.builtins;
}
}  // namespace krait

namespace {
StrObject* S(const char* s) { return intern(s); }
inline Value bool_or_fail(bool ok) { return ok ? VAL_TRUE : VAL_NULL; }
}  // namespace

extern "C" {

// ---- locals, cells, names ----

Value krt_int_box(int64_t i) { return int_from_i64(i); }

void krt_raise_unbound_local(KCode* code, uint32_t index) {
    raise(T.e_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
          code->localsplus_names[index]->data);
}

void krt_raise_unbound_deref(KCode* code, uint32_t index) { report_unbound_deref(code, index); }

void krt_raise_no_active_exception(void) { raise(T.e_RuntimeError, "No active exception to reraise"); }

Value krt_cell_new(Value contents) {
    auto* c = gc_new<CellObject>(T.t_cell, Kind::Cell);
    if (!c) return raise_no_memory();
    c->ref = contents;
    return val(c);
}

void krt_copy_free_vars(KFrame* f, uint32_t n) {
    TupleObject* closure = f->func->closure;
    Value* locals = f->localsplus();
    uint32_t first = f->code->nlocalsplus - n;
    for (uint32_t i = 0; i < n; i++) locals[first + i] = closure->items[i];
}

Value krt_load_global(KDict* globals, KDict* builtins, KStr* name) {
    Value v = dict_get_str(globals, name);
    if (val_is_null(v)) v = dict_get_str(builtins, name);
    if (val_is_null(v)) return raise(T.e_NameError, "name '%s' is not defined", name->data);
    return v;
}

Value krt_load_build_class(KDict* builtins) {
    Value v = dict_get_str(builtins, S("__build_class__"));
    if (val_is_null(v)) return raise(T.e_NameError, "__build_class__ not found");
    return v;
}

int krt_dict_set_str(KDict* d, KStr* key, Value v) { return dict_set_str(d, key, v); }

int krt_delete_global(KDict* globals, KStr* name) {
    int r = dict_del(globals, val(name));
    if (r == 0) raise(T.e_NameError, "name '%s' is not defined", name->data);
    return r > 0;
}

Value krt_load_name(KFrame* f, KStr* name) {
    Value v = VAL_NULL;
    if (!val_is_null(f->locals_dict)) {
        if (is_kind(f->locals_dict, Kind::Dict)) {
            v = dict_get_str(as<DictObject>(f->locals_dict), name);
        } else {
            v = obj_getitem(f->locals_dict, val(name));
            if (val_is_null(v)) {
                if (!err_matches(T.e_KeyError)) return VAL_NULL;
                err_clear();
            }
        }
    }
    if (val_is_null(v)) v = dict_get_str(f->globals, name);
    if (val_is_null(v)) v = dict_get_str(vm.builtins, name);
    if (val_is_null(v)) return raise(T.e_NameError, "name '%s' is not defined", name->data);
    return v;
}

int krt_store_name(KFrame* f, KStr* name, Value v) { return obj_setitem(f->locals_dict, val(name), v); }

int krt_delete_name(KFrame* f, KStr* name) {
    if (obj_delitem(f->locals_dict, val(name))) return 1;
    if (err_matches(T.e_KeyError)) {
        err_clear();
        raise(T.e_NameError, "name '%s' is not defined", name->data);
    }
    return 0;
}

// ---- attributes ----

Value krt_getattr(Value owner, KStr* name) { return obj_getattr(owner, name); }
Value krt_get_method(Value owner, KStr* name, Value* self_out) { return obj_get_method(owner, name, self_out); }
int krt_setattr(Value owner, KStr* name, Value v) { return obj_setattr(owner, name, v); }
Value krt_call1(Value f, Value arg) { return call1(f, arg); }

// ---- subscripts and containers ----

Value krt_getitem(Value container, Value key) { return obj_getitem(container, key); }
int krt_setitem(Value container, Value key, Value v) { return obj_setitem(container, key, v); }
int krt_delitem(Value container, Value key) { return obj_delitem(container, key); }

Value krt_dict_getitem(KDict* d, Value key) {
    Value v = dict_get(d, key);
    if (!val_is_null(v) || err_occurred()) return v;
    Value args[1] = {key};
    Value exc = obj_call(val(T.e_KeyError), args, 1, nullptr);
    return val_is_null(exc) ? VAL_NULL : raise_value(exc);
}

int krt_dict_setitem(KDict* d, Value key, Value v) { return dict_set(d, key, v); }

int krt_dict_contains(KDict* d, Value key) {
    Value v = dict_get(d, key);
    if (!val_is_null(v)) return 1;
    return err_occurred() ? -1 : 0;
}

int krt_set_contains(Value set, Value key) { return set_contains(as<SetObject>(set), key); }

Value krt_str_getitem_int(Value str, int64_t i) {
    StrObject* s = as<StrObject>(str);
    if (!krt_seq_index(i, s->length, &i)) return raise(T.e_IndexError, "string index out of range");
    return str_char_at(s, i);
}

Value krt_str_concat(Value a, Value b) { return str_concat(a, b); }
int krt_str_eq(Value a, Value b) { return a.bits == b.bits || str_eq(as<StrObject>(a), as<StrObject>(b)); }
Value krt_slice_new(Value start, Value stop, Value step) { return slice_new(start, stop, step); }

// ---- operators ----

namespace {

// The value of an exact int (immediate, or a big int object of type int) that fits int64.
inline bool exact_int64(Value v, int64_t* out) {
    if (val_is_int(v)) {
        *out = val_int(v);
        return true;
    }
    if (!is_kind(v, Kind::BigInt) || obj(v)->type != T.t_int) return false;
    const BigInt& b = as<BigIntObject>(v)->value;
    if (!big_fits_int64(b)) return false;
    *out = big_to_int64(b);
    return true;
}

// int op int in int64 arithmetic when both fit and the exact result does too (64-bit hashes and LCGs leave the
// 50-bit immediate range: without this they would take the general big-int path). False: use binary_op.
bool int64_binary_op(Value a, Value b, BinOp op, Value* result) {
    int64_t x, y, r;
    if (!exact_int64(a, &x) || !exact_int64(b, &y)) return false;
    switch (op) {
        case BinOp::Add: if (__builtin_add_overflow(x, y, &r)) return false; break;
        case BinOp::Sub: if (__builtin_sub_overflow(x, y, &r)) return false; break;
        case BinOp::Mul: if (__builtin_mul_overflow(x, y, &r)) return false; break;
        case BinOp::And: r = x & y; break;
        case BinOp::Or: r = x | y; break;
        case BinOp::Xor: r = x ^ y; break;
        case BinOp::FloorDiv:
        case BinOp::Mod: {
            if (y == 0 || (x == INT64_MIN && y == -1)) return false;  // ZeroDivisionError / overflow: general path
            int64_t q = x / y, m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) q--, m += y;
            r = op == BinOp::FloorDiv ? q : m;
            break;
        }
        default: return false;
    }
    *result = int_from_i64(r);
    return true;
}

}  // namespace

Value krt_binary_op(Value a, Value b, uint32_t oparg) {
    BinOp op = static_cast<BinOp>(oparg & 15);
    Value r;
    if (int64_binary_op(a, b, op, &r)) return r;  // VAL_NULL here is MemoryError, as binary_op's would be
    return binary_op(a, b, op, (oparg & 16) != 0);
}
Value krt_call_binop_method(Value method, Value a, Value b, uint32_t oparg) {
    Value r = call2(method, a, b);
    if (val_is_null(r) || r.bits != g_not_implemented.bits) return r;
    return binop_type_error(a, b, static_cast<BinOp>(oparg & 15), (oparg & 16) != 0);
}

Value krt_compare(Value a, Value b, uint32_t op) { return obj_compare(a, b, static_cast<CmpOp>(op)); }
int krt_contains(Value container, Value item) { return obj_contains(container, item); }

Value krt_unary(Value v, int op) {
    switch (op) {
        case KRT_UNARY_NEG: return unary_neg(v);
        case KRT_UNARY_POS: return unary_pos(v);
        default: return unary_invert(v);
    }
}

int krt_truth(Value v) { return obj_truth(v); }

// ---- building ----

Value krt_tuple_from_array(Value* items, uint32_t n) { return tuple_from_array(items, n); }
Value krt_list_from_array(Value* items, uint32_t n) { return list_from_array(items, n); }
Value krt_build_set(Value* items, uint32_t n) { return build_set(items, n); }
Value krt_build_map(Value* items, uint32_t npairs) { return build_map(items, npairs); }
Value krt_build_const_key_map(Value* values, uint32_t n, Value keys) {
    return build_const_key_map(values, n, as<TupleObject>(keys));
}
Value krt_build_string(Value* pieces, uint32_t n) { return build_string(pieces, n); }
int krt_list_append(Value list, Value v) { return list_append(as<ListObject>(list), v); }
int krt_set_add(Value set, Value v) { return set_add(as<SetObject>(set), v) == 0; }

int krt_list_extend(Value list, Value iterable) {
    if (list_extend(as<ListObject>(list), iterable)) return 1;
    if (err_matches(T.e_TypeError) && !type_of(iterable)->iter && !type_of(iterable)->getitem) {
        err_clear();
        raise(T.e_TypeError, "Value after * must be an iterable, not %s", type_name(iterable));
    }
    return 0;
}

int krt_set_update(Value set, Value iterable) { return set_update(as<SetObject>(set), iterable); }

int krt_dict_update(Value dict, Value update) {
    if (!is_kind(update, Kind::Dict) && val_is_null(type_lookup(type_of(update), S("keys")))) {
        raise(T.e_TypeError, "'%s' object is not a mapping", type_name(update));
        return 0;
    }
    return dict_update(as<DictObject>(dict), update);
}

int krt_dict_merge(Value dict, Value update, Value callable) {
    Value fname = callable_name(callable);
    return dict_merge_kwargs(as<DictObject>(dict), update, fname);
}

Value krt_list_to_tuple(Value list) {
    ListObject* l = as<ListObject>(list);
    return tuple_from_array(l->items, l->size);
}

Value krt_format_value(Value v, Value spec, uint32_t conversion) {
    if (conversion) {
        v = conversion == 1 ? obj_str(v) : conversion == 2 ? obj_repr(v) : obj_ascii(v);
        if (val_is_null(v)) return v;
    }
    if (!val_is_null(spec) || type_of(v) != T.t_str) {
        Root r(v);
        return obj_format(v, val_is_null(spec) ? val(intern("")) : spec);
    }
    return v;
}

// ---- control flow and iteration ----

int krt_periodic_check(void) { return periodic_check(); }
Value krt_getiter(Value iterable) { return obj_getiter(iterable); }

Value krt_iter_next_or_end(Value iter) {
    Value v = type_of(iter)->next(iter);
    // An iterator may also signal the end by raising StopIteration (a generator returning a value does).
    if (val_is_null(v) && err_occurred() && err_matches(T.e_StopIteration)) err_clear();
    return v;
}

int krt_gen_finished(Value gen) { return as<GeneratorObject>(gen)->state == GenState::Finished; }

KFrame* krt_gen_push_frame(Value gen) { return gen_push_frame(as<GeneratorObject>(gen), VAL_NONE); }

int krt_gen_resumes_at(Value gen, uint32_t func_version, uint32_t resume) {
    if (!krt_is_exact(gen, T.t_generator)) return 0;
    auto* g = as<GeneratorObject>(gen);
    if (g->state != GenState::Created && g->state != GenState::Suspended) return 0;
    auto* saved = reinterpret_cast<Frame*>(g->saved);
    return saved->func->version == func_version && static_cast<uint32_t>(saved->ip - saved->code_base) == resume;
}

int krt_err_occurred(void) { return err_occurred(); }

// ---- functions and calls ----

Value krt_make_function(KDict* globals, Value code, Value defaults, Value kwdefaults, Value closure) {
    return make_function(globals, as<CodeObject>(code), val_is_null(defaults) ? nullptr : as<TupleObject>(defaults),
                         val_is_null(kwdefaults) ? nullptr : as<DictObject>(kwdefaults),
                         val_is_null(closure) ? nullptr : as<TupleObject>(closure));
}

KFrame* krt_frame_for_call(KFunction* fn, Value* args, uint32_t nargs, KTuple* kwnames, Value* result) {
    *result = VAL_NULL;
    return prepare_call(fn, args, nargs, kwnames, result);
}

KFrame* krt_frame_overflow(void) { return raise_frame_overflow(); }
KFrame* krt_frame_exact_call(KFrame* top, KFunction* fn, Value* args, uint32_t nargs) {
    return krt_frame_setup(top, fn, args, nargs, 0);
}

void krt_frame_mark_init(KFrame* f) { f->flags |= FRAME_INIT; }


int krt_self_calls = 0;
static_assert(KRT_FRAME_ENTRY == FRAME_ENTRY, "frame.h's FRAME_ENTRY moved: update instr_api.h");

KFrame* krt_trace_return_init(KFrame* f, Value rv) {
    frame_pop(f);
    if (!val_is_none(rv)) {
        raise(T.e_TypeError, "__init__() should return None, not '%s'", type_name(rv));
        return nullptr;
    }
    return vm.frame;  // the instance, left in the callee's slot by CALL_ALLOC_AND_ENTER_INIT, is the result
}

KFrame* krt_trace_yield(KFrame* f, Value* sp, Value value) {
    gen_frame_suspend(f, sp);
    Frame* resumer = vm.frame;
    *resumer->sp++ = value;
    return resumer;
}

Value krt_call(Value callable, Value* args, uint32_t nargs, KTuple* kwnames) {
    return obj_call(callable, args, nargs, kwnames);
}

Value krt_call_kw(Value callable, Value* args, uint32_t nargs, Value kwnames) {
    return obj_call(callable, args, nargs, as<TupleObject>(kwnames));
}

Value krt_call_native(Value native, Value* args, uint32_t nargs) {
    auto* n = as<NativeObject>(native);
    if (!enter_recursive_call(" while calling a Python object")) return VAL_NULL;
    g_native_bound = n->bound;
    Value r = n->fn(args, nargs, nullptr);
    leave_recursive_call();
    return r;
}

Value krt_call_type(Value type, Value* args, uint32_t nargs) {
    TypeObject* t = as<TypeObject>(type);
    return t->new_fn(t, args, nargs, nullptr);
}

Value krt_call_star(Value callable, Value args, Value kwargs) { return call_with_star_args(callable, args, kwargs); }

Value krt_len(Value v) {
    int64_t n;
    if (!obj_length(v, &n)) return VAL_NULL;
    return int_from_i64(n);
}

int krt_isinstance(Value inst, Value cls) {
    if (is_kind(cls, Kind::Type)) return is_instance(inst, as<TypeObject>(cls));
    Value args[2] = {inst, cls};
    Value r = obj_call(krt_builtin_isinstance, args, 2, nullptr);
    return val_is_null(r) ? -1 : val_is_true(r);
}

Value krt_instance_new(KType* cls) {
    InstanceObject* o = instance_alloc(cls);
    if (!o) return raise_no_memory();
    return val(o);
}

// ---- generators ----

Value krt_yield_from_iter(Value iterable) {
    if (is_kind(iterable, Kind::Generator)) return iterable;
    return obj_getiter(iterable);
}

Value krt_send(Value sub, Value sent, Value* returned) {
    *returned = VAL_NONE;
    if (is_kind(sub, Kind::Generator)) return gen_resume(as<GeneratorObject>(sub), sent, VAL_NULL, returned);
    if (val_is_none(sent)) return iter_next(sub);
    Value r = call_method1(sub, S("send"), sent);
    if (val_is_null(r) && err_matches(T.e_StopIteration)) {
        Value e = err_fetch();
        auto* ex = as<ExceptionObject>(e);
        *returned = ex->args->size ? ex->args->items[0] : VAL_NONE;
    }
    return r;
}

// ---- exceptions ----

Value krt_handled_exc(void) { return vm.handled; }
Value krt_topmost_handled_exc(void) { return topmost_handled(); }
void krt_set_handled_exc(Value exc) { vm.handled = exc; }
void krt_do_raise(Value exc, Value cause) { do_raise(exc, cause); }
int krt_check_except_type(Value type) { return check_except_type(type); }
int krt_exc_matches(Value exc, Value type) { return exc_matches(exc, type); }
Value krt_assertion_error(void) { return val(T.e_AssertionError); }

int krt_enter_context(Value mgr, Value* exit_fn, Value* result) { return enter_context(mgr, exit_fn, result); }

Value krt_call_exit(Value exit_fn, Value exc) {
    if (val_is_null(exc)) {
        Value args[3] = {VAL_NONE, VAL_NONE, VAL_NONE};
        return obj_call(exit_fn, args, 3, nullptr);
    }
    Value args[3] = {val(type_of(exc)), exc, VAL_NONE};
    return obj_call(exit_fn, args, 3, nullptr);
}

// ---- unpacking and imports ----

int krt_unpack(Value seq, uint32_t before, int after, Value* out) {
    if (after < 0 && ((is_kind(seq, Kind::Tuple) && as<TupleObject>(seq)->size == before) ||
                      (is_kind(seq, Kind::List) && as<ListObject>(seq)->size == before))) {
        Value* items = is_kind(seq, Kind::Tuple) ? as<TupleObject>(seq)->items : as<ListObject>(seq)->items;
        for (uint32_t i = 0; i < before; i++) out[i] = items[before - 1 - i];
        return 1;
    }
    return unpack_iterable(seq, before, after, out);
}

Value krt_import_name(KStr* name, Value fromlist) { return import_module(name, fromlist); }
Value krt_import_from(Value module, KStr* name) { return import_from(module, name); }
int krt_import_star(KFrame* f, Value module) { return import_star(f, module); }

}  // extern "C"
