// list_methods.cpp — the slots and methods of list and tuple, their iterators, and list.sort.
//
// Used by: every Python program (via the slots installed in init_list_methods, exposed as dunders by
// add_slot_wrappers) and by builtins.sorted, which calls list.sort. The primitives these build on
// (list_append, list_reserve, tuple_new ...) live in containers.cpp. Any comparison, hash or repr of an item
// may run Python code and hence collect garbage: items held across such calls are rooted, and list sizes are
// re-read after each call because the list may have been mutated.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slice.h"
#include "recursion_guard.h"

namespace krait {

TypeObject* t_list_iterator;
TypeObject* t_tuple_iterator;

namespace {

StrObject* s_init;  // "__init__"
StrObject* s_index; // "__index__"
TypeObject* t_list_reverseiterator;

// ---- helpers shared by list and tuple ----

inline size_t seq_size(Value v) {
    return is_kind(v, Kind::List) ? as<ListObject>(v)->size : as<TupleObject>(v)->size;
}
inline Value* seq_items(Value v) {
    return is_kind(v, Kind::List) ? as<ListObject>(v)->items : as<TupleObject>(v)->items;
}

// A wrapped method rejects a missing or foreign self (list.append(5, 1)) before the body casts args[0].
Value bad_self(size_t nargs, Value* args, const char* tname) {
    if (nargs == 0) return raise(T.e_TypeError, "unbound method of '%s' objects needs an argument", tname);
    return raise(T.e_TypeError, "descriptor for '%s' objects doesn't apply to a '%s' object", tname,
                 type_name(args[0]));
}
template <NativeFn F>
Value LM(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !is_kind(args[0], Kind::List)) return bad_self(nargs, args, "list");
    return F(args, nargs, kw);
}
template <NativeFn F>
Value TM(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !is_kind(args[0], Kind::Tuple)) return bad_self(nargs, args, "tuple");
    return F(args, nargs, kw);
}

// True when cls (a subclass of a built-in type) has an __init__ written in Python: then, as in CPython, the
// built-in constructor leaves the arguments to that __init__.
bool has_python_init(TypeObject* cls) {
    TupleObject* mro = cls->mro;
    for (size_t i = 0; i < mro->size; i++) {
        TypeObject* c = as<TypeObject>(mro->items[i]);
        if (!val_is_null(dict_get_str(c->dict, s_init))) return (c->flags & TF_HEAPTYPE) != 0;
    }
    return false;
}

// Repeat count for `seq * n`: 1 and *n set for an int or __index__ object, 0 for other types (no exception),
// -1 on error ("cannot fit 'int' into an index-sized integer").
int repeat_count(Value v, int64_t* n) {
    if (val_is_int(v)) {
        *n = val_int(v);
        return 1;
    }
    if (val_is_bool(v)) {
        *n = val_is_true(v);
        return 1;
    }
    if (is_kind(v, Kind::BigInt)) {
        const BigInt& b = as<BigIntObject>(v)->value;
        if (big_fits_int64(b)) {
            *n = big_to_int64(b);
            return 1;
        }
        if (!b.neg) {
            raise(T.e_OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        *n = 0;
        return 1;
    }
    if (!val_is_obj(v) || val_is_null(type_lookup(type_of(v), s_index))) return 0;
    return index_of(v, n) ? 1 : -1;
}

// Lists, dicts and sets are unhashable; an explicit slot keeps object's hash from being inherited.
bool unhashable(Value self, int64_t*) {
    raise(T.e_TypeError, "unhashable type: '%s'", type_name(self));
    return false;
}

// When `seq * other` is unsupported by the sequence, the other operand's reflected method still gets its
// chance before the sequence reports its own error (CPython tries nb_add/nb_multiply before
// sq_concat/sq_repeat).
Value try_reflected(Value self, Value other, BinOpT op) {
    TypeObject* ot = type_of(other);
    if (!ot->binop || ot == type_of(self)) return g_not_implemented;
    return ot->binop(other, self, op, true);
}

Value repeat_error(Value self, Value other, BinOpT op, bool reflected) {
    if (!reflected) {
        Value r = try_reflected(self, other, op);
        if (!val_same(r, g_not_implemented)) return r;
    }
    return raise(T.e_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(other));
}

// Lexicographic comparison of two lists or two tuples, CPython's list_richcompare / tuplerichcompare: the
// first unequal pair decides, else the lengths. Items are re-read each step since __eq__ may mutate a list.
Value seq_richcompare(Value a, Value b, CmpOpT op) {
    if ((op == CmpOpT::EQ || op == CmpOpT::NE) && seq_size(a) != seq_size(b))
        return val_from_bool(op == CmpOpT::NE);
    DepthGuard depth(" in comparison");
    if (!depth.ok) return VAL_NULL;
    size_t i = 0;
    for (;; i++) {
        if (i >= seq_size(a) || i >= seq_size(b)) break;
        Value x = seq_items(a)[i], y = seq_items(b)[i];
        if (val_same(x, y)) continue;
        Root rx(x), ry(y);
        int eq = obj_eq(x, y);
        if (eq < 0) return VAL_NULL;
        if (!eq) break;
    }
    size_t na = seq_size(a), nb = seq_size(b);
    if (i >= na || i >= nb) {
        bool r = false;
        switch (op) {
        case CmpOpT::LT: r = na < nb; break;
        case CmpOpT::LE: r = na <= nb; break;
        case CmpOpT::EQ: r = na == nb; break;
        case CmpOpT::NE: r = na != nb; break;
        case CmpOpT::GT: r = na > nb; break;
        case CmpOpT::GE: r = na >= nb; break;
        }
        return val_from_bool(r);
    }
    if (op == CmpOpT::EQ) return VAL_FALSE;
    if (op == CmpOpT::NE) return VAL_TRUE;
    Value x = seq_items(a)[i], y = seq_items(b)[i];
    Root rx(x), ry(y);
    return obj_compare(x, y, op);
}

// Position of the first item equal to v in [start, stop), -1 when absent, -2 on error.
int64_t seq_find(Value seq, Value v, int64_t start, int64_t stop) {
    Root rv(v);
    for (int64_t i = start; i < stop && i < (int64_t)seq_size(seq); i++) {
        Value x = seq_items(seq)[i];
        if (val_same(x, v)) return i;
        Root rx(x);
        int eq = obj_eq(x, v);
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}

Value seq_count(Value seq, Value v) {
    Root rv(v);
    int64_t n = 0;
    for (size_t i = 0; i < seq_size(seq); i++) {
        Value x = seq_items(seq)[i];
        if (val_same(x, v)) {
            n++;
            continue;
        }
        Root rx(x);
        int eq = obj_eq(x, v);
        if (eq < 0) return VAL_NULL;
        n += eq;
    }
    return int_from_i64(n);
}

int seq_contains(Value self, Value v) {
    int64_t i = seq_find(self, v, 0, INT64_MAX);
    return i == -2 ? -1 : i >= 0;
}

// A start/stop argument of index(): an int (huge ones clamp) or __index__ object, made non-negative.
bool index_bound(Value v, int64_t size, int64_t* out) {
    int64_t x;
    if (is_kind(v, Kind::BigInt)) {
        x = as<BigIntObject>(v)->value.neg ? INT64_MIN : INT64_MAX;
    } else if (val_is_int(v) || val_is_bool(v) ||
               (val_is_obj(v) && !val_is_null(type_lookup(type_of(v), s_index)))) {
        if (!index_of(v, &x)) return false;
    } else {
        raise(T.e_TypeError, "slice indices must be integers or have an __index__ method");
        return false;
    }
    if (x < 0) {
        x += size;
        if (x < 0) x = 0;
    }
    *out = x;
    return true;
}

// index(x[, start[, stop]]) for lists and tuples; `missing` formats the ValueError.
Value seq_index_method(Value* args, size_t nargs, bool is_list) {
    if (!args_between("index", nargs - 1, 1, 3)) return VAL_NULL;
    Value self = args[0];
    int64_t size = (int64_t)seq_size(self), start = 0, stop = INT64_MAX;
    if (nargs > 2 && !index_bound(args[2], size, &start)) return VAL_NULL;
    if (nargs > 3 && !index_bound(args[3], size, &stop)) return VAL_NULL;
    int64_t i = seq_find(self, args[1], start, stop);
    if (i == -2) return VAL_NULL;
    if (i >= 0) return int_from_i64(i);
    if (!is_list) return raise(T.e_ValueError, "tuple.index(x): x not in tuple");
    Value r = obj_repr(args[1]);
    if (val_is_null(r)) return VAL_NULL;
    std::string rep(str_view(r));
    return raise(T.e_ValueError, "%s is not in list", rep.c_str());
}

// Items selected by a resolved slice, copied into `out`.
void gather_slice(const Value* items, int64_t start, int64_t step, int64_t n, Value* out) {
    for (int64_t k = 0; k < n; k++) out[k] = items[start + k * step];
}

// ---- list ----

ListObject* list_alloc(TypeObject* cls) {
    if (cls == T.t_list) return list_new(0);
    ListObject* l = gc_new<ListObject>(cls, Kind::List);
    if (!l) raise_no_memory();
    return l;
}

Value list_repr(Value self) {
    if (as<ListObject>(self)->size == 0) return str_new("[]");
    ReprGuard guard(self);
    if (guard.recursive) return str_new("[...]");
    DepthGuard depth(" while getting the repr of an object");
    if (!depth.ok) return VAL_NULL;
    std::string out = "[";
    for (size_t i = 0; i < as<ListObject>(self)->size; i++) {
        Value r = obj_repr(as<ListObject>(self)->items[i]);
        if (val_is_null(r)) return VAL_NULL;
        if (i) out += ", ";
        out += str_view(r);
    }
    out += ']';
    return str_new(out);
}

Value list_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_kind(other, Kind::List)) return g_not_implemented;
    return seq_richcompare(self, other, op);
}

Value list_concat(Value a, Value b) {
    ListObject* x = as<ListObject>(a);
    ListObject* y = as<ListObject>(b);
    ListObject* r = list_new(x->size + y->size);
    if (!r) return VAL_NULL;
    if (x->size) memcpy(r->items, x->items, x->size * sizeof(Value));
    if (y->size) memcpy(r->items + x->size, y->items, y->size * sizeof(Value));
    r->size = x->size + y->size;
    return val(r);
}

// No list or tuple may exceed this many items (2**40 bytes of Values): larger requests are refused with
// MemoryError before anything is allocated, as no machine (and no sanitizer's allocator) can serve them.
constexpr uint64_t kMaxItems =
    (SIZE_MAX / 2 < (uint64_t(1) << 40) ? SIZE_MAX / 2 : uint64_t(1) << 40) / sizeof(Value); // wasm32: 2**28

// Refuses repeat results whose item count is absurd (MemoryError before any allocation).
bool repeat_size(size_t size, int64_t n, size_t* out) {
    if (n <= 0 || size == 0) {
        *out = 0;
        return true;
    }
    if ((uint64_t)n > kMaxItems / size) {
        raise_no_memory();
        return false;
    }
    *out = size * (size_t)n;
    return true;
}

void fill_repeat(Value* dst, const Value* src, size_t size, size_t total) {
    if (size == 1) {
        std::fill(dst, dst + total, src[0]);
        return;
    }
    for (size_t k = 0; k < total; k += size) memcpy(dst + k, src, size * sizeof(Value));
}

Value list_repeat(Value self, int64_t n) {
    ListObject* l = as<ListObject>(self);
    size_t total;
    if (!repeat_size(l->size, n, &total)) return VAL_NULL;
    ListObject* r = list_new(total);
    if (!r) return VAL_NULL;
    if (total) fill_repeat(r->items, l->items, l->size, total);
    r->size = total;
    return val(r);
}

Value list_binop(Value self, Value other, BinOpT op, bool reflected) {
    if (op == BinOpT::Add) {
        if (is_kind(other, Kind::List))
            return reflected ? list_concat(other, self) : list_concat(self, other);
        return g_not_implemented; // binary_op reports 'can only concatenate list (not "x") to list'
    }
    if (op == BinOpT::Mul) {
        int64_t n;
        int k = repeat_count(other, &n);
        if (k < 0) return VAL_NULL;
        if (k == 0) return repeat_error(self, other, op, reflected);
        return list_repeat(self, n);
    }
    return g_not_implemented;
}

// l += iterable extends in place; l *= n repeats in place.
Value list_inplace(Value self, Value other, BinOpT op) {
    ListObject* l = as<ListObject>(self);
    if (op == BinOpT::Add) return list_extend(l, other) ? self : VAL_NULL;
    if (op != BinOpT::Mul) return g_not_implemented;
    int64_t n;
    int k = repeat_count(other, &n);
    if (k < 0) return VAL_NULL;
    if (k == 0) return repeat_error(self, other, op, false);
    size_t total;
    if (!repeat_size(l->size, n, &total)) return VAL_NULL;
    if (total == 0) {
        l->size = 0;
        return self;
    }
    if (!list_reserve(l, total)) return VAL_NULL;
    for (size_t k2 = l->size; k2 < total; k2 += l->size)
        memcpy(l->items + k2, l->items, l->size * sizeof(Value));
    l->size = total;
    return self;
}

Value list_getitem(Value self, Value key) {
    ListObject* l = as<ListObject>(self);
    int64_t i;
    switch (seq_key(key, &i)) {
    case SeqKey::Index:
        if (!seq_normalize(&i, (int64_t)l->size)) return raise(T.e_IndexError, "list index out of range");
        return l->items[i];
    case SeqKey::Slice: {
        int64_t start, stop, step, n;
        if (!slice_indices(key, (int64_t)l->size, &start, &stop, &step, &n)) return VAL_NULL;
        if (step == 1) return list_from_array(l->items + start, (size_t)n);
        ListObject* r = list_new((size_t)n);
        if (!r) return VAL_NULL;
        gather_slice(l->items, start, step, n, r->items);
        r->size = (size_t)n;
        return val(r);
    }
    case SeqKey::BadType:
        return raise(T.e_TypeError, "list indices must be integers or slices, not %s", type_name(key));
    case SeqKey::Error: break;
    }
    return VAL_NULL;
}

// Removes n items starting at `start` (contiguous).
void list_remove_range(ListObject* l, size_t start, size_t n) {
    if (!n) return;
    memmove(l->items + start, l->items + start + n, (l->size - start - n) * sizeof(Value));
    l->size -= n;
}

// del l[start::step] for a resolved extended slice of n items.
void list_delete_extended(ListObject* l, int64_t start, int64_t step, int64_t n) {
    if (step < 0) { // walk it forwards
        start += (n - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    int64_t next_del = start, removed = 0;
    for (size_t r = (size_t)start; r < l->size; r++) {
        if (removed < n && (int64_t)r == next_del) {
            removed++;
            next_del += step;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->size = w;
}

// The values of an assigned iterable, snapshotted (a[:] = a reads the list being replaced).
bool snapshot_items(Value v, RootVec* out, bool extended) {
    if (is_kind(v, Kind::List) || is_kind(v, Kind::Tuple)) {
        out->items.assign(seq_items(v), seq_items(v) + seq_size(v));
        return true;
    }
    Value it = obj_getiter(v);
    if (val_is_null(it)) {
        if (err_matches(T.e_TypeError)) {
            err_clear();
            raise(T.e_TypeError,
                  extended ? "must assign iterable to extended slice" : "can only assign an iterable");
        }
        return false;
    }
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return !err_occurred();
        out->items.push_back(x);
    }
}

bool list_assign_slice(Value self, Value key, Value v) {
    ListObject* l = as<ListObject>(self);
    int64_t start, stop, step, n;
    if (!slice_indices(key, (int64_t)l->size, &start, &stop, &step, &n)) return false;
    if (val_is_null(v)) {
        if (step == 1)
            list_remove_range(l, (size_t)start, (size_t)n);
        else if (n > 0)
            list_delete_extended(l, start, step, n);
        return true;
    }
    RootVec src;
    if (!snapshot_items(v, &src, step != 1)) return false;
    size_t m = src.items.size();
    // The iterable may have run Python code that resized the list: resolve the slice again.
    if (!slice_indices(key, (int64_t)l->size, &start, &stop, &step, &n)) return false;
    if (step != 1) {
        if ((int64_t)m != n) {
            raise(T.e_ValueError, "attempt to assign sequence of size %zu to extended slice of size %lld", m,
                  (long long)n);
            return false;
        }
        for (int64_t k = 0; k < n; k++) l->items[start + k * step] = src.items[(size_t)k];
        return true;
    }
    size_t old = l->size, s0 = (size_t)start, cut = (size_t)n;
    if (m > cut && !list_reserve(l, old - cut + m)) return false;
    if (old - s0 - cut) memmove(l->items + s0 + m, l->items + s0 + cut, (old - s0 - cut) * sizeof(Value));
    if (m) memcpy(l->items + s0, src.items.data(), m * sizeof(Value));
    l->size = old - cut + m;
    return true;
}

bool list_setitem(Value self, Value key, Value v) {
    ListObject* l = as<ListObject>(self);
    int64_t i;
    switch (seq_key(key, &i)) {
    case SeqKey::Index:
        if (!seq_normalize(&i, (int64_t)l->size)) {
            raise(T.e_IndexError, "list assignment index out of range");
            return false;
        }
        if (val_is_null(v))
            list_remove_range(l, (size_t)i, 1);
        else
            l->items[i] = v;
        return true;
    case SeqKey::Slice: return list_assign_slice(self, key, v);
    case SeqKey::BadType:
        raise(T.e_TypeError, "list indices must be integers or slices, not %s", type_name(key));
        return false;
    case SeqKey::Error: break;
    }
    return false;
}

bool list_len(Value self, int64_t* out) {
    *out = (int64_t)as<ListObject>(self)->size;
    return true;
}

int list_truth(Value self) {
    return as<ListObject>(self)->size != 0;
}

// list_iterator / tuple_iterator: `index` is the next position; `src` is released (VAL_NULL) when exhausted.
Value seq_iter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    if (it->index < (int64_t)seq_size(it->src)) return seq_items(it->src)[it->index++];
    it->src = VAL_NULL;
    return VAL_NULL;
}

// list_reverseiterator: `index` counts down to 0.
Value list_reviter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    ListObject* l = as<ListObject>(it->src);
    if (it->index >= 0 && it->index < (int64_t)l->size) return l->items[it->index--];
    it->src = VAL_NULL;
    return VAL_NULL;
}

Value list_iter(Value self) {
    return make_iter(t_list_iterator, seq_iter_next, self, VAL_NULL, 0, 0, 1);
}

Value list_new_fn(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    if (cls == T.t_list || !has_python_init(cls)) {
        if (kwnames && kwnames->size) return raise(T.e_TypeError, "list() takes no keyword arguments");
        if (!args_between("list", nargs, 0, 1)) return VAL_NULL;
    } else {
        nargs = 0; // the class's own __init__ receives the arguments
    }
    if (nargs == 1 && cls == T.t_list) return list_from_iterable(args[0]);
    ListObject* l = list_alloc(cls);
    if (!l) return VAL_NULL;
    Value lv = val(l);
    Root rl(lv);
    if (nargs == 1 && !list_extend(l, args[0])) return VAL_NULL;
    return lv;
}

// ---- list methods ----

Value list_m_append(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("list.append", nargs - 1)) return VAL_NULL;
    return list_append(as<ListObject>(args[0]), args[1]) ? VAL_NONE : VAL_NULL;
}

Value list_m_extend(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("list.extend", nargs - 1)) return VAL_NULL;
    return list_extend(as<ListObject>(args[0]), args[1]) ? VAL_NONE : VAL_NULL;
}

Value list_m_insert(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("insert", nargs - 1, 2, 2)) return VAL_NULL;
    int64_t i;
    if (!index_of(args[1], &i)) return VAL_NULL;
    return list_insert(as<ListObject>(args[0]), i, args[2]) ? VAL_NONE : VAL_NULL;
}

Value list_m_pop(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("pop", nargs - 1, 0, 1)) return VAL_NULL;
    ListObject* l = as<ListObject>(args[0]);
    int64_t i = -1;
    if (nargs == 2 && !index_of(args[1], &i)) return VAL_NULL;
    if (l->size == 0) return raise(T.e_IndexError, "pop from empty list");
    if (!seq_normalize(&i, (int64_t)l->size)) return raise(T.e_IndexError, "pop index out of range");
    Value v = l->items[i];
    list_remove_range(l, (size_t)i, 1);
    return v;
}

Value list_m_remove(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("list.remove", nargs - 1)) return VAL_NULL;
    int64_t i = seq_find(args[0], args[1], 0, INT64_MAX);
    if (i == -2) return VAL_NULL;
    if (i < 0) return raise(T.e_ValueError, "list.remove(x): x not in list");
    list_remove_range(as<ListObject>(args[0]), (size_t)i, 1);
    return VAL_NONE;
}

Value list_m_index(Value* args, size_t nargs, TupleObject*) {
    return seq_index_method(args, nargs, true);
}

Value list_m_count(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("list.count", nargs - 1)) return VAL_NULL;
    return seq_count(args[0], args[1]);
}

Value list_m_reverse(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("list.reverse", nargs - 1)) return VAL_NULL;
    ListObject* l = as<ListObject>(args[0]);
    std::reverse(l->items, l->items + l->size);
    return VAL_NONE;
}

Value list_m_copy(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("list.copy", nargs - 1)) return VAL_NULL;
    ListObject* l = as<ListObject>(args[0]);
    return list_from_array(l->items, l->size);
}

Value list_m_clear(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("list.clear", nargs - 1)) return VAL_NULL;
    ListObject* l = as<ListObject>(args[0]);
    gc_buffer_free(l->items, l->capacity * sizeof(Value));
    l->items = nullptr;
    l->size = l->capacity = 0;
    return VAL_NONE;
}

Value list_m_reversed(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("list.__reversed__", nargs - 1)) return VAL_NULL;
    int64_t last = (int64_t)as<ListObject>(args[0])->size - 1;
    return make_iter(t_list_reverseiterator, list_reviter_next, args[0], VAL_NULL, last, 0, -1);
}

// list.__init__(iterable=()): reached through super().__init__(...) from a subclass's __init__.
Value list_m_init(Value* args, size_t nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->size) return raise(T.e_TypeError, "list() takes no keyword arguments");
    if (!args_between("list", nargs - 1, 0, 1)) return VAL_NULL;
    ListObject* l = as<ListObject>(args[0]);
    l->size = 0;
    if (nargs == 2 && !list_extend(l, args[1])) return VAL_NULL;
    return VAL_NONE;
}

// ---- list.sort: a stable bottom-up merge sort over item indices ----

enum class SortMode { Generic, Int, Float, Str };

SortMode sort_mode(const std::vector<Value>& keys) {
    bool ints = true, floats = true, strs = true;
    for (Value k : keys) {
        ints = ints && val_is_int(k);
        floats = floats && val_is_float(k);
        strs = strs && val_is_obj(k) && type_of(k) == T.t_str;
        if (!ints && !floats && !strs) break;
    }
    return ints ? SortMode::Int : floats ? SortMode::Float : strs ? SortMode::Str : SortMode::Generic;
}

// a < b for sort keys: 1, 0, or -1 on error. The homogeneous modes cannot run Python code.
inline int key_less(Value a, Value b, SortMode m) {
    switch (m) {
    case SortMode::Int: return val_int(a) < val_int(b);
    case SortMode::Float: return val_float(a) < val_float(b);
    case SortMode::Str: return str_compare(as<StrObject>(a), as<StrObject>(b)) < 0;
    case SortMode::Generic: break;
    }
    return obj_compare_bool(a, b, CmpOpT::LT);
}

// Sorts idx by keys[idx[i]]; insertion sort on runs of kRun, then merges of doubling width that are skipped
// when the two halves are already in order (so sorted input costs O(n) comparisons). False on error.
bool merge_sort(const std::vector<Value>& keys, std::vector<uint32_t>& idx, SortMode m) {
    const size_t kRun = 32, n = idx.size();
    for (size_t lo = 0; lo < n; lo += kRun) {
        size_t hi = std::min(lo + kRun, n);
        for (size_t i = lo + 1; i < hi; i++) {
            uint32_t x = idx[i];
            size_t j = i;
            for (; j > lo; j--) {
                int lt = key_less(keys[x], keys[idx[j - 1]], m);
                if (lt < 0) return false;
                if (!lt) break;
                idx[j] = idx[j - 1];
            }
            idx[j] = x;
        }
    }
    std::vector<uint32_t> tmp(n);
    for (size_t width = kRun; width < n; width *= 2) {
        for (size_t lo = 0; lo + width < n; lo += 2 * width) {
            size_t mid = lo + width, hi = std::min(lo + 2 * width, n);
            int lt = key_less(keys[idx[mid]], keys[idx[mid - 1]], m);
            if (lt < 0) return false;
            if (!lt) continue;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                int c = key_less(keys[idx[j]], keys[idx[i]], m);
                if (c < 0) return false;
                tmp[k++] = c ? idx[j++] : idx[i++];
            }
            while (i < mid) tmp[k++] = idx[i++];
            while (j < hi) tmp[k++] = idx[j++];
            std::copy(tmp.begin() + lo, tmp.begin() + hi, idx.begin() + lo);
        }
    }
    return true;
}

// Computes the key of every item; false on error.
bool compute_keys(Value keyfn, const std::vector<Value>& items, RootVec* keys) {
    keys->items.reserve(items.size());
    for (Value x : items) {
        Value k = call1(keyfn, x);
        if (val_is_null(k)) return false;
        keys->items.push_back(k);
    }
    return true;
}

bool sort_flag(Value v, bool* out) {
    if (val_is_null(v)) return true;
    int64_t x;
    if (!to_int64(v, &x, "reverse")) return false;
    *out = x != 0;
    return true;
}

// While sorting, the list appears empty (as in CPython) and its items live in a RootVec; a list that was
// changed by a key function or comparison gets the sorted items back and raises ValueError.
Value list_m_sort(Value* args, size_t nargs, TupleObject* kwnames) {
    size_t nkw = kwnames ? kwnames->size : 0;
    if (nargs - 1 > nkw) return raise(T.e_TypeError, "sort() takes no positional arguments");
    Value opts[2];
    if (!bind_args("sort", args + 1, nargs - 1, kwnames, {"key", "reverse"}, 0, opts)) return VAL_NULL;
    bool reverse = false;
    if (!sort_flag(opts[1], &reverse)) return VAL_NULL;
    Value keyfn = val_is_null(opts[0]) || val_is_none(opts[0]) ? VAL_NULL : opts[0];
    ListObject* l = as<ListObject>(args[0]);
    RootVec items;
    items.items.assign(l->items, l->items + l->size);
    Value* saved_items = l->items;
    size_t saved_cap = l->capacity, n = l->size;
    l->size = 0;
    RootVec keyvec;
    bool ok = val_is_null(keyfn) || compute_keys(keyfn, items.items, &keyvec);
    const std::vector<Value>& keys = val_is_null(keyfn) ? items.items : keyvec.items;
    std::vector<uint32_t> idx(n);
    for (size_t i = 0; i < n; i++) idx[i] = (uint32_t)(reverse ? n - 1 - i : i);
    if (ok && n > 1) ok = merge_sort(keys, idx, sort_mode(keys));
    if (ok && reverse) std::reverse(idx.begin(), idx.end());
    bool modified = l->size != 0 || l->items != saved_items || l->capacity != saved_cap;
    if (!list_reserve(l, n)) return VAL_NULL;
    for (size_t i = 0; i < n; i++) l->items[i] = items.items[ok ? idx[i] : i];
    l->size = n;
    if (!ok) return VAL_NULL;
    if (modified) return raise(T.e_ValueError, "list modified during sort");
    return VAL_NONE;
}

const MethodDef list_methods[] = {
    {"append", LM<list_m_append>, NF_NOKW}, {"extend", LM<list_m_extend>, NF_NOKW},
    {"insert", LM<list_m_insert>, NF_NOKW}, {"pop", LM<list_m_pop>, NF_NOKW},
    {"remove", LM<list_m_remove>, NF_NOKW}, {"index", LM<list_m_index>, NF_NOKW},
    {"count", LM<list_m_count>, NF_NOKW},   {"reverse", LM<list_m_reverse>, NF_NOKW},
    {"copy", LM<list_m_copy>, NF_NOKW},     {"clear", LM<list_m_clear>, NF_NOKW},
    {"sort", LM<list_m_sort>, 0},           {"__reversed__", LM<list_m_reversed>, NF_NOKW},
    {"__init__", LM<list_m_init>, 0},       {nullptr, nullptr, 0},
};

// ---- tuple ----

Value tuple_repr(Value self) {
    TupleObject* t = as<TupleObject>(self);
    if (t->size == 0) return str_new("()");
    ReprGuard guard(self);
    if (guard.recursive) return str_new("(...)");
    DepthGuard depth(" while getting the repr of an object");
    if (!depth.ok) return VAL_NULL;
    std::string out = "(";
    for (size_t i = 0; i < t->size; i++) {
        Value r = obj_repr(t->items[i]);
        if (val_is_null(r)) return VAL_NULL;
        if (i) out += ", ";
        out += str_view(r);
    }
    out += t->size == 1 ? ",)" : ")";
    return str_new(out);
}

bool tuple_hash(Value self, int64_t* out) {
    DepthGuard depth(" while hashing a tuple");
    if (!depth.ok) return false;
    TupleObject* t = as<TupleObject>(self);
    return hash_values(t->items, t->size, true, out);
}

Value tuple_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_kind(other, Kind::Tuple)) return g_not_implemented;
    return seq_richcompare(self, other, op);
}

Value tuple_concat(Value a, Value b) {
    TupleObject* x = as<TupleObject>(a);
    TupleObject* y = as<TupleObject>(b);
    if (y->size == 0 && type_of(a) == T.t_tuple) return a;
    if (x->size == 0 && type_of(b) == T.t_tuple) return b;
    TupleObject* r = tuple_new(x->size + y->size);
    if (!r) return VAL_NULL;
    if (x->size) memcpy(r->items, x->items, x->size * sizeof(Value));
    if (y->size) memcpy(r->items + x->size, y->items, y->size * sizeof(Value));
    return val(r);
}

Value tuple_repeat(Value self, int64_t n) {
    TupleObject* t = as<TupleObject>(self);
    if (n == 1 && type_of(self) == T.t_tuple) return self;
    size_t total;
    if (!repeat_size(t->size, n, &total)) return VAL_NULL;
    TupleObject* r = tuple_new(total);
    if (!r) return VAL_NULL;
    if (total) fill_repeat(r->items, t->items, t->size, total);
    return val(r);
}

Value tuple_binop(Value self, Value other, BinOpT op, bool reflected) {
    if (op == BinOpT::Add) {
        if (is_kind(other, Kind::Tuple))
            return reflected ? tuple_concat(other, self) : tuple_concat(self, other);
        return g_not_implemented;
    }
    if (op == BinOpT::Mul) {
        int64_t n;
        int k = repeat_count(other, &n);
        if (k < 0) return VAL_NULL;
        if (k == 0) return repeat_error(self, other, op, reflected);
        return tuple_repeat(self, n);
    }
    return g_not_implemented;
}

Value tuple_getitem(Value self, Value key) {
    TupleObject* t = as<TupleObject>(self);
    int64_t i;
    switch (seq_key(key, &i)) {
    case SeqKey::Index:
        if (!seq_normalize(&i, (int64_t)t->size)) return raise(T.e_IndexError, "tuple index out of range");
        return t->items[i];
    case SeqKey::Slice: {
        int64_t start, stop, step, n;
        if (!slice_indices(key, (int64_t)t->size, &start, &stop, &step, &n)) return VAL_NULL;
        if (n == (int64_t)t->size && step == 1 && type_of(self) == T.t_tuple) return self;
        TupleObject* r = tuple_new((size_t)n);
        if (!r) return VAL_NULL;
        gather_slice(t->items, start, step, n, r->items);
        return val(r);
    }
    case SeqKey::BadType:
        return raise(T.e_TypeError, "tuple indices must be integers or slices, not %s", type_name(key));
    case SeqKey::Error: break;
    }
    return VAL_NULL;
}

bool tuple_len(Value self, int64_t* out) {
    *out = (int64_t)as<TupleObject>(self)->size;
    return true;
}

int tuple_truth(Value self) {
    return as<TupleObject>(self)->size != 0;
}

Value tuple_iter(Value self) {
    return make_iter(t_tuple_iterator, seq_iter_next, self, VAL_NULL, 0, 0, 1);
}

Value tuple_new_fn(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->size) return raise(T.e_TypeError, "tuple() takes no keyword arguments");
    if (!args_between("tuple", nargs, 0, 1)) return VAL_NULL;
    Value items = nargs ? tuple_from_iterable(args[0]) : val(g_empty_tuple);
    if (val_is_null(items) || cls == T.t_tuple) return items;
    Root ri(items);
    size_t n = as<TupleObject>(items)->size;
    auto* t = gc_new<TupleObject>(cls, Kind::Tuple, n ? (n - 1) * sizeof(Value) : 0);
    if (!t) return raise_no_memory();
    t->size = n;
    if (n) memcpy(t->items, as<TupleObject>(items)->items, n * sizeof(Value));
    return val(t);
}

Value tuple_m_index(Value* args, size_t nargs, TupleObject*) {
    return seq_index_method(args, nargs, false);
}

Value tuple_m_count(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("tuple.count", nargs - 1)) return VAL_NULL;
    return seq_count(args[0], args[1]);
}

const MethodDef tuple_methods[] = {
    {"index", TM<tuple_m_index>, NF_NOKW},
    {"count", TM<tuple_m_count>, NF_NOKW},
    {nullptr, nullptr, 0},
};

void init_list_type() {
    TypeObject* t = T.t_list;
    t->new_fn = list_new_fn;
    t->repr = list_repr;
    t->richcompare = list_richcompare;
    t->binop = list_binop;
    t->inplace = list_inplace;
    t->getitem = list_getitem;
    t->setitem = list_setitem;
    t->length = list_len;
    t->truth = list_truth;
    t->contains = seq_contains;
    t->iter = list_iter;
    t->hash = unhashable;
    add_methods(t, list_methods);
    dict_set_str(t->dict, intern("__hash__"), VAL_NONE);
}

void init_tuple_type() {
    TypeObject* t = T.t_tuple;
    t->new_fn = tuple_new_fn;
    t->repr = tuple_repr;
    t->hash = tuple_hash;
    t->richcompare = tuple_richcompare;
    t->binop = tuple_binop;
    t->getitem = tuple_getitem;
    t->length = tuple_len;
    t->truth = tuple_truth;
    t->contains = seq_contains;
    t->iter = tuple_iter;
    add_methods(t, tuple_methods);
}

} // namespace

void init_list_methods() {
    s_init = intern("__init__");
    s_index = intern("__index__");
    t_list_iterator = make_builtin_type("list_iterator", nullptr, Kind::Iter);
    t_list_reverseiterator = make_builtin_type("list_reverseiterator", nullptr, Kind::Iter);
    t_tuple_iterator = make_builtin_type("tuple_iterator", nullptr, Kind::Iter);
    init_list_type();
    init_tuple_type();
    init_range_methods();
}

} // namespace krait
