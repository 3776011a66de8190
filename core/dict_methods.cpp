// dict_methods.cpp — the slots and methods of dict, its keys/values/items views, and the dict iterators.
//
// Used by: every Python program through the slots set in init_dict_methods. The hash table and the dict_*
// primitives live in dict.cpp. Iterators walk the dense entry array by position and raise RuntimeError
// "dictionary changed size during iteration" when the number of live entries changes, as CPython does.
// Looking up or comparing keys and values may run Python code: values held across such calls are rooted.
#include <algorithm>
#include <string>
#include <vector>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slice.h"
#include "recursion_guard.h"

namespace krait {

bool set_merge(SetObject* s, Value other); // set_methods.cpp

namespace {

StrObject* s_init;
StrObject* s_missing;
TypeObject* t_keyiter;
TypeObject* t_valueiter;
TypeObject* t_itemiter;
TypeObject* t_rkeyiter;
TypeObject* t_rvalueiter;
TypeObject* t_ritemiter;

bool unhashable(Value self, int64_t*) {
    raise(T.e_TypeError, "unhashable type: '%s'", type_name(self));
    return false;
}

template <NativeFn F>
Value DM(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !is_kind(args[0], Kind::Dict)) {
        if (nargs == 0) return raise(T.e_TypeError, "unbound method of 'dict' objects needs an argument");
        return raise(T.e_TypeError, "descriptor for 'dict' objects doesn't apply to a '%s' object",
                     type_name(args[0]));
    }
    return F(args, nargs, kw);
}

template <NativeFn F>
Value VM(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !is_kind(args[0], Kind::DictView)) {
        if (nargs == 0) return raise(T.e_TypeError, "unbound method of dict views needs an argument");
        return raise(T.e_TypeError, "descriptor for dict views doesn't apply to a '%s' object",
                     type_name(args[0]));
    }
    return F(args, nargs, kw);
}

// KeyError(key), with the key itself as the exception's argument.
Value raise_key_error(Value key) {
    Value exc = call1(val(T.e_KeyError), key);
    if (val_is_null(exc)) return VAL_NULL;
    return raise_value(exc);
}

bool has_python_init(TypeObject* cls) {
    TupleObject* mro = cls->mro;
    for (size_t i = 0; i < mro->size; i++) {
        TypeObject* c = as<TypeObject>(mro->items[i]);
        if (!val_is_null(dict_get_str(c->dict, s_init))) return (c->flags & TF_HEAPTYPE) != 0;
    }
    return false;
}

// Index of key's entry in d, -1 when absent, -2 on error (unhashable key, failing __eq__).
int64_t dict_find(DictObject* d, Value key) {
    int64_t h;
    if (!obj_hash(key, &h)) return -2;
    return ht_find(&d->table, key, h);
}

// Looks key up: the value, or VAL_NULL when absent (no exception) or on error (exception set).
Value lookup(DictObject* d, Value key) {
    int64_t ix = dict_find(d, key);
    return ix >= 0 ? d->table.entries[ix].value : VAL_NULL;
}

// ---- dict slots ----

Value dict_repr(Value self) {
    DictObject* d = as<DictObject>(self);
    if (d->table.used == 0) return str_new("{}");
    ReprGuard guard(self);
    if (guard.recursive) return str_new("{...}");
    DepthGuard depth(" while getting the repr of an object");
    if (!depth.ok) return VAL_NULL;
    std::string out = "{";
    bool first = true;
    for (uint32_t i = 0; i < d->table.nentries; i++) {
        Value k = d->table.entries[i].key, v = d->table.entries[i].value;
        if (val_is_null(k)) continue;
        Root rk(k), rv(v);
        Value kr = obj_repr(k);
        if (val_is_null(kr)) return VAL_NULL;
        if (!first) out += ", ";
        first = false;
        out += str_view(kr);
        out += ": ";
        Value vr = obj_repr(v);
        if (val_is_null(vr)) return VAL_NULL;
        out += str_view(vr);
    }
    out += '}';
    return str_new(out);
}

// 1 when a and b hold equal keys with equal values, 0 if not, -1 on error.
int dict_equal(DictObject* a, DictObject* b) {
    if (a == b) return 1;
    if (a->table.used != b->table.used) return 0;
    DepthGuard depth(" in comparison");
    if (!depth.ok) return -1;
    for (uint32_t i = 0; i < a->table.nentries; i++) {
        Value k = a->table.entries[i].key, v = a->table.entries[i].value;
        if (val_is_null(k)) continue;
        Root rk(k), rv(v);
        Value bv = lookup(b, k);
        if (val_is_null(bv)) return err_occurred() ? -1 : 0;
        if (val_same(bv, v)) continue;
        Root rb(bv);
        int eq = obj_eq(v, bv);
        if (eq <= 0) return eq;
    }
    return 1;
}

Value dict_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_kind(other, Kind::Dict) || (op != CmpOpT::EQ && op != CmpOpT::NE)) return g_not_implemented;
    int eq = dict_equal(as<DictObject>(self), as<DictObject>(other));
    if (eq < 0) return VAL_NULL;
    return val_from_bool(op == CmpOpT::EQ ? eq : !eq);
}

// d | other for dicts: a new dict with other's items over d's.
Value dict_binop(Value self, Value other, BinOpT op, bool reflected) {
    if (op != BinOpT::Or || !is_kind(other, Kind::Dict)) return g_not_implemented;
    Value left = reflected ? other : self, right = reflected ? self : other;
    Value r = dict_copy(as<DictObject>(left));
    if (val_is_null(r)) return VAL_NULL;
    Root rr(r);
    return dict_update(as<DictObject>(r), right) ? r : VAL_NULL;
}

Value dict_inplace(Value self, Value other, BinOpT op) {
    if (op != BinOpT::Or) return g_not_implemented;
    return dict_update(as<DictObject>(self), other) ? self : VAL_NULL;
}

Value dict_getitem(Value self, Value key) {
    DictObject* d = as<DictObject>(self);
    Value v = lookup(d, key);
    if (!val_is_null(v) || err_occurred()) return v;
    if (type_of(self) != T.t_dict) { // subclasses may define __missing__
        Value missing = type_lookup(type_of(self), s_missing);
        if (!val_is_null(missing)) return call2(missing, self, key);
    }
    return raise_key_error(key);
}

bool dict_setitem(Value self, Value key, Value v) {
    DictObject* d = as<DictObject>(self);
    if (!val_is_null(v)) return dict_set(d, key, v);
    int r = dict_del(d, key);
    if (r == 0) raise_key_error(key);
    return r > 0;
}

bool dict_len(Value self, int64_t* out) {
    *out = as<DictObject>(self)->table.used;
    return true;
}

int dict_truth(Value self) {
    return as<DictObject>(self)->table.used != 0;
}

int dict_contains(Value self, Value key) {
    int64_t ix = dict_find(as<DictObject>(self), key);
    return ix == -2 ? -1 : ix >= 0;
}

// ---- iterators ----
// IterObject fields: src = the dict (released when exhausted), index = next entry position, end = the live
// entry count expected (-1 once a size change was reported), step = 0 keys, 1 values, 2 items.

Value entry_result(HashEntry& e, int64_t what) {
    if (what == 0) return e.key;
    if (what == 1) return e.value;
    return tuple_pack({e.key, e.value});
}

bool size_changed(IterObject* it, DictObject* d) {
    if (it->end == (int64_t)d->table.used) return false;
    it->end = -1; // sticky, as in CPython
    raise(T.e_RuntimeError, "dictionary changed size during iteration");
    return true;
}

Value dict_iter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    DictObject* d = as<DictObject>(it->src);
    if (size_changed(it, d)) return VAL_NULL;
    HashTable& t = d->table;
    while (it->index < (int64_t)t.nentries) {
        HashEntry& e = t.entries[it->index++];
        if (!val_is_null(e.key)) return entry_result(e, it->step);
    }
    it->src = VAL_NULL;
    return VAL_NULL;
}

Value dict_reviter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    DictObject* d = as<DictObject>(it->src);
    if (size_changed(it, d)) return VAL_NULL;
    HashTable& t = d->table;
    while (it->index >= 0 && it->index < (int64_t)t.nentries) {
        HashEntry& e = t.entries[it->index--];
        if (!val_is_null(e.key)) return entry_result(e, it->step);
    }
    it->src = VAL_NULL;
    return VAL_NULL;
}

Value dict_make_iter(Value d, int64_t what, bool reversed) {
    static TypeObject** const fwd[] = {&t_keyiter, &t_valueiter, &t_itemiter};
    static TypeObject** const rev[] = {&t_rkeyiter, &t_rvalueiter, &t_ritemiter};
    DictObject* dict = as<DictObject>(d);
    TypeObject* type = *(reversed ? rev : fwd)[what];
    int64_t start = reversed ? (int64_t)dict->table.nentries - 1 : 0;
    return make_iter(type, reversed ? dict_reviter_next : dict_iter_next, d, VAL_NULL, start,
                     dict->table.used, what);
}

Value dict_iter(Value self) {
    return dict_make_iter(self, 0, false);
}

// ---- constructor and methods ----

// dict.update's work: one optional positional mapping or iterable of pairs, then keyword arguments.
bool update_from_args(DictObject* d, Value* args, size_t nargs, TupleObject* kwnames, const char* name) {
    size_t nkw = kwnames ? kwnames->size : 0;
    size_t npos = nargs - nkw;
    if (!args_between(name, npos, 0, 1)) return false;
    if (npos == 1 && !dict_update(d, args[0])) return false;
    for (size_t i = 0; i < nkw; i++)
        if (!dict_set(d, kwnames->items[i], args[npos + i])) return false;
    return true;
}

Value dict_new_fn(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    DictObject* d = cls == T.t_dict ? dict_new() : gc_new<DictObject>(cls, Kind::Dict);
    if (!d) return err_occurred() ? VAL_NULL : raise_no_memory();
    Value dv = val(d);
    Root rd(dv);
    if (cls != T.t_dict && has_python_init(cls)) return dv; // the class's __init__ gets the arguments
    return update_from_args(d, args, nargs, kwnames, "dict") ? dv : VAL_NULL;
}

Value dict_m_init(Value* args, size_t nargs, TupleObject* kwnames) {
    return update_from_args(as<DictObject>(args[0]), args + 1, nargs - 1, kwnames, "dict") ? VAL_NONE
                                                                                           : VAL_NULL;
}

Value dict_m_update(Value* args, size_t nargs, TupleObject* kwnames) {
    return update_from_args(as<DictObject>(args[0]), args + 1, nargs - 1, kwnames, "update") ? VAL_NONE
                                                                                             : VAL_NULL;
}

Value dict_m_get(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("get", nargs - 1, 1, 2)) return VAL_NULL;
    Value v = lookup(as<DictObject>(args[0]), args[1]);
    if (!val_is_null(v) || err_occurred()) return v;
    return nargs == 3 ? args[2] : VAL_NONE;
}

Value dict_m_setdefault(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("setdefault", nargs - 1, 1, 2)) return VAL_NULL;
    DictObject* d = as<DictObject>(args[0]);
    Value v = lookup(d, args[1]);
    if (!val_is_null(v) || err_occurred()) return v;
    Value dflt = nargs == 3 ? args[2] : VAL_NONE;
    return dict_set(d, args[1], dflt) ? dflt : VAL_NULL;
}

// Drops deleted entries at the end of the entry array, so that repeated popitem() stays O(1): no index slot
// refers to them any more (ht_remove marked theirs as dummies).
void trim_deleted_tail(HashTable& t) {
    while (t.nentries > 0 && val_is_null(t.entries[t.nentries - 1].key)) t.nentries--;
}

Value dict_m_pop(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("pop", nargs - 1, 1, 2)) return VAL_NULL;
    DictObject* d = as<DictObject>(args[0]);
    Value key = args[1];
    int64_t h;
    if (!obj_hash(key, &h)) return VAL_NULL;
    int64_t ix = ht_find(&d->table, key, h);
    if (ix == -2) return VAL_NULL;
    if (ix < 0) return nargs == 3 ? args[2] : raise_key_error(key);
    Value v = d->table.entries[ix].value;
    Root rv(v);
    if (ht_remove(&d->table, key, h) < 0) return VAL_NULL;
    d->version++;
    trim_deleted_tail(d->table);
    return v;
}

Value dict_m_popitem(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("dict.popitem", nargs - 1)) return VAL_NULL;
    DictObject* d = as<DictObject>(args[0]);
    HashTable& t = d->table;
    trim_deleted_tail(t);
    if (t.used == 0) return raise_key_error(val(intern("popitem(): dictionary is empty")));
    HashEntry e = t.entries[t.nentries - 1];
    Value pair = tuple_pack({e.key, e.value});
    if (val_is_null(pair)) return VAL_NULL;
    Root rp(pair);
    if (ht_remove(&t, e.key, e.hash) < 0) return VAL_NULL;
    d->version++;
    trim_deleted_tail(t);
    return pair;
}

Value make_view(Value d, TypeObject* type, ViewKind kind) {
    auto* v = gc_new<DictViewObject>(type, Kind::DictView);
    if (!v) return raise_no_memory();
    v->dict = as<DictObject>(d);
    v->view = kind;
    return val(v);
}

Value dict_m_keys(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("dict.keys", nargs - 1)) return VAL_NULL;
    return make_view(args[0], T.t_dict_keys, ViewKind::Keys);
}

Value dict_m_values(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("dict.values", nargs - 1)) return VAL_NULL;
    return make_view(args[0], T.t_dict_values, ViewKind::Values);
}

Value dict_m_items(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("dict.items", nargs - 1)) return VAL_NULL;
    return make_view(args[0], T.t_dict_items, ViewKind::Items);
}

Value dict_m_copy(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("dict.copy", nargs - 1)) return VAL_NULL;
    return dict_copy(as<DictObject>(args[0]));
}

Value dict_m_clear(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("dict.clear", nargs - 1)) return VAL_NULL;
    DictObject* d = as<DictObject>(args[0]);
    ht_clear(&d->table);
    d->version++;
    return VAL_NONE;
}

Value dict_m_reversed(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("dict.__reversed__", nargs - 1)) return VAL_NULL;
    return dict_make_iter(args[0], 0, true);
}

// dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
Value dict_fromkeys(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("fromkeys", nargs - 1, 1, 2)) return VAL_NULL;
    Value cls = args[0], value = nargs == 3 ? args[2] : VAL_NONE;
    Value d = val_same(cls, val(T.t_dict)) ? val(dict_new()) : call0(cls);
    if (val_is_null(d)) return VAL_NULL;
    Root rd(d);
    Value it = obj_getiter(args[1]);
    if (val_is_null(it)) return VAL_NULL;
    Root ri(it);
    bool exact = type_of(d) == T.t_dict;
    for (;;) {
        Value k = iter_next(it);
        if (val_is_null(k)) return err_occurred() ? VAL_NULL : d;
        Root rk(k);
        if (exact ? !dict_set(as<DictObject>(d), k, value) : !obj_setitem(d, k, value)) return VAL_NULL;
    }
}

const MethodDef dict_methods[] = {
    {"get", DM<dict_m_get>, NF_NOKW},
    {"setdefault", DM<dict_m_setdefault>, NF_NOKW},
    {"pop", DM<dict_m_pop>, NF_NOKW},
    {"popitem", DM<dict_m_popitem>, NF_NOKW},
    {"update", DM<dict_m_update>, 0},
    {"keys", DM<dict_m_keys>, NF_NOKW},
    {"values", DM<dict_m_values>, NF_NOKW},
    {"items", DM<dict_m_items>, NF_NOKW},
    {"copy", DM<dict_m_copy>, NF_NOKW},
    {"clear", DM<dict_m_clear>, NF_NOKW},
    {"__reversed__", DM<dict_m_reversed>, NF_NOKW},
    {"__init__", DM<dict_m_init>, 0},
    {nullptr, nullptr, 0},
};

// ---- views ----

DictViewObject* view_of(Value v) {
    return as<DictViewObject>(v);
}

bool view_len(Value self, int64_t* out) {
    *out = view_of(self)->dict->table.used;
    return true;
}

int view_truth(Value self) {
    return view_of(self)->dict->table.used != 0;
}

Value view_iter(Value self) {
    DictViewObject* v = view_of(self);
    return dict_make_iter(val(v->dict), (int64_t)v->view, false);
}

int view_contains(Value self, Value item) {
    DictViewObject* v = view_of(self);
    if (v->view == ViewKind::Keys) return dict_contains(val(v->dict), item);
    if (v->view == ViewKind::Items) {
        if (!is_kind(item, Kind::Tuple) || as<TupleObject>(item)->size != 2) return 0;
        const Value* pair = as<TupleObject>(item)->items;
        Value found = lookup(v->dict, pair[0]);
        if (val_is_null(found)) return err_occurred() ? -1 : 0;
        Root rf(found);
        return obj_eq(found, pair[1]);
    }
    HashTable& t = v->dict->table;
    for (uint32_t i = 0; i < t.nentries; i++) {
        Value x = t.entries[i].value;
        if (val_is_null(t.entries[i].key)) continue;
        Root rx(x);
        int eq = obj_eq(x, item);
        if (eq != 0) return eq;
    }
    return 0;
}

Value view_repr(Value self) {
    static const char* const names[] = {"dict_keys(", "dict_values(", "dict_items("};
    ReprGuard guard(self);
    if (guard.recursive) return str_new("...");
    Value items = list_from_iterable(self);
    if (val_is_null(items)) return VAL_NULL;
    Root ri(items);
    Value r = obj_repr(items);
    if (val_is_null(r)) return VAL_NULL;
    std::string out = names[(int)view_of(self)->view];
    out += str_view(r);
    out += ')';
    return str_new(out);
}

bool is_setlike(Value v) {
    return is_kind(v, Kind::Set) || (is_kind(v, Kind::DictView) && view_of(v)->view != ViewKind::Values);
}

// 1 when every item of a is in b, 0 if not, -1 on error.
int all_contained_in(Value a, Value b) {
    Value it = obj_getiter(a);
    if (val_is_null(it)) return -1;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? -1 : 1;
        Root rx(x);
        int c = obj_contains(b, x);
        if (c <= 0) return c;
    }
}

// Keys and items views compare like sets with any set or set-like view.
Value view_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_setlike(other)) return g_not_implemented;
    int64_t na, nb;
    if (!obj_length(self, &na) || !obj_length(other, &nb)) return VAL_NULL;
    int r = 0;
    switch (op) {
    case CmpOpT::EQ:
    case CmpOpT::NE: r = na == nb ? all_contained_in(self, other) : 0; break;
    case CmpOpT::LT: r = na < nb ? all_contained_in(self, other) : 0; break;
    case CmpOpT::LE: r = na <= nb ? all_contained_in(self, other) : 0; break;
    case CmpOpT::GT: r = na > nb ? all_contained_in(other, self) : 0; break;
    case CmpOpT::GE: r = na >= nb ? all_contained_in(other, self) : 0; break;
    }
    if (r < 0) return VAL_NULL;
    return val_from_bool(op == CmpOpT::NE ? !r : r);
}

// set(v) as CPython's dictviews_to_set makes it: a keys view goes through its dict (the bulk-merge path).
Value view_to_set(Value v) {
    SetObject* s = set_new(false);
    if (!s) return VAL_NULL;
    Value sv = val(s);
    Root rs(sv);
    bool keys = is_kind(v, Kind::DictView) && view_of(v)->view == ViewKind::Keys;
    return set_merge(s, keys ? val(view_of(v)->dict) : v) ? sv : VAL_NULL;
}

// CPython's _PyDictView_Intersect: reuse set.intersection when the other operand is a bigger set, else
// iterate the smaller operand and test membership in the view.
Value view_intersect(Value view, Value other) {
    int64_t n = view_of(view)->dict->table.used;
    if (type_of(other) == T.t_set && n <= (int64_t)set_size(as<SetObject>(other)))
        return call_method1(other, intern("intersection"), view);
    if (is_setlike(other) && is_kind(other, Kind::DictView) && (int64_t)view_of(other)->dict->table.used > n)
        std::swap(view, other);
    SetObject* s = set_new(false);
    if (!s) return VAL_NULL;
    Value sv = val(s);
    Root rs(sv), rv(view), ro(other);
    Value it = obj_getiter(other);
    if (val_is_null(it)) return VAL_NULL;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? VAL_NULL : sv;
        Root rx(x);
        int c = view_contains(view, x);
        if (c < 0 || (c && set_add(s, x) < 0)) return VAL_NULL;
    }
}

// Set operators on keys/items views (CPython's dictviews_sub / _or / _xor build set(left) and update it).
Value view_binop(Value self, Value other, BinOpT op, bool reflected) {
    const char* method;
    switch (op) {
    case BinOpT::And: return view_intersect(self, other);
    case BinOpT::Sub: method = "difference_update"; break;
    case BinOpT::Or: method = "update"; break;
    case BinOpT::Xor: method = "symmetric_difference_update"; break;
    default: return g_not_implemented;
    }
    Value left = reflected ? other : self, right = reflected ? self : other;
    Value sv = view_to_set(left);
    if (val_is_null(sv)) return VAL_NULL;
    Root rs(sv);
    Value r = call_method1(sv, intern(method), right);
    return val_is_null(r) ? VAL_NULL : sv;
}

Value view_m_isdisjoint(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("isdisjoint", nargs - 1)) return VAL_NULL;
    Value it = obj_getiter(args[1]);
    if (val_is_null(it)) return VAL_NULL;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? VAL_NULL : VAL_TRUE;
        Root rx(x);
        int c = view_contains(args[0], x);
        if (c < 0) return VAL_NULL;
        if (c) return VAL_FALSE;
    }
}

Value view_m_reversed(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("__reversed__", nargs - 1)) return VAL_NULL;
    DictViewObject* v = view_of(args[0]);
    return dict_make_iter(val(v->dict), (int64_t)v->view, true);
}

const MethodDef setlike_view_methods[] = {
    {"isdisjoint", VM<view_m_isdisjoint>, NF_NOKW},
    {"__reversed__", VM<view_m_reversed>, NF_NOKW},
    {nullptr, nullptr, 0},
};

const MethodDef values_view_methods[] = {
    {"__reversed__", VM<view_m_reversed>, NF_NOKW},
    {nullptr, nullptr, 0},
};

void init_view_type(TypeObject* t, bool setlike) {
    t->length = view_len;
    t->truth = view_truth;
    t->iter = view_iter;
    t->contains = view_contains;
    t->repr = view_repr;
    if (setlike) {
        t->richcompare = view_richcompare;
        t->binop = view_binop;
        t->hash = unhashable;
        dict_set_str(t->dict, intern("__hash__"), VAL_NONE);
    }
    add_methods(t, setlike ? setlike_view_methods : values_view_methods);
}

void init_dict_type() {
    TypeObject* t = T.t_dict;
    t->new_fn = dict_new_fn;
    t->repr = dict_repr;
    t->hash = unhashable;
    t->richcompare = dict_richcompare;
    t->binop = dict_binop;
    t->inplace = dict_inplace;
    t->getitem = dict_getitem;
    t->setitem = dict_setitem;
    t->length = dict_len;
    t->truth = dict_truth;
    t->contains = dict_contains;
    t->iter = dict_iter;
    add_methods(t, dict_methods);
    dict_set_str(t->dict, intern("__hash__"), VAL_NONE);
    auto* fromkeys = gc_new<WrapperObject>(T.t_classmethod, Kind::ClassMethod);
    gc_make_permanent(fromkeys);
    fromkeys->func = native_new("fromkeys", dict_fromkeys, NF_NOKW);
    dict_set_str(t->dict, intern("fromkeys"), val(fromkeys));
}

} // namespace

void init_dict_methods() {
    s_init = intern("__init__");
    s_missing = intern("__missing__");
    t_keyiter = make_builtin_type("dict_keyiterator", nullptr, Kind::Iter);
    t_valueiter = make_builtin_type("dict_valueiterator", nullptr, Kind::Iter);
    t_itemiter = make_builtin_type("dict_itemiterator", nullptr, Kind::Iter);
    t_rkeyiter = make_builtin_type("dict_reversekeyiterator", nullptr, Kind::Iter);
    t_rvalueiter = make_builtin_type("dict_reversevalueiterator", nullptr, Kind::Iter);
    t_ritemiter = make_builtin_type("dict_reverseitemiterator", nullptr, Kind::Iter);
    init_dict_type();
    init_view_type(T.t_dict_keys, true);
    init_view_type(T.t_dict_values, false);
    init_view_type(T.t_dict_items, true);
}

} // namespace krait
