// number_methods.cpp — the Python-level methods of int, bool and float (bit_length, __round__, __format__,
// as_integer_ratio, to_bytes, hex ...), their real/imag/numerator/denominator properties and int.__new__.
// The slots (arithmetic, comparison, hashing, constructors) are in number.cpp; runtime_init calls
// init_number_methods once, before the slot wrappers (__add__ ...) are generated from those slots.
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <strings.h>
#include <string>

#include "bigint.h"
#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "numfmt.h"
#include "runtime.h"

namespace krait {

// From number.cpp.
void init_number_slots();
Value number_index(Value v);
Value number_float_to_int(double d);
Value number_divmod(Value a, Value b);
extern uint64_t g_int_max_str_digits;

namespace {

StrObject* S(const char* s) {
    return intern(s);
}

// The int value of `self` as an exact int (bools and subclass instances become plain ints).
Value exact(Value self) {
    return number_index(self);
}

// Raises the Python exception a numfmt error message stands for.
Value numfmt_raise(const std::string& err) {
    switch (numfmt_error_kind(err)) {
    case NumfmtErrorKind::kOverflowError: return raise_str(T.e_OverflowError, err);
    case NumfmtErrorKind::kMemoryError: return raise_no_memory();
    default: return raise_str(T.e_ValueError, err);
    }
}

// For methods that take no arguments.
bool no_args(const char* name, size_t nargs, TupleObject* kwnames) {
    return no_kwargs(name, kwnames) && check_nargs(name, nargs - 1, 0, 0);
}

// ---- int ----

Value int_bit_length(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("int.bit_length", nargs, kw)) return VAL_NULL;
    Value v = exact(args[0]);
    if (val_is_int(v)) {
        int64_t i = val_int(v);
        uint64_t m = i < 0 ? uint64_t(-i) : uint64_t(i);
        return val_from_int(m ? 64 - __builtin_clzll(m) : 0);
    }
    return int_from_i64(int64_t(big_bit_length(as<BigIntObject>(v)->value)));
}

Value int_bit_count(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("int.bit_count", nargs, kw)) return VAL_NULL;
    Value v = exact(args[0]);
    if (val_is_int(v)) {
        int64_t i = val_int(v);
        return val_from_int(__builtin_popcountll(i < 0 ? uint64_t(-i) : uint64_t(i)));
    }
    return int_from_i64(int64_t(big_bit_count(as<BigIntObject>(v)->value)));
}

// int(self): conjugate, __int__, __index__, __trunc__, __floor__, __ceil__, numerator, real all return it.
Value int_self(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("int.__int__", nargs, kw)) return VAL_NULL;
    return exact(args[0]);
}

Value int_float(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("int.__float__", nargs, kw)) return VAL_NULL;
    double d;
    if (!to_double(args[0], &d)) return VAL_NULL;
    return val_from_float(d);
}

Value int_is_integer(Value*, size_t nargs, TupleObject* kw) {
    if (!no_args("int.is_integer", nargs, kw)) return VAL_NULL;
    return VAL_TRUE;
}

Value int_as_integer_ratio(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("int.as_integer_ratio", nargs, kw)) return VAL_NULL;
    Value v = exact(args[0]);
    if (val_is_null(v)) return v;
    return tuple_pack({v, val_from_int(1)});
}

// round(int, ndigits): a negative ndigits rounds to a multiple of 10**-ndigits, half to even.
Value int_round(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("int.__round__", kw) || !check_nargs("__round__", nargs - 1, 0, 1)) return VAL_NULL;
    Value self = exact(args[0]);
    if (nargs == 1 || val_is_none(args[1]) || val_is_null(self)) return self;
    int64_t nd;
    if (!index_of(args[1], &nd)) return VAL_NULL;
    if (nd >= 0) return self;
    BigInt a = int_to_bigint(self);
    // 10**k with k beyond the number's digit count always rounds to zero (CPython computes the power).
    uint64_t k = uint64_t(-(nd + 1)) + 1;
    if (k > big_bit_length(a) / 3 + 2) return val_from_int(0);
    BigInt p = big_pow(big_from_int64(10), k), q, r;
    big_divmod(a, p, &q, &r);
    int c = big_compare(big_add(r, r), p);
    if (c > 0 || (c == 0 && !q.mag.empty() && (q.mag[0] & 1))) q = big_add(q, big_from_int64(1));
    return int_from_bigint(big_mul(q, p));
}

// Shared by int.__format__ and float.__format__: the spec argument must be a str.
bool format_spec_arg(Value* args, size_t nargs, TupleObject* kw, std::string_view* spec) {
    if (!no_kwargs("__format__", kw) || !check_nargs("__format__", nargs - 1, 1, 1)) return false;
    if (!is_kind(args[1], Kind::Str)) {
        raise(T.e_TypeError, "__format__() argument must be str, not %s", type_name(args[1]));
        return false;
    }
    *spec = str_view(args[1]);
    return true;
}

Value int_format(Value* args, size_t nargs, TupleObject* kw) {
    std::string_view spec;
    if (!format_spec_arg(args, nargs, kw, &spec)) return VAL_NULL;
    if (spec.empty()) return obj_str(args[0]);
    const char* tname = type_name(args[0]);
    FormatSpec fs;
    std::string out, err;
    if (!parse_format_spec(spec, &fs, &err, 'd', tname)) return numfmt_raise(err);
    Value v = exact(args[0]);
    if (val_is_null(v)) return v;
    int base = format_spec_int_base(fs);
    bool ok;
    if (base == 0) {
        double d;
        if (!to_double(v, &d)) return VAL_NULL;
        ok = format_float(d, fs, &out, &err, tname);
    } else if (val_is_int(v)) {
        ok = format_int64(val_int(v), fs, &out, &err, tname);
    } else {
        const BigInt& b = as<BigIntObject>(v)->value;
        if (base == 10 && g_int_max_str_digits && big_str_digits_exceed(b, g_int_max_str_digits))
            return raise_str(T.e_ValueError, big_str_limit_message(g_int_max_str_digits));
        std::string digits = big_to_string(big_abs(b), base);
        ok = format_integer(b.neg, digits, fs, &out, &err, tname);
    }
    if (!ok) return numfmt_raise(err);
    return str_new(out);
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value int_to_bytes(Value* args, size_t nargs, TupleObject* kw) {
    Value a[3];
    if (!bind_args("to_bytes", args + 1, nargs - 1, kw, {"length", "byteorder", "signed"}, 0, a))
        return VAL_NULL;
    int64_t length = 1;
    if (!val_is_null(a[0]) && !index_of(a[0], &length)) return VAL_NULL;
    if (length < 0) return raise(T.e_ValueError, "length argument must be non-negative");
    bool little = false;
    if (!val_is_null(a[1])) {
        if (!is_kind(a[1], Kind::Str))
            return raise(T.e_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
                         type_name(a[1]));
        std::string_view bo = str_view(a[1]);
        if (bo != "big" && bo != "little")
            return raise(T.e_ValueError, "byteorder must be either 'little' or 'big'");
        little = bo == "little";
    }
    int sgn = val_is_null(a[2]) ? 0 : obj_truth(a[2]);
    if (sgn < 0) return VAL_NULL;
    BigInt v = int_to_bigint(exact(args[0]));
    if (v.neg && !sgn) return raise(T.e_OverflowError, "can't convert negative int to unsigned");
    // Two's complement in length*8 bits: v + 2**(8*length) for negatives.
    uint64_t bits = uint64_t(length) * 8;
    uint64_t need = big_bit_length(v.neg ? big_invert(v) : v) + (sgn ? 1 : 0);
    if (need > bits) return raise(T.e_OverflowError, "int too big to convert");
    if (length > (int64_t(1) << 30)) return raise_no_memory();
    BigInt u = v.neg ? big_add(v, big_shl(big_from_int64(1), bits)) : v;
    auto* b = gc_new<BytesObject>(T.t_bytes, Kind::Bytes, size_t(length));
    if (!b) return raise_no_memory();
    b->size = size_t(length);
    b->hash = -1;
    for (int64_t i = 0; i < length; i++) {
        size_t limb = size_t(i) / 4;
        uint8_t byte = limb < u.mag.size() ? uint8_t(u.mag[limb] >> (8 * (i % 4))) : 0;
        b->data[little ? i : length - 1 - i] = char(byte);
    }
    return val(b);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod: args[0] is the class.
Value int_from_bytes(Value* args, size_t nargs, TupleObject* kw) {
    Value a[3];
    if (!bind_args("from_bytes", args + 1, nargs - 1, kw, {"bytes", "byteorder", "signed"}, 1, a))
        return VAL_NULL;
    bool little = false;
    if (!val_is_null(a[1])) {
        if (!is_kind(a[1], Kind::Str))
            return raise(T.e_TypeError, "from_bytes() argument 'byteorder' must be str, not %s",
                         type_name(a[1]));
        std::string_view bo = str_view(a[1]);
        if (bo != "big" && bo != "little")
            return raise(T.e_ValueError, "byteorder must be either 'little' or 'big'");
        little = bo == "little";
    }
    int sgn = val_is_null(a[2]) ? 0 : obj_truth(a[2]);
    if (sgn < 0) return VAL_NULL;
    std::string data;
    if (is_kind(a[0], Kind::Bytes)) {
        data.assign(as<BytesObject>(a[0])->data, as<BytesObject>(a[0])->size);
    } else {
        Value it = obj_getiter(a[0]);
        if (val_is_null(it))
            return raise(T.e_TypeError, "cannot convert '%s' object to bytes", type_name(a[0]));
        Root ri(it);
        for (;;) {
            Value x = iter_next(it);
            if (val_is_null(x)) {
                if (err_occurred()) return VAL_NULL;
                break;
            }
            int64_t byte;
            if (!index_of(x, &byte)) return VAL_NULL;
            if (byte < 0 || byte > 255) return raise(T.e_ValueError, "bytes must be in range(0, 256)");
            data += char(byte);
        }
    }
    BigInt r;
    size_t n = data.size();
    r.mag.assign((n + 3) / 4, 0);
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = uint8_t(data[little ? i : n - 1 - i]);
        r.mag[i / 4] |= uint32_t(byte) << (8 * (i % 4));
    }
    r.normalize();
    if (sgn && n && (uint8_t(data[little ? n - 1 : 0]) & 0x80))
        r = big_sub(r, big_shl(big_from_int64(1), n * 8));
    Value v = int_from_bigint(r);
    if (val_is_null(v) || (is_kind(args[0], Kind::Type) && as<TypeObject>(args[0]) == T.t_int)) return v;
    return obj_call(args[0], &v, 1, nullptr);
}

Value num_divmod(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("__divmod__", kw) || !check_nargs("__divmod__", nargs - 1, 1, 1)) return VAL_NULL;
    return number_divmod(args[0], args[1]);
}

Value num_rdivmod(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("__rdivmod__", kw) || !check_nargs("__rdivmod__", nargs - 1, 1, 1)) return VAL_NULL;
    return number_divmod(args[1], args[0]);
}

Value int_zero(Value*, size_t nargs, TupleObject* kw) {
    if (!no_args("imag", nargs, kw)) return VAL_NULL;
    return val_from_int(0);
}

Value int_one(Value*, size_t nargs, TupleObject* kw) {
    if (!no_args("denominator", nargs, kw)) return VAL_NULL;
    return val_from_int(1);
}

// int.__new__(cls, ...) for classes derived from int that define __new__ and call super().__new__(cls, x).
Value int_dunder_new(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs < 1 || !is_kind(args[0], Kind::Type))
        return raise(T.e_TypeError, "int.__new__(X): X is not a type object");
    TypeObject* cls = as<TypeObject>(args[0]);
    if (!type_is_subtype(cls, T.t_int))
        return raise(T.e_TypeError, "int.__new__(%s): %s is not a subtype of int", cls->name->data,
                     cls->name->data);
    return T.t_int->new_fn(cls, args + 1, nargs - 1, kw);
}

Value float_dunder_new(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs < 1 || !is_kind(args[0], Kind::Type))
        return raise(T.e_TypeError, "float.__new__(X): X is not a type object");
    return T.t_float->new_fn(as<TypeObject>(args[0]), args + 1, nargs - 1, kw);
}

// ---- float ----

double self_float(Value* args) {
    return val_float(args[0]);
}

Value float_is_integer_m(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.is_integer", nargs, kw)) return VAL_NULL;
    return val_from_bool(float_is_integer(self_float(args)));
}

Value float_self(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.conjugate", nargs, kw)) return VAL_NULL;
    return args[0];
}

Value float_zero(Value*, size_t nargs, TupleObject* kw) {
    if (!no_args("imag", nargs, kw)) return VAL_NULL;
    return val_from_float(0.0);
}

Value float_trunc(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.__trunc__", nargs, kw)) return VAL_NULL;
    return number_float_to_int(self_float(args));
}

Value float_floor(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.__floor__", nargs, kw)) return VAL_NULL;
    return number_float_to_int(std::floor(self_float(args)));
}

Value float_ceil(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.__ceil__", nargs, kw)) return VAL_NULL;
    return number_float_to_int(std::ceil(self_float(args)));
}

// round(x) -> int (ties to even); round(x, n) -> float.
Value float_round(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("float.__round__", kw) || !check_nargs("__round__", nargs - 1, 0, 1)) return VAL_NULL;
    double x = self_float(args);
    if (nargs == 1 || val_is_none(args[1])) return number_float_to_int(round_half_even(x));
    Value nv = number_index(args[1]);
    if (val_is_null(nv)) return nv;
    int64_t nd;
    if (val_is_int(nv))
        nd = val_int(nv);
    else
        nd = as<BigIntObject>(nv)->value.neg ? INT32_MIN : INT32_MAX; // beyond any double's digits
    double out;
    if (!round_double(x, nd, &out)) return raise(T.e_OverflowError, "rounded value too large to represent");
    return val_from_float(out);
}

Value float_format(Value* args, size_t nargs, TupleObject* kw) {
    std::string_view spec;
    if (!format_spec_arg(args, nargs, kw, &spec)) return VAL_NULL;
    if (spec.empty()) return obj_str(args[0]);
    FormatSpec fs;
    std::string out, err;
    if (!parse_format_spec(spec, &fs, &err, '\0', "float") || !format_float(self_float(args), fs, &out, &err))
        return numfmt_raise(err);
    return str_new(out);
}

Value float_as_integer_ratio(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.as_integer_ratio", nargs, kw)) return VAL_NULL;
    double x = self_float(args);
    if (std::isinf(x)) return raise(T.e_OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) return raise(T.e_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = std::frexp(x, &e);
    for (int i = 0; i < 300 && m != std::floor(m); i++) m *= 2.0, e--;
    BigInt num = big_from_double(m), den = big_from_int64(1);
    if (e > 0)
        num = big_shl(num, uint64_t(e));
    else
        den = big_shl(den, uint64_t(-e));
    Value n = int_from_bigint(num);
    if (val_is_null(n)) return n;
    Root rn(n);
    Value d = int_from_bigint(den);
    if (val_is_null(d)) return d;
    return tuple_pack({n, d});
}

// float.hex(): '0x1.8000000000000p+0', as CPython's float_hex (13 hex digits after the point).
Value float_hex(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.hex", nargs, kw)) return VAL_NULL;
    double x = self_float(args);
    if (std::isnan(x) || std::isinf(x)) return str_new(float_repr(x));
    if (x == 0.0) return str_new(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = std::frexp(std::fabs(x), &e);
    int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    const char* hex = "0123456789abcdef";
    std::string s = x < 0 ? "-0x" : "0x";
    int d = int(m);
    s += hex[d];
    m -= d;
    s += '.';
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
        m *= 16.0;
        d = int(m);
        s += hex[d];
        m -= d;
    }
    char buf[16];
    snprintf(buf, sizeof buf, "p%+d", e);
    return str_new(s + buf);
}

// float.fromhex(s), a classmethod: C's strtod reads the same hexadecimal syntax (correctly rounded).
Value float_fromhex(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("fromhex", kw) || !check_nargs("fromhex", nargs - 1, 1, 1)) return VAL_NULL;
    if (!is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "fromhex() argument must be str, not %s", type_name(args[1]));
    std::string_view s = str_view(args[1]);
    size_t i = 0, n = s.size();
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
    while (n > i && (s[n - 1] == ' ' || (s[n - 1] >= '\t' && s[n - 1] <= '\r'))) n--;
    std::string t(s.substr(i, n - i));
    std::string sign;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) sign = t.substr(0, 1), t.erase(0, 1);
    bool special = false;
    for (const char* w : {"inf", "infinity", "nan"})
        if (strcasecmp(t.c_str(), w) == 0) special = true;
    bool has_prefix = t.size() >= 2 && t[0] == '0' && (t[1] | 0x20) == 'x';
    bool valid =
        special || (!t.empty() && (isxdigit((unsigned char)t[has_prefix ? 2 : 0]) ||
                                   (t.size() > size_t(has_prefix ? 3 : 1) && t[has_prefix ? 2 : 0] == '.')));
    std::string text = sign + (special || has_prefix ? "" : "0x") + t;
    char* end = nullptr;
    double d = valid ? strtod(text.c_str(), &end) : 0.0;
    if (!valid || !end || *end != '\0')
        return raise(T.e_ValueError, "invalid hexadecimal floating-point string");
    if (std::isinf(d) && !special)
        return raise(T.e_OverflowError, "hexadecimal value too large to represent as a float");
    Value v = val_from_float(d);
    if (is_kind(args[0], Kind::Type) && as<TypeObject>(args[0]) == T.t_float) return v;
    return obj_call(args[0], &v, 1, nullptr);
}

Value float_int(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.__int__", nargs, kw)) return VAL_NULL;
    return number_float_to_int(self_float(args));
}

Value float_float(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_args("float.__float__", nargs, kw)) return VAL_NULL;
    return args[0];
}

// float's methods read args[0] as a float: check it, since float.hex(1) reaches them with an int.
template <NativeFn F>
Value FO(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !val_is_float(args[0]))
        return raise(T.e_TypeError, "descriptor for 'float' objects doesn't apply to a '%s' object",
                     nargs ? type_name(args[0]) : "NULL");
    return F(args, nargs, kw);
}

const MethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0},
    {"bit_count", int_bit_count, 0},
    {"conjugate", int_self, 0},
    {"__index__", int_self, 0},
    {"__int__", int_self, 0},
    {"__float__", int_float, 0},
    {"__round__", int_round, 0},
    {"__trunc__", int_self, 0},
    {"__floor__", int_self, 0},
    {"__ceil__", int_self, 0},
    {"__format__", int_format, 0},
    {"__divmod__", num_divmod, 0},
    {"__rdivmod__", num_rdivmod, 0},
    {"is_integer", int_is_integer, 0},
    {"as_integer_ratio", int_as_integer_ratio, 0},
    {"to_bytes", int_to_bytes, 0},
    {nullptr, nullptr, 0},
};

const MethodDef float_methods[] = {
    {"is_integer", FO<float_is_integer_m>, 0},
    {"conjugate", FO<float_self>, 0},
    {"__int__", FO<float_int>, 0},
    {"__float__", FO<float_float>, 0},
    {"__round__", FO<float_round>, 0},
    {"__trunc__", FO<float_trunc>, 0},
    {"__floor__", FO<float_floor>, 0},
    {"__ceil__", FO<float_ceil>, 0},
    {"__format__", FO<float_format>, 0},
    {"__divmod__", FO<num_divmod>, 0},
    {"__rdivmod__", FO<num_rdivmod>, 0},
    {"as_integer_ratio", FO<float_as_integer_ratio>, 0},
    {"hex", FO<float_hex>, 0},
    {nullptr, nullptr, 0},
};

// A read-only property whose getter is a native function of one argument (self).
void add_property(TypeObject* t, const char* name, NativeFn getter) {
    auto* p = gc_new<PropertyObject>(T.t_property, Kind::Property);
    gc_make_permanent(p);
    p->fget = native_new(name, getter, 0);
    p->fset = p->fdel = p->doc = VAL_NONE;
    dict_set_str(t->dict, S(name), val(p));
}

// A classmethod (int.from_bytes, float.fromhex) or staticmethod (__new__) wrapping a native.
void add_wrapped(TypeObject* t, const char* name, NativeFn fn, bool classmethod) {
    auto* w = gc_new<WrapperObject>(classmethod ? T.t_classmethod : T.t_staticmethod,
                                    classmethod ? Kind::ClassMethod : Kind::StaticMethod);
    gc_make_permanent(w);
    w->func = native_new(name, fn, 0);
    dict_set_str(t->dict, S(name), val(w));
}

} // namespace

void init_number_methods() {
    init_number_slots();
    add_methods(T.t_int, int_methods);
    add_property(T.t_int, "real", int_self);
    add_property(T.t_int, "imag", int_zero);
    add_property(T.t_int, "numerator", int_self);
    add_property(T.t_int, "denominator", int_one);
    add_wrapped(T.t_int, "from_bytes", int_from_bytes, true);
    add_wrapped(T.t_int, "__new__", int_dunder_new, false);
    add_methods(T.t_float, float_methods);
    add_property(T.t_float, "real", FO<float_self>);
    add_property(T.t_float, "imag", float_zero);
    add_wrapped(T.t_float, "fromhex", float_fromhex, true);
    add_wrapped(T.t_float, "__new__", float_dunder_new, false);
}

} // namespace krait
