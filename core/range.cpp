// range.cpp — the range and slice types (slots, methods, range_iterator) and the slice helpers of slice.h.
//
// Used by: the interpreter (BUILD_SLICE through slice_new, `for i in range(n)` through range_iterator, whose
// IterObject fields are documented at range_iter_next so the interpreter can special-case it), every sequence
// __getitem__ (slice_indices, seq_key), tuple and slice hashing (hash_values).
// Ranges keep int64 bounds in RangeObject; range(10**20) and other ranges beyond int64 keep BigInts instead
// (see "ranges beyond int64" below), where only len() raises OverflowError, as in CPython.
#include <cstring>
#include <string>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slice.h"

namespace krait {

TypeObject* t_range_iterator;

namespace {

StrObject* s_index; // "__index__"
StrObject* s_start;
StrObject* s_stop;
StrObject* s_step;

// The value of an int (immediate, bool or big), clamped to int64 (slice bounds clamp in CPython). False if v
// is not an int.
bool int_clamped(Value v, int64_t* out) {
    if (val_is_int(v)) {
        *out = val_int(v);
        return true;
    }
    if (val_is_bool(v)) {
        *out = val_is_true(v) ? 1 : 0;
        return true;
    }
    if (is_kind(v, Kind::BigInt)) {
        const BigInt& b = as<BigIntObject>(v)->value;
        *out = big_fits_int64(b) ? big_to_int64(b) : (b.neg ? INT64_MIN : INT64_MAX);
        return true;
    }
    return false;
}

// A method called through its type with a missing or foreign self (range.count(5, 1)) fails cleanly.
template <NativeFn F, Kind K>
Value Checked(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !is_kind(args[0], K)) {
        const char* tname = K == Kind::Range ? "range" : "slice";
        if (nargs == 0)
            return raise(T.e_TypeError, "unbound method of '%s' objects needs an argument", tname);
        return raise(T.e_TypeError, "descriptor for '%s' objects doesn't apply to a '%s' object", tname,
                     type_name(args[0]));
    }
    return F(args, nargs, kw);
}

bool has_index(Value v) {
    return !val_is_null(type_lookup(type_of(v), s_index));
}

// One slice bound: an int or an __index__ object, clamped.
bool slice_bound(Value v, int64_t* out) {
    if (int_clamped(v, out)) return true;
    if (has_index(v)) {
        Value r = call_method0(v, s_index);
        if (val_is_null(r)) return false;
        if (int_clamped(r, out)) return true;
        raise(T.e_TypeError, "__index__ returned non-int (type %s)", type_name(r));
        return false;
    }
    raise(T.e_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
}

} // namespace

// ---- slices ----

Value slice_new(Value start, Value stop, Value step) {
    SliceObject* s = gc_new<SliceObject>(T.t_slice, Kind::Slice);
    if (!s) return raise_no_memory();
    s->start = start;
    s->stop = stop;
    s->step = step;
    return val(s);
}

static int64_t adjust_bound(int64_t i, int64_t length, int64_t step) {
    if (i < 0) {
        i += length;
        if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= length) {
        i = step < 0 ? length - 1 : length;
    }
    return i;
}

bool slice_indices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelen) {
    SliceObject* s = as<SliceObject>(slice);
    int64_t st = 1, a, b;
    if (!val_is_none(s->step)) {
        if (!slice_bound(s->step, &st)) return false;
        if (st == 0) {
            raise(T.e_ValueError, "slice step cannot be zero");
            return false;
        }
        if (st < -INT64_MAX) st = -INT64_MAX; // so that -step cannot overflow
    }
    if (val_is_none(s->start))
        a = st < 0 ? INT64_MAX : 0;
    else if (!slice_bound(s->start, &a))
        return false;
    if (val_is_none(s->stop))
        b = st < 0 ? INT64_MIN : INT64_MAX;
    else if (!slice_bound(s->stop, &b))
        return false;
    a = adjust_bound(a, length, st);
    b = adjust_bound(b, length, st);
    int64_t n = 0;
    if (st < 0) {
        if (b < a) n = (a - b - 1) / (-st) + 1;
    } else if (a < b) {
        n = (b - a - 1) / st + 1;
    }
    *start = a;
    *stop = b;
    *step = st;
    *slicelen = n;
    return true;
}

SeqKey seq_key(Value key, int64_t* index) {
    if (val_is_int(key)) {
        *index = val_int(key);
        return SeqKey::Index;
    }
    if (is_kind(key, Kind::Slice)) return SeqKey::Slice;
    if (val_is_bool(key) || is_kind(key, Kind::BigInt)) {
        if (val_is_bool(key)) {
            *index = val_is_true(key) ? 1 : 0;
            return SeqKey::Index;
        }
        const BigInt& b = as<BigIntObject>(key)->value;
        if (big_fits_int64(b)) {
            *index = big_to_int64(b);
            return SeqKey::Index;
        }
        raise(T.e_IndexError, "cannot fit '%s' into an index-sized integer", type_name(key));
        return SeqKey::Error;
    }
    if (!val_is_obj(key) || !has_index(key)) return SeqKey::BadType;
    return index_of(key, index) ? SeqKey::Index : SeqKey::Error;
}

bool hash_values(const Value* items, size_t n, bool add_length, int64_t* out) {
    const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
    uint64_t acc = p5;
    for (size_t i = 0; i < n; i++) {
        int64_t h;
        if (!obj_hash(items[i], &h)) return false;
        acc += (uint64_t)h * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    if (add_length) acc += (uint64_t)n ^ (p5 ^ 3527539ULL);
    *out = acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
    return true;
}

bool args_exact_one(const char* qualname, size_t n) {
    if (n == 1) return true;
    raise(T.e_TypeError, "%s() takes exactly one argument (%zu given)", qualname, n);
    return false;
}

bool args_none(const char* qualname, size_t n) {
    if (n == 0) return true;
    raise(T.e_TypeError, "%s() takes no arguments (%zu given)", qualname, n);
    return false;
}

bool args_between(const char* name, size_t n, size_t min, size_t max) {
    if (n < min) {
        raise(T.e_TypeError, "%s expected at least %zu argument%s, got %zu", name, min, min == 1 ? "" : "s",
              n);
        return false;
    }
    if (n > max) {
        raise(T.e_TypeError, "%s expected at most %zu argument%s, got %zu", name, max, max == 1 ? "" : "s",
              n);
        return false;
    }
    return true;
}

bool args_takes(const char* name, size_t n, size_t min, size_t max) {
    if (n >= min && n <= max) return true;
    const char* how = min == max ? "exactly" : n < min ? "at least" : "at most";
    size_t k = n < min ? min : max;
    raise(T.e_TypeError, "%s() takes %s %zu argument%s (%zu given)", name, how, k, k == 1 ? "" : "s", n);
    return false;
}

namespace {

Value slice_repr(Value self) {
    SliceObject* s = as<SliceObject>(self);
    std::string out = "slice(";
    Value parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        Value r = obj_repr(parts[i]);
        if (val_is_null(r)) return VAL_NULL;
        if (i) out += ", ";
        out += str_view(r);
    }
    out += ')';
    return str_new(out);
}

bool slice_hash(Value self, int64_t* out) {
    SliceObject* s = as<SliceObject>(self);
    Value parts[3] = {s->start, s->stop, s->step};
    return hash_values(parts, 3, false, out);
}

// Slices compare like the tuples (start, stop, step).
Value slice_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_kind(other, Kind::Slice)) return g_not_implemented;
    SliceObject* a = as<SliceObject>(self);
    SliceObject* b = as<SliceObject>(other);
    Value ta = tuple_pack({a->start, a->stop, a->step});
    if (val_is_null(ta)) return VAL_NULL;
    Root ra(ta);
    Value tb = tuple_pack({b->start, b->stop, b->step});
    if (val_is_null(tb)) return VAL_NULL;
    Root rb(tb);
    return obj_compare(ta, tb, op);
}

Value slice_getattr(Value self, StrObject* name) {
    SliceObject* s = as<SliceObject>(self);
    if (name == s_start || str_eq(name, s_start)) return s->start;
    if (name == s_stop || str_eq(name, s_stop)) return s->stop;
    if (name == s_step || str_eq(name, s_step)) return s->step;
    return generic_getattr(self, name, true);
}

Value slice_new_fn(TypeObject*, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("slice", kwnames)) return VAL_NULL;
    if (nargs == 0) return raise(T.e_TypeError, "slice expected at least 1 argument, got 0");
    if (nargs > 3) return raise(T.e_TypeError, "slice expected at most 3 arguments, got %zu", nargs);
    if (nargs == 1) return slice_new(VAL_NONE, args[0], VAL_NONE);
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : VAL_NONE);
}

// slice.indices(length): the resolved (start, stop, step) for a sequence of that length.
Value slice_m_indices(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("slice.indices", nargs - 1)) return VAL_NULL;
    int64_t length;
    if (!index_of(args[1], &length)) return VAL_NULL;
    if (length < 0) return raise(T.e_ValueError, "length should not be negative");
    int64_t start, stop, step, n;
    if (!slice_indices(args[0], length, &start, &stop, &step, &n)) return VAL_NULL;
    return tuple_pack({int_from_i64(start), int_from_i64(stop), int_from_i64(step)});
}

const MethodDef slice_methods[] = {
    {"indices", Checked<slice_m_indices, Kind::Slice>, NF_NOKW},
    {nullptr, nullptr, 0},
};

// ---- ranges ----

// Number of items of range(start, stop, step); false (OverflowError) when it does not fit int64.
bool range_length(int64_t start, int64_t stop, int64_t step, int64_t* out) {
    __int128 n = 0;
    if (step > 0 && start < stop)
        n = ((__int128)stop - start - 1) / step + 1;
    else if (step < 0 && start > stop)
        n = ((__int128)start - stop - 1) / -(__int128)step + 1;
    if (n > INT64_MAX) {
        raise(T.e_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = (int64_t)n;
    return true;
}

Value range_make(TypeObject* type, int64_t start, int64_t stop, int64_t step) {
    int64_t length;
    if (!range_length(start, stop, step, &length)) return VAL_NULL;
    RangeObject* r = gc_new<RangeObject>(type, Kind::Range);
    if (!r) return raise_no_memory();
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return val(r);
}

// The item at position i (0 <= i < length); never overflows because it lies between start and stop.
int64_t range_at(RangeObject* r, int64_t i) {
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

// ---- ranges beyond int64 ----
// range(10**20) is legal: when a bound or the length does not fit int64, the four numbers are kept as BigInts
// serialized after the RangeObject (Object::extra == 1) and every operation works on BigInts. Such ranges are
// rare, so they trade speed for simplicity.

struct BigRange {
    BigInt start, stop, step, length;
};

bool is_big(RangeObject* r) {
    return r->extra == 1;
}

void put_big(uint32_t*& p, const BigInt& b) {
    *p++ = b.neg ? 1 : 0;
    *p++ = (uint32_t)b.mag.size();
    for (uint32_t limb : b.mag) *p++ = limb;
}

BigInt get_big(const uint32_t*& p) {
    BigInt b;
    b.neg = *p++ != 0;
    uint32_t n = *p++;
    b.mag.assign(p, p + n);
    p += n;
    return b;
}

// The four numbers of any range as BigInts.
BigRange load_range(RangeObject* r) {
    if (!is_big(r))
        return {big_from_int64(r->start), big_from_int64(r->stop), big_from_int64(r->step),
                big_from_int64(r->length)};
    const uint32_t* p = reinterpret_cast<const uint32_t*>(r + 1);
    BigRange b;
    b.start = get_big(p);
    b.stop = get_big(p);
    b.step = get_big(p);
    b.length = get_big(p);
    return b;
}

BigInt big_length(const BigInt& start, const BigInt& stop, const BigInt& step) {
    BigInt one = big_from_int64(1);
    if (big_sign(step) > 0 && big_compare(start, stop) < 0)
        return big_add(big_floordiv(big_sub(big_sub(stop, start), one), step), one);
    if (big_sign(step) < 0 && big_compare(start, stop) > 0)
        return big_add(big_floordiv(big_sub(big_sub(start, stop), one), big_negate(step)), one);
    return BigInt{};
}

// A range from BigInt bounds (step != 0): the int64 layout when everything fits, else the serialized one.
Value range_from_bigs(TypeObject* type, const BigInt& start, const BigInt& stop, const BigInt& step) {
    BigInt length = big_length(start, stop, step);
    if (big_fits_int64(start) && big_fits_int64(stop) && big_fits_int64(step) && big_fits_int64(length))
        return range_make(type, big_to_int64(start), big_to_int64(stop), big_to_int64(step));
    size_t words = 8 + start.mag.size() + stop.mag.size() + step.mag.size() + length.mag.size();
    RangeObject* r = gc_new<RangeObject>(type, Kind::Range, words * sizeof(uint32_t));
    if (!r) return raise_no_memory();
    r->extra = 1;
    uint32_t* p = reinterpret_cast<uint32_t*>(r + 1);
    put_big(p, start);
    put_big(p, stop);
    put_big(p, step);
    put_big(p, length);
    return val(r);
}

// An int argument (or __index__ object) as a BigInt.
bool big_arg(Value v, BigInt* out) {
    if (!is_int(v)) {
        if (!has_index(v)) {
            raise(T.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
            return false;
        }
        v = call_method0(v, s_index);
        if (val_is_null(v)) return false;
        if (!is_int(v)) {
            raise(T.e_TypeError, "__index__ returned non-int (type %s)", type_name(v));
            return false;
        }
    }
    *out = int_to_bigint(v);
    return true;
}

// CPython's compute_slice for ranges, on BigInts: the slice is resolved against the length (PySlice's long
// indices), then mapped through start and step.
Value big_range_slice(const BigRange& r, Value key) {
    SliceObject* sl = as<SliceObject>(key);
    BigInt step = big_from_int64(1), lo, hi, start, stop;
    if (!val_is_none(sl->step) && !big_arg(sl->step, &step)) return VAL_NULL;
    if (big_is_zero(step)) return raise(T.e_ValueError, "slice step cannot be zero");
    bool neg = big_sign(step) < 0;
    lo = neg ? big_from_int64(-1) : BigInt{};
    hi = neg ? big_add(r.length, big_from_int64(-1)) : r.length;
    auto bound = [&](Value v, const BigInt& dflt, BigInt* out) {
        if (val_is_none(v)) return *out = dflt, true;
        if (!big_arg(v, out)) return false;
        if (big_sign(*out) < 0) {
            *out = big_add(*out, r.length);
            if (big_compare(*out, lo) < 0) *out = lo;
        } else if (big_compare(*out, hi) > 0) {
            *out = hi;
        }
        return true;
    };
    if (!bound(sl->start, neg ? hi : lo, &start) || !bound(sl->stop, neg ? lo : hi, &stop)) return VAL_NULL;
    return range_from_bigs(T.t_range, big_add(r.start, big_mul(start, r.step)),
                           big_add(r.start, big_mul(stop, r.step)), big_mul(step, r.step));
}

// Position of the int x in r, or a negative BigInt when absent.
BigInt big_find(const BigRange& r, const BigInt& x) {
    BigInt none = big_from_int64(-1);
    if (big_is_zero(r.length)) return none;
    bool up = big_sign(r.step) > 0;
    bool inside = up ? big_compare(x, r.start) >= 0 && big_compare(x, r.stop) < 0
                     : big_compare(x, r.start) <= 0 && big_compare(x, r.stop) > 0;
    if (!inside) return none;
    BigInt q, rem;
    big_divmod(big_sub(x, r.start), r.step, &q, &rem);
    return big_is_zero(rem) ? q : none;
}

// range_iterator over a big range: `aux` is the next value, `src` the range.
Value big_iter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    BigRange r = load_range(as<RangeObject>(it->src));
    BigInt cur = int_to_bigint(it->aux);
    int c = big_compare(cur, r.stop);
    if (big_sign(r.step) > 0 ? c >= 0 : c <= 0) {
        it->src = it->aux = VAL_NULL;
        return VAL_NULL;
    }
    Value next = int_from_bigint(big_add(cur, r.step));
    if (val_is_null(next)) return VAL_NULL;
    Value out = it->aux;
    it->aux = next;
    return out;
}

Value big_range_iter(Value range, const BigInt& first) {
    Value v = int_from_bigint(first);
    if (val_is_null(v)) return VAL_NULL;
    return make_iter(t_range_iterator, big_iter_next, range, v, 0, 0, 0);
}

bool range_arg(Value v, int64_t* out, bool* big) {
    if (is_kind(v, Kind::BigInt)) {
        *big = true;
        return true;
    }
    if (val_is_int(v) || val_is_bool(v)) return index_of(v, out);
    if (!val_is_obj(v) || !has_index(v)) {
        raise(T.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
        return false;
    }
    Value i = call_method0(v, s_index);
    if (val_is_null(i)) return false;
    if (is_kind(i, Kind::BigInt)) return *big = true, true;
    return index_of(i, out);
}

Value range_new_fn(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("range", kwnames)) return VAL_NULL;
    if (nargs == 0) return raise(T.e_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3) return raise(T.e_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    int64_t v[3] = {0, 0, 1};
    bool big = false;
    Value* a = nargs == 1 ? args - 1 : args; // one argument is the stop
    for (size_t i = nargs == 1 ? 1 : 0; i < (nargs == 1 ? 2 : nargs); i++)
        if (!range_arg(a[i], &v[i], &big)) return VAL_NULL;
    if (!big) {
        if (v[2] == 0) return raise(T.e_ValueError, "range() arg 3 must not be zero");
        int64_t length;
        if (range_length(v[0], v[1], v[2], &length)) return range_make(cls, v[0], v[1], v[2]);
        err_clear(); // the length needs a big int
    }
    BigInt b[3] = {BigInt{}, BigInt{}, big_from_int64(1)};
    for (size_t i = nargs == 1 ? 1 : 0; i < (nargs == 1 ? 2 : nargs); i++)
        if (!big_arg(a[i], &b[i])) return VAL_NULL;
    if (big_is_zero(b[2])) return raise(T.e_ValueError, "range() arg 3 must not be zero");
    return range_from_bigs(cls, b[0], b[1], b[2]);
}

Value range_repr(Value self) {
    RangeObject* r = as<RangeObject>(self);
    if (is_big(r)) {
        BigRange b = load_range(r);
        std::string out = "range(" + big_to_string(b.start) + ", " + big_to_string(b.stop);
        if (big_compare_int64(b.step, 1) != 0) out += ", " + big_to_string(b.step);
        return str_new(out + ")");
    }
    std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1) out += ", " + std::to_string(r->step);
    out += ')';
    return str_new(out);
}

// hash((len, start, step)) with None standing for what does not matter (CPython's range_hash).
bool range_hash(Value self, int64_t* out) {
    RangeObject* r = as<RangeObject>(self);
    if (is_big(r)) {
        BigRange b = load_range(r);
        Value parts[3] = {int_from_bigint(b.length), int_from_bigint(b.start), VAL_NONE};
        if (big_compare_int64(b.length, 1) != 0) parts[2] = int_from_bigint(b.step);
        return hash_values(parts, 3, true, out);
    }
    Value parts[3] = {int_from_i64(r->length), VAL_NONE, VAL_NONE};
    if (r->length != 0) {
        parts[1] = int_from_i64(r->start);
        if (r->length != 1) parts[2] = int_from_i64(r->step);
    }
    return hash_values(parts, 3, true, out);
}

// Ranges are equal when they produce the same sequence.
bool range_equal(RangeObject* a, RangeObject* b) {
    if (a == b) return true;
    if (is_big(a) || is_big(b)) {
        BigRange x = load_range(a), y = load_range(b);
        if (x.length != y.length) return false;
        if (big_is_zero(x.length)) return true;
        return x.start == y.start && (big_compare_int64(x.length, 1) == 0 || x.step == y.step);
    }
    if (a->length != b->length) return false;
    if (a->length == 0) return true;
    if (a->start != b->start) return false;
    return a->length == 1 || a->step == b->step;
}

Value range_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_kind(other, Kind::Range) || (op != CmpOpT::EQ && op != CmpOpT::NE)) return g_not_implemented;
    bool eq = range_equal(as<RangeObject>(self), as<RangeObject>(other));
    return val_from_bool(op == CmpOpT::EQ ? eq : !eq);
}

Value range_slice(RangeObject* r, Value key) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, r->length, &start, &stop, &step, &n)) return VAL_NULL;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    __int128 nstep = (__int128)step * r->step;
    if (nstart < INT64_MIN || nstart > INT64_MAX || nstop < INT64_MIN || nstop > INT64_MAX ||
        nstep < INT64_MIN || nstep > INT64_MAX)
        return raise(T.e_OverflowError, "Python int too large to convert to C ssize_t");
    return range_make(T.t_range, (int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
}

Value big_range_getitem(RangeObject* r, Value key) {
    BigRange b = load_range(r);
    if (is_kind(key, Kind::Slice)) return big_range_slice(b, key);
    if (!is_int(key) && !(val_is_obj(key) && has_index(key)))
        return raise(T.e_TypeError, "range indices must be integers or slices, not %s", type_name(key));
    BigInt i;
    if (!big_arg(key, &i)) return VAL_NULL;
    if (big_sign(i) < 0) i = big_add(i, b.length);
    if (big_sign(i) < 0 || big_compare(i, b.length) >= 0)
        return raise(T.e_IndexError, "range object index out of range");
    return int_from_bigint(big_add(b.start, big_mul(i, b.step)));
}

Value range_getitem(Value self, Value key) {
    RangeObject* r = as<RangeObject>(self);
    if (is_big(r)) return big_range_getitem(r, key);
    int64_t i;
    switch (seq_key(key, &i)) {
    case SeqKey::Index:
        if (!seq_normalize(&i, r->length)) return raise(T.e_IndexError, "range object index out of range");
        return int_from_i64(range_at(r, i));
    case SeqKey::Slice: return range_slice(r, key);
    case SeqKey::BadType:
        return raise(T.e_TypeError, "range indices must be integers or slices, not %s", type_name(key));
    case SeqKey::Error: break;
    }
    return VAL_NULL;
}

bool range_len(Value self, int64_t* out) {
    RangeObject* r = as<RangeObject>(self);
    if (is_big(r)) {
        BigRange b = load_range(r);
        if (!big_fits_int64(b.length)) {
            raise(T.e_OverflowError, "Python int too large to convert to C ssize_t");
            return false;
        }
        *out = big_to_int64(b.length);
        return true;
    }
    *out = r->length;
    return true;
}

int range_truth(Value self) {
    RangeObject* r = as<RangeObject>(self);
    return is_big(r) ? !big_is_zero(load_range(r).length) : r->length != 0;
}

// Position of the int v in r, or -1.
int64_t range_find_int(RangeObject* r, Value v) {
    if (!is_kind(v, Kind::BigInt) && !val_is_int(v) && !val_is_bool(v)) return -1;
    int64_t x;
    if (!int_clamped(v, &x) || is_kind(v, Kind::BigInt)) return -1; // big ints lie outside every int64 range
    if (r->length == 0) return -1;
    __int128 off = (__int128)x - r->start;
    if (off % r->step != 0) return -1;
    __int128 pos = off / r->step;
    return pos >= 0 && pos < r->length ? (int64_t)pos : -1;
}

bool is_exact_int(Value v) {
    return val_is_int(v) || val_is_bool(v) || (is_kind(v, Kind::BigInt) && type_of(v) == T.t_int);
}

Value range_iter(Value self);

// Linear search for non-int values (2.0 in range(3)): count occurrences, or stop at the first when
// first_only. Returns the count / position, -1 when absent (first_only), -2 on error.
int64_t range_scan(RangeObject* r, Value v, bool first_only) {
    Root rv(v);
    if (is_big(r)) { // walk the big range through its iterator
        Value rr = val(r);
        Value it = range_iter(rr);
        if (val_is_null(it)) return -2;
        Root ri(it);
        int64_t i = 0, count = 0;
        for (;; i++) {
            Value x = iter_next(it);
            if (val_is_null(x)) return err_occurred() ? -2 : first_only ? -1 : count;
            int eq = obj_eq(x, v);
            if (eq < 0) return -2;
            if (eq && first_only) return i;
            count += eq;
        }
    }
    int64_t count = 0;
    for (int64_t i = 0; i < r->length; i++) {
        int eq = obj_eq(int_from_i64(range_at(r, i)), v);
        if (eq < 0) return -2;
        if (eq) {
            if (first_only) return i;
            count++;
        }
    }
    return first_only ? -1 : count;
}

int range_contains(Value self, Value v) {
    RangeObject* r = as<RangeObject>(self);
    if (is_exact_int(v) && is_big(r)) return big_sign(big_find(load_range(r), int_to_bigint(v))) >= 0;
    if (is_exact_int(v)) return range_find_int(r, v) >= 0;
    int64_t n = range_scan(r, v, true);
    return n == -2 ? -1 : n >= 0;
}

}  // namespace

// range_iterator: `index` is the next value, `step` the step, `end` the number of values left; `src` is the
// range (kept for introspection only).
Value range_iter_next(IterObject* it) {
    if (it->end <= 0) return VAL_NULL;
    int64_t v = it->index;
    it->index = (int64_t)((uint64_t)v + (uint64_t)it->step);
    it->end--;
    return int_from_i64(v);
}

namespace {

Value range_iter(Value self) {
    RangeObject* r = as<RangeObject>(self);
    if (is_big(r)) return big_range_iter(self, load_range(r).start);
    return make_iter(t_range_iterator, range_iter_next, self, VAL_NULL, r->start, r->length, r->step);
}

Value range_m_reversed(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("range.__reversed__", nargs - 1)) return VAL_NULL;
    RangeObject* r = as<RangeObject>(args[0]);
    if (is_big(r)) { // iterate range(last, start - step, -step)
        BigRange b = load_range(r);
        BigInt last = big_add(b.start, big_mul(big_sub(b.length, big_from_int64(1)), b.step));
        if (big_is_zero(b.length)) last = b.start;
        Value rev = range_from_bigs(T.t_range, last, big_sub(b.start, b.step), big_negate(b.step));
        if (val_is_null(rev)) return VAL_NULL;
        Root rr(rev);
        return range_iter(rev);
    }
    int64_t last = r->length ? range_at(r, r->length - 1) : r->start;
    int64_t step = (int64_t)(0 - (uint64_t)r->step);
    return make_iter(t_range_iterator, range_iter_next, args[0], VAL_NULL, last, r->length, step);
}

Value range_m_index(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("range.index", nargs - 1)) return VAL_NULL;
    RangeObject* r = as<RangeObject>(args[0]);
    if (is_exact_int(args[1])) {
        if (is_big(r)) {
            BigInt pos = big_find(load_range(r), int_to_bigint(args[1]));
            if (big_sign(pos) >= 0) return int_from_bigint(pos);
        }
        int64_t pos = is_big(r) ? -1 : range_find_int(r, args[1]);
        if (pos >= 0) return int_from_i64(pos);
        Value rep = obj_repr(args[1]);
        if (val_is_null(rep)) return VAL_NULL;
        std::string msg(str_view(rep));
        return raise(T.e_ValueError, "%s is not in range", msg.c_str());
    }
    int64_t pos = range_scan(r, args[1], true);
    if (pos == -2) return VAL_NULL;
    if (pos < 0) return raise(T.e_ValueError, "sequence.index(x): x not in sequence");
    return int_from_i64(pos);
}

Value range_m_count(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("range.count", nargs - 1)) return VAL_NULL;
    RangeObject* r = as<RangeObject>(args[0]);
    if (is_exact_int(args[1])) {
        bool in = is_big(r) ? big_sign(big_find(load_range(r), int_to_bigint(args[1]))) >= 0
                            : range_find_int(r, args[1]) >= 0;
        return int_from_i64(in ? 1 : 0);
    }
    int64_t n = range_scan(r, args[1], false);
    return n == -2 ? VAL_NULL : int_from_i64(n);
}

Value range_getattr(Value self, StrObject* name) {
    RangeObject* r = as<RangeObject>(self);
    if (is_big(r) && (str_eq(name, s_start) || str_eq(name, s_stop) || str_eq(name, s_step))) {
        BigRange b = load_range(r);
        return int_from_bigint(str_eq(name, s_start) ? b.start : str_eq(name, s_stop) ? b.stop : b.step);
    }
    if (name == s_start || str_eq(name, s_start)) return int_from_i64(r->start);
    if (name == s_stop || str_eq(name, s_stop)) return int_from_i64(r->stop);
    if (name == s_step || str_eq(name, s_step)) return int_from_i64(r->step);
    return generic_getattr(self, name, true);
}

const MethodDef range_methods[] = {
    {"index", Checked<range_m_index, Kind::Range>, NF_NOKW},
    {"count", Checked<range_m_count, Kind::Range>, NF_NOKW},
    {"__reversed__", Checked<range_m_reversed, Kind::Range>, NF_NOKW},
    {nullptr, nullptr, 0},
};

} // namespace

void init_range_methods() {
    s_index = intern("__index__");
    s_start = intern("start");
    s_stop = intern("stop");
    s_step = intern("step");

    t_range_iterator = make_builtin_type("range_iterator", nullptr, Kind::Iter);  // iter/next slots: iter.cpp

    TypeObject* r = T.t_range;
    r->new_fn = range_new_fn;
    r->repr = range_repr;
    r->hash = range_hash;
    r->richcompare = range_richcompare;
    r->getitem = range_getitem;
    r->length = range_len;
    r->truth = range_truth;
    r->contains = range_contains;
    r->iter = range_iter;
    r->getattr = range_getattr;
    add_methods(r, range_methods);

    TypeObject* s = T.t_slice;
    s->new_fn = slice_new_fn;
    s->repr = slice_repr;
    s->hash = slice_hash;
    s->richcompare = slice_richcompare;
    s->getattr = slice_getattr;
    add_methods(s, slice_methods);
}

} // namespace krait
