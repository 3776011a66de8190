// set_methods.cpp — the slots and methods of set and frozenset, and set_iterator.
//
// Used by: every Python program through the slots set in init_set_methods; dict views (dict_methods.cpp) call
// the *_update methods by name and set_merge. The hash table is dict.cpp's insertion-ordered HashTable.
//
// Iteration order. CPython's sets iterate in hash-table slot order, which programs see whenever they print
// a set ({3, 1, 2} prints as {1, 2, 3}). Krait's table is insertion ordered, so the order CPython would
// produce is recomputed: the entry array is the set's history, and replaying it through CPython's set
// algorithm (linear probing by 9, perturbation, resize at 3/5 full, dummies reused, the pop() finger) gives
// CPython's slot order. The history lives in the entries' otherwise unused values (see "merge marks"): bulk
// merges and verbatim copies, and for removed entries when they were removed. When the table compacts its
// removed entries away, the set is first "baked" into its current layout (dummies are lost then, which
// makes later orders approximate). Sets with more than kReplayLimit entries iterate in insertion order.
#include <algorithm>
#include <string>
#include <vector>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slice.h"
#include "recursion_guard.h"

namespace krait {

bool set_merge(SetObject* s, Value other);

namespace {

constexpr uint32_t kReplayLimit = 1u << 13; // larger sets iterate in insertion order (see merge marks)
constexpr uint32_t kPopReplayLimit = 1024;  // pop() replays only small sets (pop loops would be quadratic)

StrObject* s_init;
TypeObject* t_set_iterator;

bool is_set(Value v) {
    return is_kind(v, Kind::Set);
}
SetObject* S(Value v) {
    return as<SetObject>(v);
}

// ---- the CPython slot-order replay ----
// Merge marks. Entry values of a set are unused by the table, so they carry the history the replay needs,
// packed in an int (all fields zero for VAL_NONE, a plain add, and VAL_NULL, removed by code that records
// nothing, which then counts as removed at the end):
//   bits 0..16   slot+1 when the entry was copied to a fixed slot (CPython's merge into an empty table of
//                the same size copies slots verbatim, and a baked set pins every entry), else 0;
//   bits 17..31  k when a bulk merge of k items started with this entry (CPython resizes up front), else 0;
//   bits 32..45  for a removed entry, T: it was removed just before entry T was inserted (0: unknown);
//   bit 46       for a removed entry, difference_update's "too many dummies" resize follows removals at T;
//   bit 47       for a removed entry, pop() removed it, which moves CPython's search finger past its slot.
// The widths suffice for sets up to kReplayLimit entries, the only ones replayed.

constexpr int kSlotBits = 17, kMergeBits = 15, kTimeBits = 14;
constexpr int kMergeShift = kSlotBits, kTimeShift = kSlotBits + kMergeBits,
              kCheckShift = kTimeShift + kTimeBits;
constexpr int kPopShift = kCheckShift + 1;
constexpr uint64_t kMarkMask = (uint64_t(1) << kTimeShift) - 1;
constexpr int32_t kUnused = -1;
constexpr int32_t kDummy = -2;

uint64_t field(uint64_t bits, int shift, int width) {
    return (bits >> shift) & ((uint64_t(1) << width) - 1);
}
uint64_t packed(Value v) {
    return val_is_int(v) ? (uint64_t)val_int(v) : 0;
}

// The mark of an entry that starts a merge of k items and/or is pinned to `slot` (-1: not pinned).
Value merge_mark(uint64_t k, int64_t slot) {
    if (k >> kMergeBits) k = 0; // only sets beyond kReplayLimit merge this much
    uint64_t pin = slot >= 0 && (uint64_t)(slot + 1) >> kSlotBits == 0 ? (uint64_t)(slot + 1) : 0;
    uint64_t bits = (k << kMergeShift) | pin;
    return bits ? int_from_i64((int64_t)bits) : VAL_NONE;
}

// The value of an entry removed at time `now`, keeping its mark.
Value removal_mark(Value old, uint64_t now, bool popped) {
    uint64_t t = now >> kTimeBits ? 0 : now;
    return int_from_i64(
        (int64_t)((packed(old) & kMarkMask) | (t << kTimeShift) | ((uint64_t)popped << kPopShift)));
}

struct CpyTable {
    std::vector<int32_t> slot;  // kUnused, kDummy, or an entry number
    std::vector<int32_t> where; // entry number -> its slot
    uint64_t mask = 7;
    uint64_t fill = 0, used = 0;
    uint64_t finger = 0; // where pop() starts looking
    bool exact = true;   // false: too big to replay; `slot` then lists entries in insertion order
};

void cpy_insert_clean(CpyTable& t, int32_t e, uint64_t h) {
    uint64_t perturb = h, i = h & t.mask;
    for (;;) {
        for (uint64_t j = 0; j <= (i + 9 <= t.mask ? 9 : 0); j++) {
            if (t.slot[i + j] != kUnused) continue;
            t.slot[i + j] = e;
            t.where[e] = (int32_t)(i + j);
            return;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & t.mask;
    }
}

// set_table_resize: live entries are reinserted in slot order, dummies dropped.
void cpy_resize(CpyTable& t, const HashEntry* entries, uint64_t minused) {
    uint64_t n = 8;
    while (n <= minused) n <<= 1;
    std::vector<int32_t> old;
    old.swap(t.slot);
    t.slot.assign(n, kUnused);
    t.mask = n - 1;
    t.fill = t.used;
    for (int32_t e : old)
        if (e >= 0) cpy_insert_clean(t, e, (uint64_t)entries[e].hash);
}

// set_add_entry for a key known to be absent: the last dummy met on the probe path is reused (CPython 3.12).
void cpy_add(CpyTable& t, const HashEntry* entries, int32_t e) {
    uint64_t h = (uint64_t)entries[e].hash, perturb = h, i = h & t.mask;
    int64_t freeslot = -1;
    for (;;) {
        uint64_t probes = i + 9 <= t.mask ? 9 : 0;
        for (uint64_t j = 0; j <= probes; j++) {
            int32_t s = t.slot[i + j];
            if (s == kDummy) freeslot = (int64_t)(i + j);
            if (s != kUnused) continue;
            t.used++;
            if (freeslot >= 0) {
                t.slot[freeslot] = e;
                t.where[e] = (int32_t)freeslot;
                return;
            }
            t.slot[i + j] = e;
            t.where[e] = (int32_t)(i + j);
            if (++t.fill * 5 >= t.mask * 3) cpy_resize(t, entries, t.used > 50000 ? t.used * 2 : t.used * 4);
            return;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & t.mask;
    }
}

// Inserts entry e, honouring its merge mark.
void cpy_insert(CpyTable& t, const HashEntry* entries, int32_t e) {
    uint64_t m = packed(entries[e].value);
    if (!(m & kMarkMask)) return cpy_add(t, entries, e);
    uint64_t k = field(m, kMergeShift, kMergeBits);
    int64_t fixed = (int64_t)field(m, 0, kSlotBits) - 1;
    if (k && (t.fill + k) * 5 >= t.mask * 3) cpy_resize(t, entries, (t.used + k) * 2);
    if (fixed >= 0 && (uint64_t)fixed <= t.mask && t.slot[fixed] == kUnused) {
        t.slot[fixed] = e;
        t.where[e] = (int32_t)fixed;
        t.fill++, t.used++;
        return;
    }
    cpy_add(t, entries, e);
}

// Applies the removals recorded at time `now` (removals is sorted by time; *next is the first not yet
// applied).
void cpy_remove_until(CpyTable& t, const HashEntry* entries,
                      const std::vector<std::pair<int64_t, int32_t>>& removals, size_t* next, int64_t now) {
    bool check = false;
    for (; *next < removals.size() && removals[*next].first <= now; ++*next) {
        int32_t r = removals[*next].second;
        check = check || field(packed(entries[r].value), kCheckShift, 1);
        if (r >= now || t.where[r] < 0) continue;
        if (field(packed(entries[r].value), kPopShift, 1)) t.finger = (uint64_t)t.where[r] + 1;
        t.slot[t.where[r]] = kDummy;
        t.where[r] = -1;
        t.used--;
    }
    if (check && t.fill - t.used > t.mask / 4)
        cpy_resize(t, entries, t.used > 50000 ? t.used * 2 : t.used * 4);
}

// Replays the history of s into t (see above).
void cpy_replay(SetObject* s, CpyTable* t) {
    const HashTable& ht = s->table;
    if (ht.nentries > kReplayLimit) {
        t->exact = false;
        t->slot.clear();
        for (uint32_t i = 0; i < ht.nentries; i++)
            if (!val_is_null(ht.entries[i].key)) t->slot.push_back((int32_t)i);
        return;
    }
    std::vector<std::pair<int64_t, int32_t>> removals; // (time, entry)
    for (uint32_t e = 0; e < ht.nentries; e++) {
        uint64_t when = field(packed(ht.entries[e].value), kTimeShift, kTimeBits);
        if (val_is_null(ht.entries[e].key) && when) removals.push_back({(int64_t)when, (int32_t)e});
    }
    std::stable_sort(removals.begin(), removals.end());
    t->slot.assign(8, kUnused);
    t->where.assign(ht.nentries, -1);
    size_t next = 0;
    for (uint32_t e = 0; e < ht.nentries; e++) {
        cpy_remove_until(*t, ht.entries, removals, &next, e);
        cpy_insert(*t, ht.entries, (int32_t)e);
    }
    cpy_remove_until(*t, ht.entries, removals, &next, ht.nentries);
}

// Live entry numbers of s in the order CPython would iterate them.
void cpy_order(SetObject* s, std::vector<uint32_t>* out) {
    CpyTable t;
    cpy_replay(s, &t);
    out->clear();
    for (int32_t e : t.slot)
        if (e >= 0 && !val_is_null(s->table.entries[e].key)) out->push_back((uint32_t)e);
}

// Keys (rooted) and hashes of s in CPython's iteration order.
void ordered_keys(SetObject* s, RootVec* keys, std::vector<int64_t>* hashes) {
    std::vector<uint32_t> order;
    cpy_order(s, &order);
    keys->items.clear();
    if (hashes) hashes->clear();
    for (uint32_t e : order) {
        keys->items.push_back(s->table.entries[e].key);
        if (hashes) hashes->push_back(s->table.entries[e].hash);
    }
}

// ---- primitive operations on the table ----

SetObject* new_set(TypeObject* type) {
    if (type == T.t_set || type == T.t_frozenset) return set_new(type == T.t_frozenset);
    bool frozen = type_is_subtype(type, T.t_frozenset);
    SetObject* s = gc_new<SetObject>(type, Kind::Set);
    if (!s) {
        raise_no_memory();
        return nullptr;
    }
    s->extra = frozen ? 1 : 0;
    return s;
}

// The base type of a result of an operator or method (subclasses give plain sets / frozensets).
TypeObject* base_type(Value v) {
    return set_is_frozen(S(v)) ? T.t_frozenset : T.t_set;
}

// Adds key (with precomputed hash) unless present, leaving an existing entry's merge mark alone.
// 1 added, 0 present, -1 error.
// The table compacts its deleted entries away when the entry array is full, and with them the history the
// replay needs. Just before that happens, the set is rewritten as its current CPython layout: live entries in
// slot order, each pinned to its slot, the first with a merge size that makes the replay choose the same
// table size (dummies, which only delay CPython's next resize, are not kept).
bool bake_to(SetObject* s, const CpyTable& t) {
    RootVec keys;
    std::vector<int64_t> hashes, slots;
    for (size_t i = 0; i < t.slot.size(); i++) {
        int32_t e = t.slot[i];
        if (e < 0 || val_is_null(s->table.entries[e].key)) continue;
        keys.items.push_back(s->table.entries[e].key);
        hashes.push_back(s->table.entries[e].hash);
        slots.push_back((int64_t)i);
    }
    // From the empty 8-slot table, a merge of k items resizes to the smallest power of two above 2k
    // (when 5k >= 21).
    uint64_t size = t.mask + 1, k = size == 8 ? 0 : size == 16 ? 5 : size / 4;
    ht_clear(&s->table);
    for (size_t i = 0; i < keys.items.size(); i++)
        if (!ht_insert(&s->table, keys.items[i], hashes[i], merge_mark(i == 0 ? k : 0, slots[i])))
            return false;
    return true;
}

bool bake_history(SetObject* s) {
    CpyTable t;
    cpy_replay(s, &t);
    return !t.exact || bake_to(s, t);
}

int add_hashed(SetObject* s, Value key, int64_t h, Value mark) {
    int64_t ix = ht_find(&s->table, key, h);
    if (ix == -2) return -1;
    if (ix >= 0) return 0;
    HashTable& t = s->table;
    if (t.nentries >= t.capacity && t.used < t.nentries && t.nentries <= kReplayLimit) {
        Root rk(key);
        if (!bake_history(s)) return -1;
    }
    return ht_insert(&s->table, key, h, mark) ? 1 : -1;
}

int add_key(SetObject* s, Value key) {
    int64_t h;
    if (!obj_hash(key, &h)) return -1;
    return add_hashed(s, key, h, VAL_NONE);
}

// Removes key, recording when (see the replay above). 1 removed, 0 absent, -1 error.
int discard_hashed(SetObject* s, Value key, int64_t h, int64_t* removed_at = nullptr, bool popped = false) {
    int64_t ix = ht_find(&s->table, key, h);
    if (ix < 0) return ix == -2 ? -1 : 0;
    uint32_t now = s->table.nentries;
    Value old = s->table.entries[ix].value;
    int r = ht_remove(&s->table, key, h);
    if (r > 0 && (uint64_t)ix < s->table.nentries && val_is_null(s->table.entries[ix].key)) {
        s->table.entries[ix].value = removal_mark(old, now, popped);
        if (removed_at) *removed_at = ix;
    }
    return r;
}

int contains_hashed(SetObject* s, Value key, int64_t h) {
    int64_t ix = ht_find(&s->table, key, h);
    return ix == -2 ? -1 : ix >= 0;
}

// A set used as a key (x in s, s.remove(x)) is looked up as the equal frozenset, as CPython does.
bool hash_key(Value key, int64_t* h, Value* as_key) {
    *as_key = key;
    if (obj_hash(key, h)) return true;
    if (!is_set(key) || !err_matches(T.e_TypeError)) return false;
    err_clear();
    SetObject* f = set_new(true);
    if (!f) return false;
    *as_key = val(f);
    if (!set_update(f, key)) return false;
    return obj_hash(*as_key, h);
}

// CPython resizes the target of a merge of k items up front when (fill + k) * 5 >= mask * 3. For an empty
// target the first inserted entry records it (see merge marks); a non-empty target is baked right away into
// its resized layout, since the merge may insert nothing. *dst receives the target's table after that step.
bool prepare_merge(SetObject* s, uint64_t k, CpyTable* dst) {
    if (s->table.nentries)
        cpy_replay(s, dst);
    else
        dst->slot.assign(8, kUnused);
    if (!dst->exact || (dst->fill + k) * 5 < dst->mask * 3) return true;
    if (dst->used == 0) {
        uint64_t n = 8;
        while (n <= k * 2) n <<= 1;
        dst->mask = n - 1;
        dst->fill = 0;
        return true;
    }
    dst->where.resize(s->table.nentries, -1);
    cpy_resize(*dst, s->table.entries, (dst->used + k) * 2);
    return bake_to(s, *dst);
}

// Adds keys (with their hashes) in order; the first new one carries the merge size k, and pinned slots (>= 0)
// are recorded.
bool add_all(SetObject* s, RootVec& keys, const std::vector<int64_t>& hashes,
             const std::vector<int64_t>& slots, uint64_t k) {
    bool first = true;
    for (size_t i = 0; i < keys.items.size(); i++) {
        int64_t pin = slots.empty() ? -1 : slots[i];
        Value mark = first || pin >= 0 ? merge_mark(first ? k : 0, pin) : VAL_NONE;
        int r = add_hashed(s, keys.items[i], hashes[i], mark);
        if (r < 0) return false;
        if (r > 0) first = false;
    }
    return true;
}

// set_merge: the items of `other` in its CPython order, the first new one marked with the merge size. When s
// is empty and would get a table of other's size, CPython copies the slots verbatim, and so does the replay.
bool merge_set(SetObject* s, SetObject* other) {
    if (s == other || other->table.used == 0) return true;
    CpyTable src, dst;
    cpy_replay(other, &src);
    uint64_t k = other->table.used;
    if (!prepare_merge(s, k, &dst)) return false;
    bool verbatim = src.exact && dst.exact && dst.fill == 0 && dst.mask == src.mask && src.fill == src.used;
    RootVec keys;
    std::vector<int64_t> hashes, slots;
    for (size_t i = 0; i < src.slot.size(); i++) {
        int32_t e = src.slot[i];
        if (e < 0 || val_is_null(other->table.entries[e].key)) continue;
        keys.items.push_back(other->table.entries[e].key);
        hashes.push_back(other->table.entries[e].hash);
        slots.push_back(verbatim ? (int64_t)i : -1);
    }
    return add_all(s, keys, hashes, slots, k);
}

} // namespace

// CPython's set_update_internal: merges the items of any iterable into s. Items of a set or dict are added in
// that container's CPython order, the first new one marked with the merge size, so that the slot-order replay
// resizes up front as CPython does. The interpreter's SET_UPDATE (and set_update) should come here.
bool set_merge(SetObject* s, Value other) {
    Value sv = val(s);
    Root rs(sv), ro(other);
    if (is_set(other)) return merge_set(s, S(other));
    if (type_of(other) == T.t_dict) {
        RootVec keys;
        std::vector<int64_t> hashes;
        HashTable& t = as<DictObject>(other)->table;
        for (uint32_t i = 0; i < t.nentries; i++) {
            if (val_is_null(t.entries[i].key)) continue;
            keys.items.push_back(t.entries[i].key);
            hashes.push_back(t.entries[i].hash);
        }
        CpyTable dst;
        if (!prepare_merge(s, keys.items.size(), &dst)) return false;
        return add_all(s, keys, hashes, {}, keys.items.size());
    }
    Value it = obj_getiter(other);
    if (val_is_null(it)) return false;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return !err_occurred();
        Root rx(x);
        if (add_key(s, x) < 0) return false;
    }
}

namespace {

// A new set of `type` holding the items of `other` (set(x), s.copy()).
Value make_from(TypeObject* type, Value other) {
    SetObject* r = new_set(type);
    if (!r) return VAL_NULL;
    Value rv = val(r);
    Root rr(rv);
    if (!val_is_null(other) && !set_merge(r, other)) return VAL_NULL;
    return rv;
}

// A set view of `other` for operations that need membership tests: other itself when it is a set.
Value as_set(Value other) {
    if (is_set(other)) return other;
    return make_from(T.t_set, other);
}

// Replaces the contents of s by those of src, keeping src's history (so both iterate alike).
bool assign_from(SetObject* s, SetObject* src) {
    ht_clear(&s->table);
    HashTable& t = src->table;
    for (uint32_t i = 0; i < t.nentries; i++) {
        HashEntry e = t.entries[i];
        if (!val_is_null(e.key) && !ht_insert(&s->table, e.key, e.hash, e.value)) return false;
    }
    return true;
}

// ---- the operations (CPython's algorithms, so that results iterate in CPython's order) ----

Value set_union(Value a, Value b) {
    Value r = make_from(base_type(a), a);
    if (val_is_null(r) || val_same(a, b)) return r;
    Root rr(r);
    return set_merge(S(r), b) ? r : VAL_NULL;
}

Value set_intersection(Value a, Value other) {
    if (val_same(a, other)) return make_from(base_type(a), a);
    SetObject* r = new_set(base_type(a));
    if (!r) return VAL_NULL;
    Value rv = val(r);
    Root rr(rv), ra(a), ro(other);
    if (is_set(other)) {
        // CPython iterates the smaller operand (`other` when the sizes are equal).
        Value small = other, big = a;
        if (S(other)->table.used > S(a)->table.used) std::swap(small, big);
        RootVec keys;
        std::vector<int64_t> hashes;
        ordered_keys(S(small), &keys, &hashes);
        for (size_t i = 0; i < keys.items.size(); i++) {
            int c = contains_hashed(S(big), keys.items[i], hashes[i]);
            if (c < 0 || (c && add_hashed(r, keys.items[i], hashes[i], VAL_NONE) < 0)) return VAL_NULL;
        }
        return rv;
    }
    Value it = obj_getiter(other);
    if (val_is_null(it)) return VAL_NULL;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? VAL_NULL : rv;
        Root rx(x);
        int64_t h;
        if (!obj_hash(x, &h)) return VAL_NULL;
        int c = contains_hashed(S(a), x, h);
        if (c < 0 || (c && add_hashed(r, x, h, VAL_NONE) < 0)) return VAL_NULL;
    }
}

bool difference_update(SetObject* s, Value other) {
    if (obj(other) == s) {
        ht_clear(&s->table);
        return true;
    }
    Value sv = val(s);
    Root rs(sv), ro(other);
    Value it = obj_getiter(other);
    if (val_is_null(it)) return false;
    Root ri(it);
    int64_t last = -1;
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) break;
        Root rx(x);
        int64_t h;
        if (!obj_hash(x, &h) || discard_hashed(s, x, h, &last) < 0) return false;
    }
    if (err_occurred()) return false;
    // CPython then drops the dummies if they fill more than a quarter of the table: tell the replay.
    HashTable& t = s->table;
    if (last >= 0 && (uint64_t)last < t.nentries && val_is_null(t.entries[last].key) &&
        val_is_int(t.entries[last].value))
        t.entries[last].value = int_from_i64(val_int(t.entries[last].value) | (int64_t(1) << kCheckShift));
    return true;
}

Value set_difference(Value a, Value other) {
    TypeObject* type = base_type(a);
    int64_t other_size = -1;
    if (is_set(other))
        other_size = S(other)->table.used;
    else if (type_of(other) == T.t_dict)
        other_size = as<DictObject>(other)->table.used;
    if (other_size < 0 || (int64_t)(S(a)->table.used >> 2) > other_size) {
        Value r = make_from(type, a); // copy, then remove other's items
        if (val_is_null(r)) return VAL_NULL;
        Root rr(r);
        return difference_update(S(r), other) ? r : VAL_NULL;
    }
    SetObject* r = new_set(type);
    if (!r) return VAL_NULL;
    Value rv = val(r);
    Root rr(rv), ra(a), ro(other);
    RootVec keys;
    std::vector<int64_t> hashes;
    ordered_keys(S(a), &keys, &hashes);
    for (size_t i = 0; i < keys.items.size(); i++) {
        int c = is_set(other) ? contains_hashed(S(other), keys.items[i], hashes[i])
                              : (int)(ht_find(&as<DictObject>(other)->table, keys.items[i], hashes[i]) >= 0);
        if (c < 0 || (!c && add_hashed(r, keys.items[i], hashes[i], VAL_NONE) < 0)) return VAL_NULL;
    }
    return rv;
}

bool symmetric_difference_update(SetObject* s, Value other) {
    Value sv = val(s);
    Root rs(sv);
    Value o = as_set(other);
    if (val_is_null(o)) return false;
    Root ro(o);
    if (obj(o) == s) {
        ht_clear(&s->table);
        return true;
    }
    RootVec keys;
    std::vector<int64_t> hashes;
    ordered_keys(S(o), &keys, &hashes);
    for (size_t i = 0; i < keys.items.size(); i++) {
        int r = discard_hashed(s, keys.items[i], hashes[i]);
        if (r < 0 || (r == 0 && add_hashed(s, keys.items[i], hashes[i], VAL_NONE) < 0)) return false;
    }
    return true;
}

Value set_symmetric_difference(Value a, Value other) {
    Value r = make_from(base_type(a), other);
    if (val_is_null(r)) return VAL_NULL;
    Root rr(r);
    return symmetric_difference_update(S(r), a) ? r : VAL_NULL;
}

// 1 when every item of a is in b (both sets), 0 if not, -1 on error.
int is_subset(Value a, Value b) {
    if (S(a)->table.used > S(b)->table.used) return 0;
    RootVec keys;
    std::vector<int64_t> hashes;
    ordered_keys(S(a), &keys, &hashes);
    for (size_t i = 0; i < keys.items.size(); i++) {
        int c = contains_hashed(S(b), keys.items[i], hashes[i]);
        if (c <= 0) return c;
    }
    return 1;
}

// ---- slots ----

Value set_repr(Value self) {
    TypeObject* t = type_of(self);
    std::string tname = t->name->data;
    ReprGuard guard(self);
    if (guard.recursive) return str_new(tname + "(...)");
    if (S(self)->table.used == 0) return str_new(tname + "()");
    if (!enter_recursive_call(" while getting the repr of an object")) return VAL_NULL;
    RootVec keys;
    ordered_keys(S(self), &keys, nullptr);
    std::string out = t == T.t_set ? "{" : tname + "({";
    bool ok = true;
    for (size_t i = 0; i < keys.items.size() && ok; i++) {
        Value r = obj_repr(keys.items[i]);
        if (val_is_null(r))
            ok = false;
        else
            out += (i ? ", " : ""), out += str_view(r);
    }
    leave_recursive_call();
    if (!ok) return VAL_NULL;
    out += t == T.t_set ? "}" : "})";
    return str_new(out);
}

bool frozenset_hash(Value self, int64_t* out) {
    HashTable& t = S(self)->table;
    uint64_t h = 0;
    for (uint32_t i = 0; i < t.nentries; i++) {
        if (val_is_null(t.entries[i].key)) continue;
        uint64_t x = (uint64_t)t.entries[i].hash;
        h ^= ((x ^ 89869747ULL) ^ (x << 16)) * 3644798167ULL;
    }
    h ^= ((uint64_t)t.used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == UINT64_MAX) h = 590923713ULL;
    *out = (int64_t)h;
    return true;
}

bool unhashable(Value self, int64_t*) {
    raise(T.e_TypeError, "unhashable type: '%s'", type_name(self));
    return false;
}

Value set_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_set(other)) return g_not_implemented;
    uint32_t na = S(self)->table.used, nb = S(other)->table.used;
    int r = 0;
    switch (op) {
    case CmpOpT::EQ:
    case CmpOpT::NE: r = na == nb ? is_subset(self, other) : 0; break;
    case CmpOpT::LE: r = is_subset(self, other); break;
    case CmpOpT::LT: r = na < nb ? is_subset(self, other) : 0; break;
    case CmpOpT::GE: r = is_subset(other, self); break;
    case CmpOpT::GT: r = na > nb ? is_subset(other, self) : 0; break;
    }
    if (r < 0) return VAL_NULL;
    return val_from_bool(op == CmpOpT::NE ? !r : r);
}

Value set_binop(Value self, Value other, BinOpT op, bool reflected) {
    if (!is_set(other)) return g_not_implemented;
    Value a = reflected ? other : self, b = reflected ? self : other;
    switch (op) {
    case BinOpT::Or: return set_union(a, b);
    case BinOpT::And: return set_intersection(a, b);
    case BinOpT::Sub: return set_difference(a, b);
    case BinOpT::Xor: return set_symmetric_difference(a, b);
    default: return g_not_implemented;
    }
}

Value set_inplace(Value self, Value other, BinOpT op) {
    if (!is_set(other)) return g_not_implemented;
    SetObject* s = S(self);
    switch (op) {
    case BinOpT::Or: return set_merge(s, other) ? self : VAL_NULL;
    case BinOpT::Sub: return difference_update(s, other) ? self : VAL_NULL;
    case BinOpT::Xor: return symmetric_difference_update(s, other) ? self : VAL_NULL;
    case BinOpT::And: {
        Value r = set_intersection(self, other);
        if (val_is_null(r)) return VAL_NULL;
        Root rr(r);
        return assign_from(s, S(r)) ? self : VAL_NULL;
    }
    default: return g_not_implemented;
    }
}

bool set_len(Value self, int64_t* out) {
    *out = S(self)->table.used;
    return true;
}

int set_truth(Value self) {
    return S(self)->table.used != 0;
}

int set_contains_slot(Value self, Value key) {
    int64_t h;
    Value k;
    if (!hash_key(key, &h, &k)) return -1;
    Root rk(k);
    return contains_hashed(S(self), k, h);
}

// set_iterator: src = the set, end = the size expected (-1 after a reported change), index = position in the
// snapshot `aux` (a tuple of the keys in CPython order) or, for big sets, in the entry array.
Value set_iter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    SetObject* s = S(it->src);
    if (it->end != (int64_t)s->table.used) {
        it->end = -1;
        return raise(T.e_RuntimeError, "Set changed size during iteration");
    }
    if (!val_is_null(it->aux)) {
        TupleObject* keys = as<TupleObject>(it->aux);
        if (it->index < (int64_t)keys->size) return keys->items[it->index++];
    } else {
        while (it->index < (int64_t)s->table.nentries) {
            Value k = s->table.entries[it->index++].key;
            if (!val_is_null(k)) return k;
        }
    }
    it->src = it->aux = VAL_NULL;
    return VAL_NULL;
}

Value set_iter(Value self) {
    SetObject* s = S(self);
    Value snapshot = VAL_NULL;
    if (s->table.nentries <= kReplayLimit) {
        RootVec keys;
        ordered_keys(s, &keys, nullptr);
        snapshot = tuple_from_array(keys.items.data(), keys.items.size());
        if (val_is_null(snapshot)) return VAL_NULL;
    }
    Root rsn(snapshot);
    return make_iter(t_set_iterator, set_iter_next, self, snapshot, 0, s->table.used, 1);
}

bool has_python_init(TypeObject* cls) {
    TupleObject* mro = cls->mro;
    for (size_t i = 0; i < mro->size; i++) {
        TypeObject* c = as<TypeObject>(mro->items[i]);
        if (!val_is_null(dict_get_str(c->dict, s_init))) return (c->flags & TF_HEAPTYPE) != 0;
    }
    return false;
}

Value set_new_fn(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    bool frozen = type_is_subtype(cls, T.t_frozenset);
    const char* name = frozen ? "frozenset" : "set";
    if (!frozen && cls != T.t_set && has_python_init(cls)) return make_from(cls, VAL_NULL);
    if (kwnames && kwnames->size) return raise(T.e_TypeError, "%s() takes no keyword arguments", name);
    if (!args_between(name, nargs, 0, 1)) return VAL_NULL;
    if (frozen && cls == T.t_frozenset && nargs == 1 && type_of(args[0]) == T.t_frozenset) return args[0];
    return make_from(cls, nargs ? args[0] : VAL_NULL);
}

// ---- methods ----

template <NativeFn F, bool Mutating>
Value SM(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !is_set(args[0]) || (Mutating && set_is_frozen(S(args[0])))) {
        if (nargs == 0) return raise(T.e_TypeError, "unbound method of 'set' objects needs an argument");
        return raise(T.e_TypeError, "descriptor for 'set' objects doesn't apply to a '%s' object",
                     type_name(args[0]));
    }
    return F(args, nargs, kw);
}

Value set_m_add(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("set.add", nargs - 1)) return VAL_NULL;
    return add_key(S(args[0]), args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

// discard (must_exist false) and remove (true).
Value remove_key(Value* args, size_t nargs, bool must_exist) {
    if (!args_exact_one(must_exist ? "set.remove" : "set.discard", nargs - 1)) return VAL_NULL;
    int64_t h;
    Value k;
    if (!hash_key(args[1], &h, &k)) return VAL_NULL;
    Root rk(k);
    int r = discard_hashed(S(args[0]), k, h);
    if (r < 0) return VAL_NULL;
    if (r == 0 && must_exist) {
        Value exc = call1(val(T.e_KeyError), args[1]);
        return val_is_null(exc) ? VAL_NULL : raise_value(exc);
    }
    return VAL_NONE;
}

Value set_m_discard(Value* args, size_t nargs, TupleObject*) {
    return remove_key(args, nargs, false);
}
Value set_m_remove(Value* args, size_t nargs, TupleObject*) {
    return remove_key(args, nargs, true);
}

Value set_m_pop(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("set.pop", nargs - 1)) return VAL_NULL;
    SetObject* s = S(args[0]);
    HashTable& t = s->table;
    if (t.used == 0) {
        Value exc = call1(val(T.e_KeyError), val(intern("pop from an empty set")));
        return val_is_null(exc) ? VAL_NULL : raise_value(exc);
    }
    if (t.nentries <= kPopReplayLimit) { // CPython's set_pop: the first entry at or after the finger
        CpyTable ct;
        cpy_replay(s, &ct);
        if (ct.exact) {
            uint64_t i = ct.finger & ct.mask;
            while (ct.slot[i] < 0 || val_is_null(t.entries[ct.slot[i]].key)) i = i == ct.mask ? 0 : i + 1;
            Value key = t.entries[ct.slot[i]].key;
            Root rk(key);
            return discard_hashed(s, key, t.entries[ct.slot[i]].hash, nullptr, true) < 0 ? VAL_NULL : key;
        }
    }
    uint32_t e = t.nentries;
    while (val_is_null(t.entries[e - 1].key)) e--;
    e--;
    HashEntry entry = t.entries[e];
    if (ht_remove(&t, entry.key, entry.hash) < 0) return VAL_NULL;
    while (t.nentries > 0 && val_is_null(t.entries[t.nentries - 1].key))
        t.nentries--; // no index refers to them
    return entry.key;
}

Value set_m_clear(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("set.clear", nargs - 1)) return VAL_NULL;
    ht_clear(&S(args[0])->table);
    return VAL_NONE;
}

Value set_m_copy(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("set.copy", nargs - 1)) return VAL_NULL;
    if (type_of(args[0]) == T.t_frozenset) return args[0];
    return make_from(base_type(args[0]), args[0]);
}

Value set_m_update(Value* args, size_t nargs, TupleObject*) {
    for (size_t i = 1; i < nargs; i++)
        if (!set_merge(S(args[0]), args[i])) return VAL_NULL;
    return VAL_NONE;
}

Value set_m_union(Value* args, size_t nargs, TupleObject*) {
    Value r = make_from(base_type(args[0]), args[0]);
    if (val_is_null(r)) return VAL_NULL;
    Root rr(r);
    for (size_t i = 1; i < nargs; i++)
        if (!val_same(args[i], args[0]) && !set_merge(S(r), args[i])) return VAL_NULL;
    return r;
}

Value set_m_intersection(Value* args, size_t nargs, TupleObject*) {
    if (nargs == 1) return make_from(base_type(args[0]), args[0]);
    Value r = args[0];
    Root rr(r);
    for (size_t i = 1; i < nargs; i++) {
        r = set_intersection(r, args[i]);
        if (val_is_null(r)) return VAL_NULL;
    }
    return r;
}

Value set_m_intersection_update(Value* args, size_t nargs, TupleObject* kw) {
    Value r = set_m_intersection(args, nargs, kw);
    if (val_is_null(r)) return VAL_NULL;
    Root rr(r);
    return obj(r) == obj(args[0]) || assign_from(S(args[0]), S(r)) ? VAL_NONE : VAL_NULL;
}

Value set_m_difference(Value* args, size_t nargs, TupleObject*) {
    if (nargs == 1) return make_from(base_type(args[0]), args[0]);
    Value r = set_difference(args[0], args[1]);
    if (val_is_null(r)) return VAL_NULL;
    Root rr(r);
    for (size_t i = 2; i < nargs; i++)
        if (!difference_update(S(r), args[i])) return VAL_NULL;
    return r;
}

Value set_m_difference_update(Value* args, size_t nargs, TupleObject*) {
    for (size_t i = 1; i < nargs; i++)
        if (!difference_update(S(args[0]), args[i])) return VAL_NULL;
    return VAL_NONE;
}

Value set_m_symmetric_difference(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("set.symmetric_difference", nargs - 1)) return VAL_NULL;
    return set_symmetric_difference(args[0], args[1]);
}

Value set_m_symmetric_difference_update(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("set.symmetric_difference_update", nargs - 1)) return VAL_NULL;
    return symmetric_difference_update(S(args[0]), args[1]) ? VAL_NONE : VAL_NULL;
}

// issubset / issuperset accept any iterable.
Value subset_method(Value* args, size_t nargs, bool superset) {
    if (!args_exact_one(superset ? "set.issuperset" : "set.issubset", nargs - 1)) return VAL_NULL;
    Value o = as_set(args[1]);
    if (val_is_null(o)) return VAL_NULL;
    Root ro(o);
    int r = superset ? is_subset(o, args[0]) : is_subset(args[0], o);
    return r < 0 ? VAL_NULL : val_from_bool(r);
}

Value set_m_issubset(Value* args, size_t nargs, TupleObject*) {
    return subset_method(args, nargs, false);
}
Value set_m_issuperset(Value* args, size_t nargs, TupleObject*) {
    return subset_method(args, nargs, true);
}

Value set_m_isdisjoint(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("set.isdisjoint", nargs - 1)) return VAL_NULL;
    Value it = obj_getiter(args[1]);
    if (val_is_null(it)) return VAL_NULL;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? VAL_NULL : VAL_TRUE;
        Root rx(x);
        int c = set_contains_slot(args[0], x);
        if (c < 0) return VAL_NULL;
        if (c) return VAL_FALSE;
    }
}

// set.__init__(iterable=()): reached through super().__init__() from a subclass.
Value set_m_init(Value* args, size_t nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->size) return raise(T.e_TypeError, "set() takes no keyword arguments");
    if (!args_between("set", nargs - 1, 0, 1)) return VAL_NULL;
    ht_clear(&S(args[0])->table);
    return nargs == 2 && !set_merge(S(args[0]), args[1]) ? VAL_NULL : VAL_NONE;
}

const MethodDef set_methods[] = {
    {"add", SM<set_m_add, true>, NF_NOKW},
    {"discard", SM<set_m_discard, true>, NF_NOKW},
    {"remove", SM<set_m_remove, true>, NF_NOKW},
    {"pop", SM<set_m_pop, true>, NF_NOKW},
    {"clear", SM<set_m_clear, true>, NF_NOKW},
    {"copy", SM<set_m_copy, false>, NF_NOKW},
    {"update", SM<set_m_update, true>, NF_NOKW},
    {"union", SM<set_m_union, false>, NF_NOKW},
    {"intersection", SM<set_m_intersection, false>, NF_NOKW},
    {"intersection_update", SM<set_m_intersection_update, true>, NF_NOKW},
    {"difference", SM<set_m_difference, false>, NF_NOKW},
    {"difference_update", SM<set_m_difference_update, true>, NF_NOKW},
    {"symmetric_difference", SM<set_m_symmetric_difference, false>, NF_NOKW},
    {"symmetric_difference_update", SM<set_m_symmetric_difference_update, true>, NF_NOKW},
    {"issubset", SM<set_m_issubset, false>, NF_NOKW},
    {"issuperset", SM<set_m_issuperset, false>, NF_NOKW},
    {"isdisjoint", SM<set_m_isdisjoint, false>, NF_NOKW},
    {"__init__", SM<set_m_init, true>, 0},
    {nullptr, nullptr, 0},
};

const MethodDef frozenset_methods[] = {
    {"copy", SM<set_m_copy, false>, NF_NOKW},
    {"union", SM<set_m_union, false>, NF_NOKW},
    {"intersection", SM<set_m_intersection, false>, NF_NOKW},
    {"difference", SM<set_m_difference, false>, NF_NOKW},
    {"symmetric_difference", SM<set_m_symmetric_difference, false>, NF_NOKW},
    {"issubset", SM<set_m_issubset, false>, NF_NOKW},
    {"issuperset", SM<set_m_issuperset, false>, NF_NOKW},
    {"isdisjoint", SM<set_m_isdisjoint, false>, NF_NOKW},
    {nullptr, nullptr, 0},
};

void init_common(TypeObject* t) {
    t->new_fn = set_new_fn;
    t->repr = set_repr;
    t->richcompare = set_richcompare;
    t->binop = set_binop;
    t->length = set_len;
    t->truth = set_truth;
    t->contains = set_contains_slot;
    t->iter = set_iter;
}

} // namespace

void init_set_methods() {
    s_init = intern("__init__");
    t_set_iterator = make_builtin_type("set_iterator", nullptr, Kind::Iter);
    t_set_iterator->iter = [](Value self) { return self; };
    t_set_iterator->next = [](Value self) {
        IterObject* it = as<IterObject>(self);
        return it->next(it);
    };
    init_common(T.t_set);
    T.t_set->inplace = set_inplace;
    T.t_set->hash = unhashable;
    add_methods(T.t_set, set_methods);
    dict_set_str(T.t_set->dict, intern("__hash__"), VAL_NONE);
    init_common(T.t_frozenset);
    T.t_frozenset->hash = frozenset_hash;
    add_methods(T.t_frozenset, frozenset_methods);
}

} // namespace krait
