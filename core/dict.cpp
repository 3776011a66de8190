// dict.cpp — the insertion-ordered hash table behind dict and set, and the dict primitives of containers.h.
//
// Layout as CPython's compact dict: `entries` is dense and in insertion order; `index` is a power-of-two open
// addressing table of entry numbers, probed with CPython's perturbation scheme. Deleted entries keep their place
// (key VAL_NULL) until the next resize compacts them. Key equality may run Python code (__eq__), so callers that
// hold values across these calls root them; the table itself is re-checked after every comparison.
#include <cstdlib>
#include <cstring>

#include "containers.h"
#include "gc.h"
#include "runtime.h"
#include "tier2.h"

namespace krait {

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;

// Keys versions are unique across all tables (one global counter), so a cached version identifies one table with
// one key layout: inline caches (LOAD_GLOBAL, module attributes) read an entry by its index after comparing it.
// Changing a value in place keeps the version; adding or removing a key, or moving entries, takes a new one.
uint32_t g_keys_version = 0;
// Any change of a watched table (a value replaced included) invalidates the tier-2 executors that inlined its values.
inline void ht_changed(HashTable* t) {
    if (__builtin_expect(t->watched, 0)) tier2_table_changed(t);
}
inline void ht_new_keys_version(HashTable* t) {
    ht_changed(t);
    t->keys_version = ++g_keys_version;
}

bool ht_resize(HashTable* t, uint32_t min_used) {
    uint32_t size = 8;
    while (size * 2 < min_used * 3) size *= 2;  // keep the load factor under 2/3
    auto* index = static_cast<int32_t*>(malloc(sizeof(int32_t) * size));
    uint32_t cap = size * 2 / 3 + 1;
    auto* entries = static_cast<HashEntry*>(malloc(sizeof(HashEntry) * cap));
    if (!index || !entries) {
        free(index), free(entries);
        raise_no_memory();
        return false;
    }
    memset(index, 0xFF, sizeof(int32_t) * size);  // all kEmpty
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->nentries; i++) {
        HashEntry& e = t->entries[i];
        if (val_is_null(e.key)) continue;
        entries[n] = e;
        uint64_t mask = size - 1, perturb = static_cast<uint64_t>(e.hash), j = perturb & mask;
        while (index[j] != kEmpty) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & mask;
        }
        index[j] = static_cast<int32_t>(n++);
    }
    free(t->entries), free(t->index);
    gc_account(sizeof(int32_t) * size + sizeof(HashEntry) * cap);
    t->entries = entries, t->index = index, t->index_size = size, t->capacity = cap, t->nentries = n;
    ht_new_keys_version(t);
    return true;
}

// Fast equality for keys that cannot run Python code; -2 when the slow path is needed.
inline int quick_eq(Value a, Value b) {
    if (a.bits == b.bits) return 1;
    bool sa = is_kind(a, Kind::Str), sb = is_kind(b, Kind::Str);
    if (sa && sb) return str_eq(as<StrObject>(a), as<StrObject>(b));
    if (sa || sb) {
        // A str never equals an int/float/None; a str subclass might, so only exact strs are decided here.
        Value other = sa ? b : a;
        if (!val_is_obj(other)) return 0;
    }
    if (val_is_int(a) && val_is_int(b)) return 0;  // distinct immediates
    return -2;
}

}  // namespace

void ht_init(HashTable* t) {
    memset(t, 0, sizeof *t);
    ht_new_keys_version(t);
}

void ht_free(HashTable* t) {
    ht_changed(t);
    free(t->entries), free(t->index);
    memset(t, 0, sizeof *t);
    ht_new_keys_version(t);
}

void ht_clear(HashTable* t) { ht_free(t); }

int64_t ht_find(HashTable* t, Value key, int64_t hash) {
    if (!t->index_size) return -1;
    uint64_t mask = t->index_size - 1, perturb = static_cast<uint64_t>(hash), j = perturb & mask;
    for (;;) {
        int32_t ix = t->index[j];
        if (ix == kEmpty) return -1;
        if (ix >= 0) {
            HashEntry* e = &t->entries[ix];
            if (e->hash == hash) {
                int eq = quick_eq(e->key, key);
                if (eq == -2) {
                    Value k = e->key;
                    Root r1(k), r2(key);
                    HashEntry* before = t->entries;
                    eq = obj_eq(k, key);
                    if (eq < 0) return -2;
                    if (t->entries != before || t->index[j] != ix) {
                        raise(T.e_RuntimeError, "dictionary changed size during iteration");
                        return -2;
                    }
                }
                if (eq) return ix;
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

bool ht_insert(HashTable* t, Value key, int64_t hash, Value v) {
    int64_t ix = ht_find(t, key, hash);
    if (ix == -2) return false;
    if (ix >= 0) {
        ht_changed(t);
        t->entries[ix].value = v;
        return true;
    }
    if (t->nentries >= t->capacity && !ht_resize(t, (t->used + 1) * 2)) return false;  // grow geometrically
    uint64_t mask = t->index_size - 1, perturb = static_cast<uint64_t>(hash), j = perturb & mask;
    while (t->index[j] >= 0) {  // reuse the first empty or dummy slot
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
    uint32_t n = t->nentries++;
    t->entries[n] = HashEntry{hash, key, v};
    t->index[j] = static_cast<int32_t>(n);
    t->used++;
    ht_new_keys_version(t);
    return true;
}

int ht_remove(HashTable* t, Value key, int64_t hash) {
    int64_t ix = ht_find(t, key, hash);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    uint64_t mask = t->index_size - 1, perturb = static_cast<uint64_t>(hash), j = perturb & mask;
    while (t->index[j] != ix) {
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
    t->index[j] = kDummy;
    t->entries[ix].key = VAL_NULL;
    t->entries[ix].value = VAL_NULL;
    t->used--;
    ht_new_keys_version(t);
    return 1;
}

// ---- dict ----

DictObject* dict_new() {
    auto* d = gc_new<DictObject>(T.t_dict, Kind::Dict);
    if (!d) raise_no_memory();
    return d;
}

Value dict_get(DictObject* d, Value key) {
    int64_t h;
    if (!obj_hash(key, &h)) return VAL_NULL;
    int64_t ix = ht_find(&d->table, key, h);
    return ix >= 0 ? d->table.entries[ix].value : VAL_NULL;
}

bool dict_set(DictObject* d, Value key, Value v) {
    int64_t h;
    if (!obj_hash(key, &h)) return false;
    d->version++;
    return ht_insert(&d->table, key, h, v);
}

int dict_del(DictObject* d, Value key) {
    int64_t h;
    if (!obj_hash(key, &h)) return -1;
    d->version++;
    return ht_remove(&d->table, key, h);
}

Value dict_get_str(DictObject* d, StrObject* key) {
    int64_t ix = ht_find(&d->table, val(key), str_hash(key));
    return ix >= 0 ? d->table.entries[ix].value : VAL_NULL;
}

bool dict_set_str(DictObject* d, StrObject* key, Value v) {
    d->version++;
    return ht_insert(&d->table, val(key), str_hash(key), v);
}

bool dict_next(DictObject* d, uint32_t* pos, Value* key, Value* value) {
    HashTable& t = d->table;
    while (*pos < t.nentries) {
        HashEntry& e = t.entries[(*pos)++];
        if (!val_is_null(e.key)) {
            if (key) *key = e.key;
            if (value) *value = e.value;
            return true;
        }
    }
    return false;
}

Value dict_copy(DictObject* src) {
    DictObject* d = dict_new();
    if (!d) return VAL_NULL;
    HashTable& t = src->table;
    for (uint32_t i = 0; i < t.nentries; i++) {
        HashEntry& e = t.entries[i];
        if (!val_is_null(e.key) && !ht_insert(&d->table, e.key, e.hash, e.value)) return VAL_NULL;
    }
    return val(d);
}

bool dict_update(DictObject* d, Value other) {
    Root r(other);
    if (is_kind(other, Kind::Dict)) {
        DictObject* o = as<DictObject>(other);
        for (uint32_t i = 0; i < o->table.nentries; i++) {
            HashEntry e = o->table.entries[i];
            if (!val_is_null(e.key) && !ht_insert(&d->table, e.key, e.hash, e.value)) return false;
        }
        d->version++;
        return true;
    }
    static StrObject* keys_name = intern("keys");
    Value keys = obj_getattr_default(other, keys_name, VAL_NULL);
    if (err_occurred()) return false;
    if (!val_is_null(keys)) {  // a mapping: iterate its keys and index it
        Value ks = call0(keys);
        if (val_is_null(ks)) return false;
        Value it = obj_getiter(ks);
        if (val_is_null(it)) return false;
        Root ri(it);
        for (;;) {
            Value k = iter_next(it);
            if (val_is_null(k)) return !err_occurred();
            Root rk(k);
            Value v = obj_getitem(other, k);
            if (val_is_null(v) || !dict_set(d, k, v)) return false;
        }
    }
    Value it = obj_getiter(other);
    if (val_is_null(it)) return false;
    Root ri(it);
    for (int64_t n = 0;; n++) {
        Value item = iter_next(it);
        if (val_is_null(item)) return !err_occurred();
        Root rit(item);
        Value pair = tuple_from_iterable(item);
        if (val_is_null(pair)) {
            if (err_matches(T.e_TypeError)) {
                err_clear();
                raise(T.e_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                      static_cast<long long>(n));
            }
            return false;
        }
        TupleObject* p = as<TupleObject>(pair);
        if (p->size != 2) {
            raise(T.e_ValueError, "dictionary update sequence element #%lld has length %zu; 2 is required",
                  static_cast<long long>(n), p->size);
            return false;
        }
        if (!dict_set(d, p->items[0], p->items[1])) return false;
    }
}

bool dict_merge_kwargs(DictObject* d, Value mapping, Value funcname) {
    if (!is_kind(mapping, Kind::Dict)) {
        Value probe = obj_getattr_default(mapping, intern("keys"), VAL_NULL);
        if (val_is_null(probe)) {
            err_clear();
            Value fn = obj_str(funcname);
            raise(T.e_TypeError, "%s argument after ** must be a mapping, not %s",
                  val_is_null(fn) ? "function" : std::string(str_view(fn)).c_str(), type_name(mapping));
            return false;
        }
        Value tmp = val(dict_new());
        Root rt(tmp);
        if (!dict_update(as<DictObject>(tmp), mapping)) return false;
        mapping = tmp;
    }
    DictObject* m = as<DictObject>(mapping);
    Value k, v;
    for (uint32_t pos = 0; dict_next(m, &pos, &k, &v);) {
        if (!is_kind(k, Kind::Str)) {
            raise(T.e_TypeError, "keywords must be strings");
            return false;
        }
        Value existing = dict_get(d, k);
        if (!val_is_null(existing)) {
            Value fn = obj_str(funcname);
            raise(T.e_TypeError, "%s got multiple values for keyword argument '%s'",
                  val_is_null(fn) ? "function" : std::string(str_view(fn)).c_str(), std::string(str_view(k)).c_str());
            return false;
        }
        if (!dict_set(d, k, v)) return false;
    }
    return true;
}

// ---- set primitives (the methods live in set_methods.cpp) ----

SetObject* set_new(bool frozen) {
    auto* s = gc_new<SetObject>(frozen ? T.t_frozenset : T.t_set, Kind::Set);
    if (!s) {
        raise_no_memory();
        return nullptr;
    }
    s->extra = frozen ? 1 : 0;
    return s;
}

int set_add(SetObject* s, Value key) {
    int64_t h;
    if (!obj_hash(key, &h)) return -1;
    return ht_insert(&s->table, key, h, VAL_NONE) ? 0 : -1;
}

int set_contains(SetObject* s, Value key) {
    int64_t h;
    if (!obj_hash(key, &h)) return -1;
    int64_t ix = ht_find(&s->table, key, h);
    return ix == -2 ? -1 : ix >= 0;
}

int set_discard(SetObject* s, Value key) {
    int64_t h;
    if (!obj_hash(key, &h)) return -1;
    return ht_remove(&s->table, key, h);
}

bool set_merge(SetObject* s, Value other);  // set_methods.cpp: CPython's set_update_internal (same order)

bool set_update(SetObject* s, Value iterable) {
    Root r(iterable);
    if (is_kind(iterable, Kind::Set)) return set_merge(s, iterable);
    if (is_kind(iterable, Kind::Dict)) {
        HashTable& t = as<DictObject>(iterable)->table;
        for (uint32_t i = 0; i < t.nentries; i++) {
            HashEntry e = t.entries[i];
            if (!val_is_null(e.key) && !ht_insert(&s->table, e.key, e.hash, VAL_NONE)) return false;
        }
        return true;
    }
    Value it = obj_getiter(iterable);
    if (val_is_null(it)) return false;
    Root ri(it);
    for (;;) {
        Value item = iter_next(it);
        if (val_is_null(item)) return !err_occurred();
        if (set_add(s, item) < 0) return false;
    }
}

bool set_next(SetObject* s, uint32_t* pos, Value* key) {
    HashTable& t = s->table;
    while (*pos < t.nentries) {
        HashEntry& e = t.entries[(*pos)++];
        if (!val_is_null(e.key)) {
            *key = e.key;
            return true;
        }
    }
    return false;
}

}  // namespace krait
