// types.cpp — type objects: the built-in types and exception hierarchy, C3 method resolution order, lookup along
// the MRO, version tags for inline caches, and classes created by `class` statements (type(name, bases, ns)).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slots.h"
#include "tier2.h"
#include "vm.h"

namespace krait {

extern "C" BuiltinTypes krt_T;
BuiltinTypes krt_T;
Value g_not_implemented = VAL_NULL;
Value g_ellipsis = VAL_NULL;

namespace {

uint32_t g_next_type_version = 1;
uint32_t g_next_shape_id = 1;

Shape* new_root_shape() {
    auto* s = new Shape();
    s->id = g_next_shape_id++;
    return s;
}

TypeObject* alloc_type(TypeObject* meta) {
    auto* t = gc_new<TypeObject>(meta, Kind::Type);
    t->version = g_next_type_version++;
    t->root_shape = new_root_shape();
    t->subclasses = new std::vector<TypeObject*>();
    return t;
}

void register_subclass(TypeObject* t) {
    for (size_t i = 0; i < t->bases->size; i++) {
        TypeObject* b = as<TypeObject>(t->bases->items[i]);
        b->subclasses->push_back(t);
    }
}

// C3 linearization: merge the MROs of the bases and the list of bases.
Value compute_mro(TypeObject* t) {
    std::vector<std::vector<TypeObject*>> seqs;
    for (size_t i = 0; i < t->bases->size; i++) {
        TupleObject* m = as<TypeObject>(t->bases->items[i])->mro;
        std::vector<TypeObject*> s;
        for (size_t j = 0; j < m->size; j++) s.push_back(as<TypeObject>(m->items[j]));
        seqs.push_back(s);
    }
    std::vector<TypeObject*> bases;
    for (size_t i = 0; i < t->bases->size; i++) bases.push_back(as<TypeObject>(t->bases->items[i]));
    seqs.push_back(bases);
    std::vector<Value> out{val(t)};
    for (;;) {
        bool empty = true;
        for (auto& s : seqs) empty = empty && s.empty();
        if (empty) break;
        TypeObject* cand = nullptr;
        for (auto& s : seqs) {
            if (s.empty()) continue;
            TypeObject* head = s[0];
            bool in_tail = false;
            for (auto& s2 : seqs)
                for (size_t k = 1; k < s2.size(); k++) in_tail = in_tail || s2[k] == head;
            if (!in_tail) {
                cand = head;
                break;
            }
        }
        if (!cand) {
            // CPython names the classes still waiting at the heads of the lists being merged.
            std::vector<TypeObject*> heads;
            for (auto& s : seqs)
                if (!s.empty() && std::find(heads.begin(), heads.end(), s[0]) == heads.end()) heads.push_back(s[0]);
            std::string names;
            for (size_t i = 0; i < heads.size(); i++) names += (i ? ", " : "") + std::string(heads[i]->name->view());
            return raise(T.e_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                         names.c_str());
        }
        out.push_back(val(cand));
        for (auto& s : seqs)
            if (!s.empty() && s[0] == cand) s.erase(s.begin());
    }
    return tuple_from_array(out.data(), out.size());
}

TypeObject* new_type(const char* name, TypeObject* base, Kind layout, uint32_t flags) {
    TypeObject* t = alloc_type(T.t_type);
    t->name = intern(name);
    t->module = intern("builtins");
    t->layout = layout;
    t->flags = flags;
    t->dict = dict_new();
    t->bases = base ? as<TupleObject>(tuple_pack({val(base)})) : tuple_new(0);
    if (base) {
        t->mro = as<TupleObject>(compute_mro(t));
        t->solid_base = t;  // every built-in type provides its own instance layout and constructor
        if (base->flags & TF_EXCEPTION) t->flags |= TF_EXCEPTION;
        register_subclass(t);
    } else {
        t->mro = as<TupleObject>(tuple_pack({val(t)}));
        t->solid_base = t;
    }
    gc_make_permanent(t);
    dict_set_str(t->dict, intern("__module__"), val(t->module));
    return t;
}

}  // namespace

TypeObject* make_builtin_type(const char* name, TypeObject* base, Kind layout, bool basetype) {
    TypeObject* t = new_type(name, base ? base : T.t_object, layout, basetype ? TF_BASETYPE : 0);
    if (layout == Kind::Iter) init_iter_type(t);
    inherit_builtin_slots(t);
    return t;
}

void init_types() {
    // `type` and `object` refer to each other: build both by hand first.
    T.t_type = alloc_type(nullptr);
    T.t_type->type = T.t_type;
    T.t_object = alloc_type(T.t_type);
    // Dicts, strs and tuples need their types before they can be created; those types need names. Create the
    // skeletons first, then fill in names, dicts and MROs.
    T.t_str = alloc_type(T.t_type);
    T.t_dict = alloc_type(T.t_type);
    T.t_tuple = alloc_type(T.t_type);
    TypeObject* early[] = {T.t_type, T.t_object, T.t_str, T.t_dict, T.t_tuple};
    const char* early_names[] = {"type", "object", "str", "dict", "tuple"};
    Kind early_layouts[] = {Kind::Type, Kind::Instance, Kind::Str, Kind::Dict, Kind::Tuple};
    g_empty_tuple = tuple_new(0);
    gc_make_permanent(g_empty_tuple);
    for (int i = 0; i < 5; i++) {
        TypeObject* t = early[i];
        t->name = intern(early_names[i]);
        t->module = intern("builtins");
        t->layout = early_layouts[i];
        t->flags = TF_BASETYPE;
        t->dict = dict_new();
        TypeObject* base = t == T.t_object ? nullptr : T.t_object;
        t->bases = base ? as<TupleObject>(tuple_pack({val(base)})) : g_empty_tuple;
        t->mro = base ? as<TupleObject>(tuple_pack({val(t), val(base)})) : as<TupleObject>(tuple_pack({val(t)}));
        t->solid_base = t;
        gc_make_permanent(t);
        dict_set_str(t->dict, intern("__module__"), val(t->module));
        if (base) base->subclasses->push_back(t);
    }
    g_empty_tuple->type = T.t_tuple;
    struct Spec {
        TypeObject** slot;
        const char* name;
        TypeObject** base;
        Kind layout;
        bool basetype;
    };
    const Spec specs[] = {
        {&T.t_int, "int", &T.t_object, Kind::BigInt, true},
        {&T.t_bool, "bool", &T.t_int, Kind::BigInt, false},
        {&T.t_float, "float", &T.t_object, Kind::Instance, true},
        {&T.t_bytes, "bytes", &T.t_object, Kind::Bytes, true},
        {&T.t_list, "list", &T.t_object, Kind::List, true},
        {&T.t_set, "set", &T.t_object, Kind::Set, true},
        {&T.t_frozenset, "frozenset", &T.t_object, Kind::Set, true},
        {&T.t_range, "range", &T.t_object, Kind::Range, false},
        {&T.t_slice, "slice", &T.t_object, Kind::Slice, false},
        {&T.t_function, "function", &T.t_object, Kind::Function, false},
        {&T.t_builtin_function, "builtin_function_or_method", &T.t_object, Kind::Native, false},
        {&T.t_method, "method", &T.t_object, Kind::BoundMethod, false},
        {&T.t_cell, "cell", &T.t_object, Kind::Cell, false},
        {&T.t_code, "code", &T.t_object, Kind::Code, false},
        {&T.t_module, "module", &T.t_object, Kind::Module, false},
        {&T.t_generator, "generator", &T.t_object, Kind::Generator, false},
        {&T.t_property, "property", &T.t_object, Kind::Property, true},
        {&T.t_staticmethod, "staticmethod", &T.t_object, Kind::StaticMethod, true},
        {&T.t_classmethod, "classmethod", &T.t_object, Kind::ClassMethod, true},
        {&T.t_super, "super", &T.t_object, Kind::Super, false},
        {&T.t_NoneType, "NoneType", &T.t_object, Kind::Instance, false},
        {&T.t_NotImplementedType, "NotImplementedType", &T.t_object, Kind::Instance, false},
        {&T.t_ellipsis, "ellipsis", &T.t_object, Kind::Instance, false},
        {&T.t_dict_keys, "dict_keys", &T.t_object, Kind::DictView, false},
        {&T.t_dict_values, "dict_values", &T.t_object, Kind::DictView, false},
        {&T.t_dict_items, "dict_items", &T.t_object, Kind::DictView, false},
        {&T.t_file, "TextIOWrapper", &T.t_object, Kind::File, false},
    };
    for (const Spec& s : specs) *s.slot = new_type(s.name, *s.base, s.layout, s.basetype ? TF_BASETYPE : 0);
    T.t_file->module = intern("_io");
    // The exception hierarchy; `object` in the list stands for BaseException's own base.
    T.e_BaseException = new_type("BaseException", T.t_object, Kind::Exception, TF_BASETYPE | TF_EXCEPTION);
#define KRAIT_MAKE_EXC(id, base) \
    if (!T.e_##id) T.e_##id = new_type(#id, T.e_##base, Kind::Exception, TF_BASETYPE | TF_EXCEPTION);
#define e_object e_BaseException
    KRAIT_EXCEPTION_TYPES(KRAIT_MAKE_EXC)
#undef e_object
#undef KRAIT_MAKE_EXC
    init_core_slots();
}

TypeObject* type_of(Value v) {
    if (val_is_obj(v)) return obj(v)->type;
    if (val_is_int(v)) return T.t_int;
    if (val_is_float(v)) return T.t_float;
    if (val_is_bool(v)) return T.t_bool;
    return T.t_NoneType;
}

const char* type_name(Value v) { return type_of(v)->name->data; }

bool type_is_subtype(TypeObject* t, TypeObject* base) {
    if (t == base) return true;
    TupleObject* mro = t->mro;
    for (size_t i = 0; i < mro->size; i++)
        if (as<TypeObject>(mro->items[i]) == base) return true;
    return false;
}

bool is_instance(Value v, TypeObject* t) { return type_is_subtype(type_of(v), t); }

// The type attribute cache (as CPython's): the result of an MRO walk, keyed by the type's version and the
// interned name. A type's version is unique and changes whenever it or a base is modified (type_modified), so a
// hit is always current. Absent names are cached too. type_cache_clear() empties it after start-up, when
// built-in type dicts were filled directly.
namespace {
struct TypeCacheEntry {
    uint32_t version;
    StrObject* name;
    Value value;
};
constexpr size_t kTypeCacheSize = 4096;  // power of two
TypeCacheEntry g_type_cache[kTypeCacheSize];
}  // namespace

void type_cache_clear() { memset(static_cast<void*>(g_type_cache), 0, sizeof g_type_cache); }

Value type_lookup(TypeObject* t, StrObject* name) {
    size_t slot = (t->version * 2654435761u ^ (reinterpret_cast<uintptr_t>(name) >> 4)) & (kTypeCacheSize - 1);
    TypeCacheEntry& e = g_type_cache[slot];
    if (e.version == t->version && e.name == name && name->interned) return e.value;
    Value found = VAL_NULL;
    TupleObject* mro = t->mro;
    for (size_t i = 0; i < mro->size; i++) {
        Value r = dict_get_str(as<TypeObject>(mro->items[i])->dict, name);
        if (!val_is_null(r)) {
            found = r;
            break;
        }
    }
    if (name->interned) e = TypeCacheEntry{t->version, name, found};
    return found;
}

TypeObject* type_lookup_owner(TypeObject* t, StrObject* name) {
    TupleObject* mro = t->mro;
    for (size_t i = 0; i < mro->size; i++) {
        TypeObject* c = as<TypeObject>(mro->items[i]);
        if (!val_is_null(dict_get_str(c->dict, name))) return c;
    }
    return nullptr;
}

void type_modified(TypeObject* t) {
    uint32_t old = t->version;
    t->version = g_next_type_version++;
    tier2_type_version_retired(old);
    for (TypeObject* sub : *t->subclasses) type_modified(sub);
}

// ---- classes defined in Python ----

Value type_new_class(TypeObject* meta, Value name, Value bases_v, Value ns_v) {
    TupleObject* bases = as<TupleObject>(bases_v);
    if (bases->size == 0) bases = as<TupleObject>(tuple_pack({val(T.t_object)}));
    TypeObject* solid = nullptr;
    uint32_t flags = TF_HEAPTYPE | TF_BASETYPE;
    for (size_t i = 0; i < bases->size; i++) {
        Value b = bases->items[i];
        if (!is_kind(b, Kind::Type)) return raise(T.e_TypeError, "bases must be types");
        for (size_t j = 0; j < i; j++)
            if (bases->items[j].bits == b.bits)
                return raise(T.e_TypeError, "duplicate base class %s", as<TypeObject>(b)->name->data);
        TypeObject* bt = as<TypeObject>(b);
        if (!(bt->flags & TF_BASETYPE))
            return raise(T.e_TypeError, "type '%s' is not an acceptable base type", bt->name->data);
        TypeObject* bs = bt->solid_base;
        if (!solid || type_is_subtype(bs, solid)) solid = bs;
        else if (!type_is_subtype(solid, bs) && bs->layout != solid->layout)
            return raise(T.e_TypeError, "multiple bases have instance lay-out conflict");
        flags |= bt->flags & TF_EXCEPTION;
    }
    TypeObject* t = alloc_type(meta);
    Value tv = val(t);
    Root rt(tv);
    t->name = as<StrObject>(name);
    t->layout = solid->layout;
    t->solid_base = solid;
    t->flags = flags;
    t->bases = bases;
    t->dict = as<DictObject>(dict_copy(as<DictObject>(ns_v)));
    Value mro = compute_mro(t);
    if (val_is_null(mro)) return VAL_NULL;
    t->mro = as<TupleObject>(mro);
    Value mod = dict_get_str(t->dict, intern("__module__"));
    t->module = is_kind(mod, Kind::Str) ? as<StrObject>(mod) : intern("__main__");
    // A class that defines __eq__ without __hash__ is unhashable (its instances compare by value).
    if (!val_is_null(dict_get_str(t->dict, intern("__eq__"))) &&
        val_is_null(dict_get_str(t->dict, intern("__hash__"))))
        dict_set_str(t->dict, intern("__hash__"), VAL_NONE);
    // __new__ is an implicit staticmethod; __init_subclass__ and __class_getitem__ implicit classmethods.
    Value nw = dict_get_str(t->dict, intern("__new__"));
    if (is_kind(nw, Kind::Function)) {
        auto* w = gc_new<WrapperObject>(T.t_staticmethod, Kind::StaticMethod);
        if (!w) return raise_no_memory();
        w->func = nw;
        dict_set_str(t->dict, intern("__new__"), val(w));
    }
    for (const char* implicit : {"__init_subclass__", "__class_getitem__"}) {
        Value f = dict_get_str(t->dict, intern(implicit));
        if (!is_kind(f, Kind::Function)) continue;
        auto* w = gc_new<WrapperObject>(T.t_classmethod, Kind::ClassMethod);
        if (!w) return raise_no_memory();
        w->func = f;
        dict_set_str(t->dict, intern(implicit), val(w));
    }
    register_subclass(t);
    fixup_heap_slots(t);
    return tv;
}

}  // namespace krait
