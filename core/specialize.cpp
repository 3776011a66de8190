// specialize.cpp — the specializer of tier 1 (PEP 659): given what a generic instruction sees now, choose the
// specialized family member whose guards will hold, fill its inline cache, and rewrite the opcode in place.
// Counters and statistics are described in specialize.h; the members and their cache layouts in
// instructions.def. A specializer never runs Python code and never raises: it only reads types and dicts.
//
// Cache words, counted from the instruction's first cache unit (instr[1]); every family keeps its counter in the
// first. A pointer takes two words (low half first), read back with CACHE64.
#include "specialize.h"

#include <algorithm>
#include <cstring>
#include <vector>
#include <string>

#include "containers.h"
#include "instr_api.h"
#include "slots.h"
#include "vm.h"

namespace krait {

FamilyStats g_family_stats[FAM__COUNT];
ExecutionStats g_exec_stats;
bool g_specialize = true;


namespace {

// Cache word k of the instruction (k = 0 is the counter).
inline uint32_t& cache(uint32_t* instr, int k) { return instr[1 + k]; }
inline void cache_ptr(uint32_t* instr, int k, uint64_t bits) {
    instr[1 + k] = static_cast<uint32_t>(bits);
    instr[2 + k] = static_cast<uint32_t>(bits >> 32);
}
inline void cache_ptr(uint32_t* instr, int k, const void* p) {
    cache_ptr(instr, k, static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p)));
}

// The family of the instruction at instr, whatever form it is in now.
inline int family_at(const uint32_t* instr) { return op_family[unit_op(instr[0])]; }

void count_attempt(const uint32_t* instr) {
    if (!vm.options.stats) return;
    FamilyStats& s = g_family_stats[family_at(instr)];
    s.attempts++;
    uint8_t current = unit_op(instr[0]);
    if (current != op_generic[current]) s.deopts++;  // a specialized form that missed until its counter ran out
}

// Rewrites the instruction into the specialized form `op` (its cache words were filled by the caller).
void succeed(uint32_t* instr, int op) {
    count_attempt(instr);
    if (vm.options.stats) {
        FamilyStats& s = g_family_stats[family_at(instr)];
        s.successes++;
        s.chosen[op]++;
    }
    instr[0] = make_unit(static_cast<uint8_t>(op), unit_arg(instr[0]));
    cache(instr, 0) = kCounterCooldown;
}

// Keeps (or puts back) the generic form and backs off exponentially before the next attempt.
void fail(uint32_t* instr, SpecFailure why) {
    uint8_t generic = op_generic[unit_op(instr[0])];
    count_attempt(instr);
    if (vm.options.stats) {
        FamilyStats& s = g_family_stats[family_at(instr)];
        s.failures++;
        s.failure_reasons[why]++;
    }
    instr[0] = make_unit(generic, unit_arg(instr[0]));
    uint32_t backoff = cache(instr, 0) & ((1u << kCounterShift) - 1);
    if (backoff < kMaxBackoff) backoff++;
    cache(instr, 0) = (((1u << backoff) - 1) << kCounterShift) | backoff;
}

// -X specialize=off: never specialize, and come back only every 2^28 runs.
bool disabled(uint32_t* instr) {
    if (g_specialize) return false;
    cache(instr, 0) = ~0u << kCounterShift | kMaxBackoff;
    return true;
}

// A Python function a call can enter with exactly `nargs` positional arguments and nothing else.
bool takes_exactly(FunctionObject* fn, uint32_t nargs) {
    CodeObject* c = fn->code;
    return !(c->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR)) && c->kwonlyargcount == 0 &&
           c->argcount == nargs;
}

bool has_slot_storage(Value o) { return is_kind(o, Kind::Instance) || is_kind(o, Kind::Exception); }

bool plain_getattr(TypeObject* t) { return t->getattr == T.t_object->getattr; }

// ---- attribute loads ----

// LOAD_ATTR / LOAD_METHOD on a module: the name is in the module's dict (which module_getattr reads first).
bool specialize_module_attr(uint32_t* instr, Value owner, StrObject* name, bool for_method) {
    DictObject* d = as<ModuleObject>(owner)->dict;
    int64_t ix = ht_find(&d->table, val(name), str_hash(name));
    if (ix < 0) return false;
    cache(instr, 1) = d->table.keys_version;
    cache(instr, 2) = static_cast<uint32_t>(ix);
    succeed(instr, for_method ? OP_LOAD_METHOD_MODULE : OP_LOAD_ATTR_MODULE);
    return true;
}

// LOAD_ATTR / LOAD_METHOD on a class object: the attribute needs no binding when read from the class.
void specialize_class_attr(uint32_t* instr, Value owner, StrObject* name, bool for_method) {
    TypeObject* cls = as<TypeObject>(owner);
    if (!val_is_null(type_lookup(T.t_type, name))) return fail(instr, SPEC_FAIL_DESCRIPTOR);  // type's own
    Value v = type_lookup(cls, name);
    if (val_is_null(v)) return fail(instr, SPEC_FAIL_NOT_FOUND);
    if (is_kind(v, Kind::StaticMethod)) {
        v = as<WrapperObject>(v)->func;
    } else if (!is_kind(v, Kind::Function) && type_of(v)->descr_get) {
        return fail(instr, SPEC_FAIL_DESCRIPTOR);  // classmethods bind, properties and natives may
    }
    cache(instr, 1) = cls->version;
    cache_ptr(instr, 5, v.bits);
    succeed(instr, for_method ? OP_LOAD_METHOD_CLASS : OP_LOAD_ATTR_CLASS);
}

void specialize_attr(uint32_t* instr, Value owner, StrObject* name, bool for_method) {
    if (!val_is_obj(owner)) return fail(instr, SPEC_FAIL_KIND);
    if (!name->interned) return fail(instr, SPEC_FAIL_OTHER);
    TypeObject* t = type_of(owner);
    if (t == T.t_module && specialize_module_attr(instr, owner, name, for_method)) return;
    if (t == T.t_type) return specialize_class_attr(instr, owner, name, for_method);
    if (!plain_getattr(t)) return fail(instr, SPEC_FAIL_GETATTR);
    Value descr = type_lookup(t, name);
    TypeObject* dt = val_is_null(descr) ? nullptr : type_of(descr);
    bool is_method = !val_is_null(descr) && (is_kind(descr, Kind::Function) ||
                                             (is_kind(descr, Kind::Native) && (as<NativeObject>(descr)->flags & NF_METHOD)));
    cache(instr, 1) = t->version;
    if (!has_slot_storage(owner)) {
        // Instances without attribute storage (list, str, dict ...): only methods found on the type.
        if (for_method && is_method) {
            cache_ptr(instr, 5, descr.bits);
            return succeed(instr, OP_LOAD_METHOD_NO_DICT);
        }
        return fail(instr, val_is_null(descr) ? SPEC_FAIL_NOT_FOUND : SPEC_FAIL_DESCRIPTOR);
    }
    auto* in = as<InstanceObject>(owner);
    if (!in->shape) return fail(instr, SPEC_FAIL_DICT_MODE);
    if (dt && dt->descr_set) {  // a data descriptor wins over the instance
        if (!for_method && is_kind(descr, Kind::Property) && is_kind(as<PropertyObject>(descr)->fget, Kind::Function)) {
            cache_ptr(instr, 5, as<PropertyObject>(descr)->fget.bits);
            return succeed(instr, OP_LOAD_ATTR_PROPERTY);
        }
        return fail(instr, SPEC_FAIL_DESCRIPTOR);
    }
    cache_ptr(instr, 2, in->shape);
    int index = shape_index(in->shape, name);
    if (index >= 0) {
        cache(instr, 4) = static_cast<uint32_t>(index);
        return succeed(instr, for_method ? OP_LOAD_METHOD_INSTANCE_VALUE : OP_LOAD_ATTR_INSTANCE_VALUE);
    }
    if (val_is_null(descr)) return fail(instr, SPEC_FAIL_NOT_FOUND);
    cache_ptr(instr, 5, descr.bits);
    if (for_method && is_method) return succeed(instr, OP_LOAD_METHOD_WITH_VALUES);
    if (!for_method && !dt->descr_get) return succeed(instr, OP_LOAD_ATTR_NONDESCRIPTOR);
    fail(instr, SPEC_FAIL_DESCRIPTOR);
}

// ---- calls ----

void specialize_call_type(uint32_t* instr, TypeObject* cls, Value self_or_null, uint32_t nargs) {
    if (!val_is_null(self_or_null)) return fail(instr, SPEC_FAIL_ARGS);
    if (!(cls->flags & TF_HEAPTYPE)) {
        if (cls == T.t_object || !cls->new_fn) return fail(instr, SPEC_FAIL_CALL_KIND);
        cache_ptr(instr, 1, val(cls).bits);
        return succeed(instr, OP_CALL_BUILTIN_CLASS);
    }
    // A class whose instances are plain objects made by object.__new__, with a Python __init__.
    if (cls->layout != Kind::Instance || cls->new_fn != T.t_object->new_fn) return fail(instr, SPEC_FAIL_METACLASS);
    Value new_fn = type_lookup(cls, intern("__new__"));
    if (new_fn.bits != type_lookup(T.t_object, intern("__new__")).bits) return fail(instr, SPEC_FAIL_METACLASS);
    Value init = type_lookup(cls, intern("__init__"));
    if (!is_kind(init, Kind::Function)) return fail(instr, SPEC_FAIL_CALL_KIND);
    if (!takes_exactly(as<FunctionObject>(init), nargs + 1)) return fail(instr, SPEC_FAIL_ARGS);
    cache(instr, 1) = cls->version;
    cache_ptr(instr, 2, init.bits);
    succeed(instr, OP_CALL_ALLOC_AND_ENTER_INIT);
}

}  // namespace

namespace {

void print_execution_stats(FILE* out) {
    uint64_t total = 0;
    for (int op = 0; op < OP__COUNT; op++) total += g_exec_stats.count[op];
    if (!total) return;
    std::vector<std::pair<uint64_t, int>> ops;
    for (int op = 0; op < OP__COUNT; op++)
        if (g_exec_stats.count[op]) ops.emplace_back(g_exec_stats.count[op], op);
    std::sort(ops.rbegin(), ops.rend());
    fprintf(out, "Instructions executed: %llu (top 20)\n", (unsigned long long)total);
    for (size_t i = 0; i < ops.size() && i < 20; i++)
        fprintf(out, "  %-32s %12llu %5.1f%%\n", op_names[ops[i].second], (unsigned long long)ops[i].first,
                100.0 * static_cast<double>(ops[i].first) / static_cast<double>(total));
    std::vector<std::pair<uint64_t, int>> pairs;
    for (int a = 0; a < OP__COUNT; a++)
        for (int b = 0; b < OP__COUNT; b++)
            if (g_exec_stats.pairs[a][b]) pairs.emplace_back(g_exec_stats.pairs[a][b], a * OP__COUNT + b);
    std::sort(pairs.rbegin(), pairs.rend());
    fprintf(out, "Consecutive pairs (top 15)\n");
    for (size_t i = 0; i < pairs.size() && i < 15; i++)
        fprintf(out, "  %-28s %-28s %12llu %5.1f%%\n", op_names[pairs[i].second / OP__COUNT],
                op_names[pairs[i].second % OP__COUNT], (unsigned long long)pairs[i].first,
                100.0 * static_cast<double>(pairs[i].first) / static_cast<double>(total));
}

}  // namespace

void print_specialization_stats(FILE* out) {
    fprintf(out, "Tier-1 specialization (-X stats)\n");
    fprintf(out, "%-16s %10s %9s %9s %12s %10s %8s %8s\n", "family", "attempts", "success", "failure", "hits",
            "misses", "deopts", "hit rate");
    static const char* const reasons[] = {
#define KRAIT_SPEC_FAILURE_TEXT(name, text) text,
        KRAIT_SPEC_FAILURES(KRAIT_SPEC_FAILURE_TEXT)
#undef KRAIT_SPEC_FAILURE_TEXT
    };
    for (int f = 0; f < FAM__COUNT; f++) {
        const FamilyStats& s = g_family_stats[f];
        uint64_t runs = s.hits + s.generic_runs;
        char rate[16] = "-";
        if (runs) snprintf(rate, sizeof rate, "%.1f%%", 100.0 * static_cast<double>(s.hits) / static_cast<double>(runs));
        fprintf(out, "%-16s %10llu %9llu %9llu %12llu %10llu %8llu %8s\n", family_names[f],
                (unsigned long long)s.attempts, (unsigned long long)s.successes, (unsigned long long)s.failures,
                (unsigned long long)s.hits, (unsigned long long)s.misses, (unsigned long long)s.deopts, rate);
        std::string chosen, failed;
        for (int op = 0; op < OP__COUNT; op++)
            if (s.chosen[op])
                chosen += (chosen.empty() ? "" : ", ") + std::string(op_names[op]) + " " + std::to_string(s.chosen[op]);
        for (int r = 0; r < SPEC_FAIL__COUNT; r++)
            if (s.failure_reasons[r])
                failed += (failed.empty() ? "" : ", ") + std::string(reasons[r]) + " " +
                          std::to_string(s.failure_reasons[r]);
        if (!chosen.empty()) fprintf(out, "    specialized: %s\n", chosen.c_str());
        if (!failed.empty()) fprintf(out, "    failures: %s\n", failed.c_str());
    }
    print_execution_stats(out);
    // Machine-readable counters for bench/run.py ("[stats] NAME VALUE").
    for (int f = 0; f < FAM__COUNT; f++) {
        const FamilyStats& s = g_family_stats[f];
        uint64_t runs = s.hits + s.generic_runs;
        if (!runs) continue;
        fprintf(out, "[stats] spec.%s.hit_rate %.1f\n", family_names[f],
                100.0 * static_cast<double>(s.hits) / static_cast<double>(runs));
        fprintf(out, "[stats] spec.%s.deopts %llu\n", family_names[f], (unsigned long long)s.deopts);
    }
}

}  // namespace krait

using namespace krait;

extern "C" {

void krt_specialize_load_global(uint32_t* instr, KDict* globals, KDict* builtins, KStr* name) {
    if (disabled(instr)) return;
    int64_t ix = ht_find(&globals->table, val(name), str_hash(name));
    cache(instr, 1) = globals->table.keys_version;
    if (ix >= 0) {
        cache(instr, 3) = static_cast<uint32_t>(ix);
        return succeed(instr, OP_LOAD_GLOBAL_MODULE);
    }
    ix = ht_find(&builtins->table, val(name), str_hash(name));
    if (ix < 0) return fail(instr, SPEC_FAIL_NOT_FOUND);
    cache(instr, 2) = builtins->table.keys_version;
    cache(instr, 3) = static_cast<uint32_t>(ix);
    succeed(instr, OP_LOAD_GLOBAL_BUILTIN);
}

void krt_specialize_load_attr(uint32_t* instr, Value owner, KStr* name, int for_method) {
    if (disabled(instr)) return;
    specialize_attr(instr, owner, name, for_method != 0);
}

void krt_specialize_store_attr(uint32_t* instr, Value owner, KStr* name) {
    if (disabled(instr)) return;
    if (!has_slot_storage(owner) || !name->interned) return fail(instr, SPEC_FAIL_KIND);
    TypeObject* t = type_of(owner);
    if (t->setattr != T.t_object->setattr) return fail(instr, SPEC_FAIL_GETATTR);
    auto* in = as<InstanceObject>(owner);
    if (!in->shape) return fail(instr, SPEC_FAIL_DICT_MODE);
    Value descr = type_lookup(t, name);
    if (!val_is_null(descr) && type_of(descr)->descr_set) return fail(instr, SPEC_FAIL_DESCRIPTOR);
    cache(instr, 1) = t->version;
    cache_ptr(instr, 2, in->shape);
    int index = shape_index(in->shape, name);
    if (index >= 0) {
        cache(instr, 4) = static_cast<uint32_t>(index);
        return succeed(instr, OP_STORE_ATTR_INSTANCE_VALUE);
    }
    Shape* next = shape_child(in->shape, name);
    cache(instr, 4) = next->index;
    cache_ptr(instr, 5, next);
    succeed(instr, OP_STORE_ATTR_INSTANCE_ADD);
}

void krt_specialize_binary_subscr(uint32_t* instr, Value container, Value sub) {
    if (disabled(instr)) return;
    if (krt_is_exact(container, T.t_list) && val_is_int(sub)) return succeed(instr, OP_BINARY_SUBSCR_LIST_INT);
    if (krt_is_exact(container, T.t_tuple) && val_is_int(sub)) return succeed(instr, OP_BINARY_SUBSCR_TUPLE_INT);
    if (krt_is_exact(container, T.t_str) && val_is_int(sub)) return succeed(instr, OP_BINARY_SUBSCR_STR_INT);
    if (krt_is_exact(container, T.t_dict)) return succeed(instr, OP_BINARY_SUBSCR_DICT);
    // An instance of a class defined in Python whose __getitem__ is a plain Python function.
    if (val_is_obj(container) && (type_of(container)->flags & TF_HEAPTYPE)) {
        TypeObject* t = type_of(container);
        Value getitem = type_lookup(t, intern("__getitem__"));
        if (!is_kind(getitem, Kind::Function)) return fail(instr, SPEC_FAIL_DESCRIPTOR);
        if (!takes_exactly(as<FunctionObject>(getitem), 2)) return fail(instr, SPEC_FAIL_ARGS);
        cache(instr, 1) = t->version;
        cache_ptr(instr, 2, getitem.bits);
        return succeed(instr, OP_BINARY_SUBSCR_GETITEM);
    }
    fail(instr, SPEC_FAIL_KIND);
}

void krt_specialize_store_subscr(uint32_t* instr, Value container, Value sub) {
    if (disabled(instr)) return;
    if (krt_is_exact(container, T.t_list) && val_is_int(sub)) return succeed(instr, OP_STORE_SUBSCR_LIST_INT);
    if (krt_is_exact(container, T.t_dict)) return succeed(instr, OP_STORE_SUBSCR_DICT);
    fail(instr, SPEC_FAIL_KIND);
}

void krt_specialize_binary_op(uint32_t* instr, Value lhs, Value rhs, uint32_t oparg) {
    if (disabled(instr)) return;
    BinOp op = static_cast<BinOp>(oparg & 15);
    if (val_is_int(lhs) && val_is_int(rhs)) {
        switch (op) {
            case BinOp::Add: return succeed(instr, OP_BINARY_OP_ADD_INT);
            case BinOp::Sub: return succeed(instr, OP_BINARY_OP_SUBTRACT_INT);
            case BinOp::Mul: return succeed(instr, OP_BINARY_OP_MULTIPLY_INT);
            case BinOp::FloorDiv: return succeed(instr, OP_BINARY_OP_FLOOR_DIVIDE_INT);
            case BinOp::Mod: return succeed(instr, OP_BINARY_OP_MODULO_INT);
            case BinOp::LShift: return succeed(instr, OP_BINARY_OP_LSHIFT_INT);
            case BinOp::RShift: return succeed(instr, OP_BINARY_OP_RSHIFT_INT);
            case BinOp::And: return succeed(instr, OP_BINARY_OP_AND_INT);
            case BinOp::Or: return succeed(instr, OP_BINARY_OP_OR_INT);
            case BinOp::Xor: return succeed(instr, OP_BINARY_OP_XOR_INT);
            case BinOp::TrueDiv: return succeed(instr, OP_BINARY_OP_TRUE_DIVIDE_NUMBER);
            default: return fail(instr, SPEC_FAIL_OPERATOR);
        }
    }
    if (val_is_float(lhs) && val_is_float(rhs)) {
        switch (op) {
            case BinOp::Add: return succeed(instr, OP_BINARY_OP_ADD_FLOAT);
            case BinOp::Sub: return succeed(instr, OP_BINARY_OP_SUBTRACT_FLOAT);
            case BinOp::Mul: return succeed(instr, OP_BINARY_OP_MULTIPLY_FLOAT);
            case BinOp::TrueDiv: return succeed(instr, OP_BINARY_OP_TRUE_DIVIDE_FLOAT);
            case BinOp::Pow: return succeed(instr, OP_BINARY_OP_POWER_FLOAT);
            default: return fail(instr, SPEC_FAIL_OPERATOR);
        }
    }
    if (val_is_number(lhs) && val_is_number(rhs)) {  // a float and an immediate int
        switch (op) {
            case BinOp::Add: return succeed(instr, OP_BINARY_OP_ADD_NUMBER);
            case BinOp::Sub: return succeed(instr, OP_BINARY_OP_SUBTRACT_NUMBER);
            case BinOp::Mul: return succeed(instr, OP_BINARY_OP_MULTIPLY_NUMBER);
            case BinOp::TrueDiv: return succeed(instr, OP_BINARY_OP_TRUE_DIVIDE_NUMBER);
            default: return fail(instr, SPEC_FAIL_OPERATOR);
        }
    }
    if (krt_is_exact(lhs, T.t_str) && krt_is_exact(rhs, T.t_str) && op == BinOp::Add)
        return succeed(instr, OP_BINARY_OP_ADD_STR);
    // Two instances of one class defined in Python with a Python method for the operator (and, for an in-place
    // operator, no in-place method: then the plain one is what runs).
    if (val_is_obj(lhs) && val_is_obj(rhs) && type_of(lhs) == type_of(rhs) && (type_of(lhs)->flags & TF_HEAPTYPE)) {
        TypeObject* t = type_of(lhs);
        bool inplace = (oparg & 16) != 0;
        Value method = type_lookup(t, binop_dunder(op, 0));
        if (!is_kind(method, Kind::Function)) return fail(instr, SPEC_FAIL_DESCRIPTOR);
        if (inplace && !val_is_null(type_lookup(t, binop_dunder(op, 2)))) return fail(instr, SPEC_FAIL_OPERATOR);
        cache(instr, 1) = t->version;
        cache_ptr(instr, 2, method.bits);
        return succeed(instr, OP_BINARY_OP_DUNDER);
    }
    fail(instr, SPEC_FAIL_KIND);
}

void krt_specialize_compare_op(uint32_t* instr, Value lhs, Value rhs, uint32_t oparg) {
    if (disabled(instr)) return;
    if (val_is_int(lhs) && val_is_int(rhs)) return succeed(instr, OP_COMPARE_OP_INT);
    if (val_is_float(lhs) && val_is_float(rhs)) return succeed(instr, OP_COMPARE_OP_FLOAT);
    if (krt_is_exact(lhs, T.t_str) && krt_is_exact(rhs, T.t_str)) {
        if ((oparg & 15) == KRT_CMP_EQ || (oparg & 15) == KRT_CMP_NE) return succeed(instr, OP_COMPARE_OP_STR);
        return fail(instr, SPEC_FAIL_OPERATOR);
    }
    fail(instr, SPEC_FAIL_KIND);
}

void krt_specialize_contains_op(uint32_t* instr, Value container) {
    if (disabled(instr)) return;
    if (krt_is_exact(container, T.t_dict)) return succeed(instr, OP_CONTAINS_OP_DICT);
    if (krt_is_exact(container, T.t_set) || krt_is_exact(container, T.t_frozenset)) return succeed(instr, OP_CONTAINS_OP_SET);
    fail(instr, SPEC_FAIL_KIND);
}

void krt_specialize_to_bool(uint32_t* instr, Value value) {
    if (disabled(instr)) return;
    if (val_is_bool(value)) return succeed(instr, OP_TO_BOOL_BOOL);
    if (val_is_int(value)) return succeed(instr, OP_TO_BOOL_INT);
    if (val_is_none(value)) return succeed(instr, OP_TO_BOOL_NONE);
    if (krt_is_exact(value, T.t_list)) return succeed(instr, OP_TO_BOOL_LIST);
    if (krt_is_exact(value, T.t_str)) return succeed(instr, OP_TO_BOOL_STR);
    if (is_kind(value, Kind::Instance)) {
        TypeObject* t = type_of(value);
        if (!t->truth && !t->length && val_is_null(type_lookup(t, intern("__bool__"))) &&
            val_is_null(type_lookup(t, intern("__len__")))) {
            cache(instr, 1) = t->version;
            return succeed(instr, OP_TO_BOOL_ALWAYS_TRUE);
        }
    }
    fail(instr, SPEC_FAIL_KIND);
}

void krt_specialize_for_iter(uint32_t* instr, Value iter) {
    if (disabled(instr)) return;
    if (krt_is_exact(iter, t_range_iterator) && as<IterObject>(iter)->next == range_iter_next)
        return succeed(instr, OP_FOR_ITER_RANGE);
    if (krt_is_exact(iter, t_list_iterator)) return succeed(instr, OP_FOR_ITER_LIST);
    if (krt_is_exact(iter, t_tuple_iterator)) return succeed(instr, OP_FOR_ITER_TUPLE);
    if (krt_is_exact(iter, T.t_generator)) return succeed(instr, OP_FOR_ITER_GEN);
    fail(instr, SPEC_FAIL_KIND);
}

void krt_specialize_call(uint32_t* instr, Value callable, Value self_or_null, uint32_t nargs) {
    if (disabled(instr)) return;
    uint32_t with_self = val_is_null(self_or_null) ? 0 : 1;
    if (is_kind(callable, Kind::Function)) {
        auto* fn = as<FunctionObject>(callable);
        if (fn->code->flags & CO_GENERATOR) return fail(instr, SPEC_FAIL_GENERATOR);
        cache(instr, 1) = fn->version;
        if (takes_exactly(fn, nargs + with_self)) return succeed(instr, OP_CALL_PY_EXACT_ARGS);
        return succeed(instr, OP_CALL_PY_GENERAL);
    }
    if (is_kind(callable, Kind::BoundMethod) && !with_self) {
        Value func = as<BoundMethodObject>(callable)->func;
        if (!is_kind(func, Kind::Function)) return fail(instr, SPEC_FAIL_CALL_KIND);
        auto* fn = as<FunctionObject>(func);
        if (!takes_exactly(fn, nargs + 1)) return fail(instr, SPEC_FAIL_ARGS);
        cache(instr, 1) = fn->version;
        return succeed(instr, OP_CALL_BOUND_METHOD_EXACT_ARGS);
    }
    if (is_kind(callable, Kind::Native)) {
        if (!with_self && callable.bits == krt_builtin_len.bits && nargs == 1) return succeed(instr, OP_CALL_LEN);
        if (!with_self && callable.bits == krt_builtin_isinstance.bits && nargs == 2)
            return succeed(instr, OP_CALL_ISINSTANCE);
        return succeed(instr, OP_CALL_BUILTIN);
    }
    if (krt_is_exact(callable, T.t_type)) return specialize_call_type(instr, as<TypeObject>(callable), self_or_null, nargs);
    fail(instr, SPEC_FAIL_CALL_KIND);
}

void krt_specialize_unpack_sequence(uint32_t* instr, Value seq) {
    if (disabled(instr)) return;
    uint32_t n = unit_arg(instr[0]);
    if (krt_is_exact(seq, T.t_tuple)) {
        if (as<TupleObject>(seq)->size != n) return fail(instr, SPEC_FAIL_ARGS);
        return succeed(instr, n == 2 ? OP_UNPACK_SEQUENCE_TWO_TUPLE : OP_UNPACK_SEQUENCE_TUPLE);
    }
    if (krt_is_exact(seq, T.t_list)) {
        if (as<ListObject>(seq)->size != n) return fail(instr, SPEC_FAIL_ARGS);
        return succeed(instr, OP_UNPACK_SEQUENCE_LIST);
    }
    fail(instr, SPEC_FAIL_KIND);
}

}  // extern "C"
