// number.cpp — the slots of int, bool and float: arithmetic, comparison, hashing, text, truth and the
// constructors int(x), int(s, base), float(x) and bool(x); plus the int conversions runtime.h declares
// (is_int, int_from_i64, int_from_bigint, int_to_bigint, to_int64, index_of, to_double, int_to_str ...).
//
// Ints are 50-bit immediates (value.h) or BigIntObjects (bigint.h) and the invariant is strict: an exact int
// that fits the immediate range is always an immediate, so every fast path tests val_is_int first and the
// BigInt paths run only for large values (or instances of int subclasses, which are BigIntObjects of the
// subclass type whatever their value). Floats are always immediates. The interpreter inlines the commonest
// immediate cases and calls binary_op for the rest, which lands here: keep the immediate paths first and
// cheap. number_methods.cpp (methods), builtins.cpp and math_module.cpp use the helpers exported at the
// bottom.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "bigint.h"
#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "numfmt.h"
#include "runtime.h"

namespace krait {

// CPython's sys.set_int_max_str_digits limit (0 = unlimited); sys_module.cpp reads and writes it.
uint64_t g_int_max_str_digits = kBigDefaultMaxStrDigits;

// Results with more bits than this are refused with MemoryError before any work is done (2**(10**12),
// 1 << 10**12): 2**32 bits is 512 MiB for one number, far beyond what a program can use here.
constexpr uint64_t kMaxIntBits = uint64_t(1) << 32;

// ---- conversions declared in runtime.h ----

bool is_int(Value v) {
    return val_is_int(v) || val_is_bool(v) || is_kind(v, Kind::BigInt);
}

// The value of an immediate int or a bool; false for heap ints.
static inline bool small_of(Value v, int64_t* out) {
    if (val_is_int(v)) return *out = val_int(v), true;
    if (val_is_bool(v)) return *out = int64_t(v.bits & 1), true;
    return false;
}

BigInt int_to_bigint(Value v) {
    int64_t i;
    if (small_of(v, &i)) return big_from_int64(i);
    return as<BigIntObject>(v)->value;
}

// A reference to v's BigInt without copying heap ints; small values are converted into *tmp.
static const BigInt& big_ref(Value v, BigInt* tmp) {
    int64_t i;
    if (small_of(v, &i)) return *tmp = big_from_int64(i), *tmp;
    return as<BigIntObject>(v)->value;
}

// A heap int of type cls holding b (used for exact ints too large for an immediate, and int subclasses).
static Value new_bigint_object(TypeObject* cls, BigInt&& b) {
    auto* o = gc_new<BigIntObject>(cls, Kind::BigInt);
    if (!o) return raise_no_memory();
    gc_account(b.mag.size() * sizeof(uint32_t));
    o->value = std::move(b);
    return val(o);
}

static Value int_from_big_move(BigInt&& b) {
    if (b.mag.size() <= 2 && big_fits_int64(b)) {
        int64_t i = big_to_int64(b);
        if (val_int_fits(i)) return val_from_int(i);
    }
    return new_bigint_object(T.t_int, std::move(b));
}

Value int_from_bigint(const BigInt& b) {
    if (b.mag.size() <= 2 && big_fits_int64(b)) {
        int64_t i = big_to_int64(b);
        if (val_int_fits(i)) return val_from_int(i);
    }
    BigInt copy = b;
    return new_bigint_object(T.t_int, std::move(copy));
}

Value int_from_i64(int64_t i) {
    if (val_int_fits(i)) return val_from_int(i);
    return new_bigint_object(T.t_int, big_from_int64(i));
}

// An exact int with v's value (v is an int of any kind: bool, subclass instance ...).
static Value exact_int(Value v) {
    if (val_is_int(v)) return v;
    if (val_is_bool(v)) return val_from_int(int64_t(v.bits & 1));
    if (type_of(v) == T.t_int) return v;
    return int_from_bigint(as<BigIntObject>(v)->value);
}

// v.__index__() as an exact int: ints themselves, else the type's __index__ (which must return an int).
Value number_index(Value v) {
    if (is_int(v)) return exact_int(v);
    static StrObject* name = intern("__index__");
    Value m = type_lookup(type_of(v), name);
    if (val_is_null(m))
        return raise(T.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    Value r = call1(m, v);
    if (val_is_null(r)) return r;
    if (!is_int(r)) return raise(T.e_TypeError, "__index__ returned non-int (type %s)", type_name(r));
    return exact_int(r);
}

bool index_of(Value v, int64_t* out) {
    if (small_of(v, out)) return true;
    Value i = number_index(v);
    if (val_is_null(i)) return false;
    if (small_of(i, out)) return true;
    const BigInt& b = as<BigIntObject>(i)->value;
    if (!big_fits_int64(b)) {
        raise(T.e_OverflowError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    *out = big_to_int64(b);
    return true;
}

// `what` names the value for the caller's benefit (e.g. "reverse"); CPython's messages for these conversions
// do not mention it, so neither do ours.
bool to_int64(Value v, int64_t* out, const char* /*what*/) {
    if (small_of(v, out)) return true;
    Value i = number_index(v);
    if (val_is_null(i)) return false;
    if (small_of(i, out)) return true;
    const BigInt& b = as<BigIntObject>(i)->value;
    if (!big_fits_int64(b)) {
        raise(T.e_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    *out = big_to_int64(b);
    return true;
}

// An int as a double, OverflowError "int too large to convert to float" when it does not fit.
static bool int_as_double(Value v, double* out) {
    int64_t i;
    if (small_of(v, &i)) return *out = double(i), true;
    if (!big_to_double(as<BigIntObject>(v)->value, out)) {
        raise(T.e_OverflowError, "int too large to convert to float");
        return false;
    }
    return true;
}

// float(x) for the math functions: floats, ints, then __float__ and __index__ ("must be real number, not
// str").
bool to_double(Value v, double* out) {
    if (val_is_float(v)) return *out = val_float(v), true;
    if (is_int(v)) return int_as_double(v, out);
    static StrObject* ffloat = intern("__float__");
    static StrObject* findex = intern("__index__");
    TypeObject* t = type_of(v);
    Value m = type_lookup(t, ffloat);
    if (!val_is_null(m)) {
        Value r = call1(m, v);
        if (val_is_null(r)) return false;
        if (!val_is_float(r)) {
            raise(T.e_TypeError, "%s.__float__ returned non-float (type %s)", t->name->data, type_name(r));
            return false;
        }
        return *out = val_float(r), true;
    }
    if (!val_is_null(type_lookup(t, findex))) {
        Value r = number_index(v);
        return !val_is_null(r) && int_as_double(r, out);
    }
    raise(T.e_TypeError, "must be real number, not %s", t->name->data);
    return false;
}

// int(d) for a float: OverflowError for infinities, ValueError for NaN.
Value number_float_to_int(double d) {
    if (std::isinf(d)) return raise(T.e_OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(d)) return raise(T.e_ValueError, "cannot convert float NaN to integer");
    if (std::fabs(d) < 562949953421312.0) return val_from_int(int64_t(d)); // |d| < 2**49: fits an immediate
    return int_from_big_move(big_from_double(d));
}

// ---- text ----

// The ValueError of str(int) / int(str) beyond sys.get_int_max_str_digits().
static bool check_str_digits(const BigInt& b) {
    if (g_int_max_str_digits == 0 || !big_str_digits_exceed(b, g_int_max_str_digits)) return true;
    raise_str(T.e_ValueError, big_str_limit_message(g_int_max_str_digits));
    return false;
}

// Digits of v in base 2, 8, 10 or 16 with a '-' for negatives and no prefix.
static bool int_digits(Value v, int base, std::string* out) {
    int64_t i;
    if (small_of(v, &i)) {
        char buf[72];
        auto res = std::to_chars(buf, buf + sizeof buf, i, base);
        out->assign(buf, res.ptr);
        return true;
    }
    const BigInt& b = as<BigIntObject>(v)->value;
    if (base == 10 && !check_str_digits(b)) return false;
    *out = big_to_string(b, base);
    return true;
}

Value int_to_str(Value v, int base) {
    int64_t i;
    if (base == 10 && small_of(v, &i)) {
        char buf[24];
        auto res = std::to_chars(buf, buf + sizeof buf, i);
        return str_new(std::string_view(buf, size_t(res.ptr - buf)));
    }
    std::string s;
    if (!int_digits(v, base, &s)) return VAL_NULL;
    return str_new(s);
}

Value float_to_str(double d) {
    return str_new(float_repr(d));
}

static Value int_repr(Value v) {
    return int_to_str(v, 10);
}
static Value bool_repr(Value v) {
    return val(intern(val_is_true(v) ? "True" : "False"));
}
static Value float_repr_slot(Value v) {
    return float_to_str(val_float(v));
}

// ---- hashing and truth ----

static bool int_hash(Value v, int64_t* out) {
    int64_t i;
    if (small_of(v, &i))
        *out = hash_int64(i);
    else
        *out = big_hash(as<BigIntObject>(v)->value);
    return true;
}

static bool float_hash(Value v, int64_t* out) {
    *out = hash_double(val_float(v));
    return true;
}

static int int_truth(Value v) {
    int64_t i;
    if (small_of(v, &i)) return i != 0;
    return !big_is_zero(as<BigIntObject>(v)->value);
}

static int float_truth(Value v) {
    return val_float(v) != 0.0;
}

// ---- float arithmetic ----

static bool is_odd_integer(double x) {
    return std::fmod(std::fabs(x), 2.0) == 1.0;
}

namespace {
enum class PowError { None, ZeroToNegative, NegativeToFraction, Overflow };

// x ** y for floats with CPython's special cases (float_pow in floatobject.c): the result in *r, or the error.
PowError float_pow(double x, double y, double* r) {
    if (y == 0.0) return *r = 1.0, PowError::None;
    if (std::isnan(x)) return *r = x, PowError::None;
    if (std::isnan(y)) return *r = x == 1.0 ? 1.0 : y, PowError::None;
    if (std::isinf(y)) {
        double ax = std::fabs(x);
        if (ax == 1.0) return *r = 1.0, PowError::None;
        return *r = (y > 0.0) == (ax > 1.0) ? std::fabs(y) : 0.0, PowError::None;
    }
    if (std::isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0.0) return *r = odd ? x : std::fabs(x), PowError::None;
        return *r = odd ? std::copysign(0.0, x) : 0.0, PowError::None;
    }
    if (x == 0.0) {
        if (y < 0.0) return PowError::ZeroToNegative;
        return *r = is_odd_integer(y) ? x : 0.0, PowError::None;
    }
    bool negate = false;
    if (x < 0.0) {
        if (y != std::floor(y)) return PowError::NegativeToFraction;
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) return *r = negate ? -1.0 : 1.0, PowError::None;
    double p = std::pow(x, y);
    if (std::isinf(p)) return PowError::Overflow;
    return *r = negate ? -p : p, PowError::None;
}
}  // namespace

// x ** y for floats. A negative base with a non-integral exponent has a complex result in CPython; Krait has no
// complex type and raises ValueError.
Value number_float_pow(double x, double y) {
    double r;
    switch (float_pow(x, y, &r)) {
    case PowError::None: return val_from_float(r);
    case PowError::ZeroToNegative: return raise(T.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    case PowError::NegativeToFraction:
        return raise(T.e_ValueError, "negative number cannot be raised to a fractional power");
    case PowError::Overflow: break;
    }
    return raise(T.e_OverflowError, "(34, 'Numerical result out of range')");
}

// BINARY_OP_POWER_FLOAT's helper: raises nothing (0: the result is an error, which the generic path raises).
extern "C" int krt_float_pow(double x, double y, double* result) {
    return float_pow(x, y, result) == PowError::None;
}

static Value float_arith(double x, double y, BinOp op) {
    switch (op) {
    case BinOp::Add: return val_from_float(x + y);
    case BinOp::Sub: return val_from_float(x - y);
    case BinOp::Mul: return val_from_float(x * y);
    case BinOp::TrueDiv:
        if (y == 0.0) return raise(T.e_ZeroDivisionError, "float division by zero");
        return val_from_float(x / y);
    case BinOp::FloorDiv:
        if (y == 0.0) return raise(T.e_ZeroDivisionError, "float floor division by zero");
        return val_from_float(float_floordiv(x, y));
    case BinOp::Mod:
        if (y == 0.0) return raise(T.e_ZeroDivisionError, "float modulo");
        return val_from_float(float_mod(x, y));
    case BinOp::Pow: return number_float_pow(x, y);
    default: return g_not_implemented;
    }
}

// ---- int arithmetic ----

static Value big_pow_value(const BigInt& base, const BigInt& exp);

// Both operands are BigInts (at least one does not fit an immediate, or an operation overflowed).
static Value big_binop(const BigInt& a, const BigInt& b, BinOp op) {
    switch (op) {
    case BinOp::Add: return int_from_big_move(big_add(a, b));
    case BinOp::Sub: return int_from_big_move(big_sub(a, b));
    case BinOp::Mul:
        if (big_mul_result_bits(a, b) > kMaxIntBits) return raise_no_memory();
        return int_from_big_move(big_mul(a, b));
    case BinOp::TrueDiv: {
        if (big_is_zero(b)) return raise(T.e_ZeroDivisionError, "division by zero");
        double d;
        if (!big_truediv(a, b, &d))
            return raise(T.e_OverflowError, "integer division result too large for a float");
        return val_from_float(d);
    }
    case BinOp::FloorDiv:
        if (big_is_zero(b)) return raise(T.e_ZeroDivisionError, "integer division or modulo by zero");
        return int_from_big_move(big_floordiv(a, b));
    case BinOp::Mod:
        if (big_is_zero(b)) return raise(T.e_ZeroDivisionError, "integer modulo by zero");
        return int_from_big_move(big_mod(a, b));
    case BinOp::Pow: return big_pow_value(a, b);
    case BinOp::LShift: {
        if (b.neg) return raise(T.e_ValueError, "negative shift count");
        if (big_is_zero(a)) return val_from_int(0);
        if (!big_fits_int64(b)) return raise(T.e_OverflowError, "too many digits in integer");
        uint64_t n = uint64_t(big_to_int64(b));
        if (big_shl_result_bits(a, n) > kMaxIntBits) return raise_no_memory();
        return int_from_big_move(big_shl(a, n));
    }
    case BinOp::RShift: {
        if (b.neg) return raise(T.e_ValueError, "negative shift count");
        if (!big_fits_int64(b)) return val_from_int(a.neg ? -1 : 0);
        return int_from_big_move(big_shr(a, uint64_t(big_to_int64(b))));
    }
    case BinOp::And: return int_from_big_move(big_and(a, b));
    case BinOp::Or: return int_from_big_move(big_or(a, b));
    case BinOp::Xor: return int_from_big_move(big_xor(a, b));
    default: return g_not_implemented;
    }
}

// base ** exp for ints: a negative exponent gives a float (2 ** -1 == 0.5), as in CPython.
static Value big_pow_value(const BigInt& base, const BigInt& exp) {
    if (exp.neg) {
        double x, y;
        if (!big_to_double(base, &x) || !big_to_double(exp, &y))
            return raise(T.e_OverflowError, "int too large to convert to float");
        return number_float_pow(x, y);
    }
    // Bases 0, 1 and -1 stay small whatever the exponent.
    if (big_is_zero(base)) return val_from_int(big_is_zero(exp) ? 1 : 0);
    if (base.mag.size() == 1 && base.mag[0] == 1) {
        bool odd = !exp.mag.empty() && (exp.mag[0] & 1);
        return val_from_int(base.neg && odd ? -1 : 1);
    }
    if (!big_fits_int64(exp)) return raise_no_memory();
    uint64_t e = uint64_t(big_to_int64(exp));
    if (big_pow_result_bits(base, e) > kMaxIntBits) return raise_no_memory();
    return int_from_big_move(big_pow(base, e));
}

// x ** y for immediates with y >= 0, by squaring while the result stays in 64 bits.
static Value small_pow(int64_t x, int64_t y) {
    int64_t result = 1, b = x, e = y;
    bool overflow = false;
    while (e > 0) {
        if (e & 1) overflow |= __builtin_mul_overflow(result, b, &result);
        e >>= 1;
        if (e > 0) overflow |= __builtin_mul_overflow(b, b, &b);
        if (overflow) break;
    }
    if (!overflow) return int_from_i64(result);
    return big_pow_value(big_from_int64(x), big_from_int64(y));
}

static Value small_binop(int64_t x, int64_t y, BinOp op) {
    switch (op) {
    case BinOp::Add: return int_from_i64(x + y);
    case BinOp::Sub: return int_from_i64(x - y);
    case BinOp::Mul: {
        int64_t r;
        if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
        return int_from_big_move(big_mul(big_from_int64(x), big_from_int64(y)));
    }
    case BinOp::TrueDiv: {
        if (y == 0) return raise(T.e_ZeroDivisionError, "division by zero");
        // Immediates are below 2**53, exact as doubles: one rounding, as CPython's true division.
        return val_from_float(double(x) / double(y));
    }
    case BinOp::FloorDiv: {
        if (y == 0) return raise(T.e_ZeroDivisionError, "integer division or modulo by zero");
        int64_t q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
        return int_from_i64(q);
    }
    case BinOp::Mod: {
        if (y == 0) return raise(T.e_ZeroDivisionError, "integer modulo by zero");
        int64_t r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return val_from_int(r);
    }
    case BinOp::Pow:
        if (y < 0) return number_float_pow(double(x), double(y));
        return small_pow(x, y);
    case BinOp::LShift:
        if (y < 0) return raise(T.e_ValueError, "negative shift count");
        if (x == 0) return val_from_int(0);
        if (y < 64) {
            __int128 r = static_cast<__int128>(x) << y;
            if (r >= INT64_MIN && r <= INT64_MAX) return int_from_i64(int64_t(r));
        }
        return big_binop(big_from_int64(x), big_from_int64(y), op);
    case BinOp::RShift:
        if (y < 0) return raise(T.e_ValueError, "negative shift count");
        return val_from_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case BinOp::And: return val_from_int(x & y);
    case BinOp::Or: return val_from_int(x | y);
    case BinOp::Xor: return val_from_int(x ^ y);
    default: return g_not_implemented;
    }
}

// a op b for two numbers (ints of any kind and floats); NotImplemented for anything else.
Value number_binop(Value a, Value b, BinOp op) {
    int64_t x, y;
    if (small_of(a, &x) && small_of(b, &y)) return small_binop(x, y, op);
    bool ia = is_int(a), ib = is_int(b);
    if (ia && ib) {
        BigInt ta, tb;
        return big_binop(big_ref(a, &ta), big_ref(b, &tb), op);
    }
    if ((!ia && !val_is_float(a)) || (!ib && !val_is_float(b))) return g_not_implemented;
    if (op >= BinOp::LShift) return g_not_implemented; // shifts, bitwise ops and @ are not defined for floats
    double dx, dy;
    if (ia ? !int_as_double(a, &dx) : (dx = val_float(a), false)) return VAL_NULL;
    if (ib ? !int_as_double(b, &dy) : (dy = val_float(b), false)) return VAL_NULL;
    return float_arith(dx, dy, op);
}

static Value int_binop(Value self, Value other, BinOp op, bool reflected) {
    return reflected ? number_binop(other, self, op) : number_binop(self, other, op);
}

// bool & bool, bool | bool and bool ^ bool stay bools; everything else is int arithmetic.
static Value bool_binop(Value self, Value other, BinOp op, bool reflected) {
    if (val_is_bool(self) && val_is_bool(other)) {
        bool a = val_is_true(self), b = val_is_true(other);
        if (op == BinOp::And) return val_from_bool(a & b);
        if (op == BinOp::Or) return val_from_bool(a | b);
        if (op == BinOp::Xor) return val_from_bool(a ^ b);
    }
    return int_binop(self, other, op, reflected);
}

static Value float_binop(Value self, Value other, BinOp op, bool reflected) {
    if (val_is_float(self) && val_is_float(other)) {
        double a = val_float(self), b = val_float(other);
        return reflected ? float_arith(b, a, op) : float_arith(a, b, op);
    }
    return reflected ? number_binop(other, self, op) : number_binop(self, other, op);
}

// divmod(a, b) for numbers: a (q, r) tuple, or NotImplemented when either is not an int or a float.
Value number_divmod(Value a, Value b) {
    int64_t x, y;
    if (small_of(a, &x) && small_of(b, &y)) {
        if (y == 0) return raise(T.e_ZeroDivisionError, "integer division or modulo by zero");
        int64_t q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) q--, r += y;
        return tuple_pack({int_from_i64(q), val_from_int(r)});
    }
    bool ia = is_int(a), ib = is_int(b);
    if (ia && ib) {
        BigInt ta, tb, q, r;
        const BigInt& ba = big_ref(a, &ta);
        const BigInt& bb = big_ref(b, &tb);
        if (big_is_zero(bb)) return raise(T.e_ZeroDivisionError, "integer division or modulo by zero");
        big_divmod(ba, bb, &q, &r);
        Value vq = int_from_big_move(std::move(q));
        if (val_is_null(vq)) return vq;
        Root rq(vq);
        Value vr = int_from_big_move(std::move(r));
        if (val_is_null(vr)) return vr;
        return tuple_pack({vq, vr});
    }
    if ((!ia && !val_is_float(a)) || (!ib && !val_is_float(b))) return g_not_implemented;
    double dx, dy;
    if (ia ? !int_as_double(a, &dx) : (dx = val_float(a), false)) return VAL_NULL;
    if (ib ? !int_as_double(b, &dy) : (dy = val_float(b), false)) return VAL_NULL;
    if (dy == 0.0) return raise(T.e_ZeroDivisionError, "float divmod()");
    double q, r;
    float_divmod(dx, dy, &q, &r);
    return tuple_pack({val_from_float(q), val_from_float(r)});
}

// ---- unary operators ----

static Value int_unary(Value v, UnaryOp op) {
    int64_t i;
    if (small_of(v, &i)) {
        switch (op) {
        case UnaryOp::Neg: return int_from_i64(-i);
        case UnaryOp::Pos: return val_from_int(i);
        case UnaryOp::Invert: return val_from_int(~i);
        case UnaryOp::Abs: return int_from_i64(i < 0 ? -i : i);
        }
    }
    const BigInt& b = as<BigIntObject>(v)->value;
    switch (op) {
    case UnaryOp::Neg: return int_from_big_move(big_negate(b));
    case UnaryOp::Pos: return exact_int(v);
    case UnaryOp::Invert: return int_from_big_move(big_invert(b));
    case UnaryOp::Abs: return int_from_big_move(big_abs(b));
    }
    return VAL_NULL;
}

static Value float_unary(Value v, UnaryOp op) {
    double d = val_float(v);
    switch (op) {
    case UnaryOp::Neg: return val_from_float(-d);
    case UnaryOp::Pos: return v;
    case UnaryOp::Abs: return val_from_float(std::fabs(d));
    case UnaryOp::Invert: break;
    }
    return raise(T.e_TypeError, "bad operand type for unary ~: 'float'");
}

// ---- comparison ----

// Three-way comparison of two numbers: -1, 0, 1, or 2 when unordered (a NaN is involved).
// Int/float comparisons are exact, as in CPython (2**53 + 1 != 2.0**53).
static int number_cmp3(Value a, Value b) {
    int64_t x, y;
    bool sa = small_of(a, &x), sb = small_of(b, &y);
    if (sa && sb) return (x > y) - (x < y);
    bool ia = is_int(a), ib = is_int(b);
    if (ia && ib) {
        BigInt ta, tb;
        return big_compare(big_ref(a, &ta), big_ref(b, &tb));
    }
    if (!ia && !ib) {
        double dx = val_float(a), dy = val_float(b);
        if (std::isnan(dx) || std::isnan(dy)) return 2;
        return (dx > dy) - (dx < dy);
    }
    // One int, one float. Immediates are below 2**49, exact as doubles.
    Value iv = ia ? a : b;
    double d = val_float(ia ? b : a);
    if (std::isnan(d)) return 2;
    int c;
    int64_t i;
    if (small_of(iv, &i))
        c = (double(i) > d) - (double(i) < d);
    else
        c = big_compare_double(as<BigIntObject>(iv)->value, d);
    return ia ? c : -c;
}

static bool is_number(Value v) {
    return val_is_float(v) || is_int(v);
}

static Value number_richcompare(Value self, Value other, CmpOp op) {
    if (!is_number(other)) return g_not_implemented;
    int c = number_cmp3(self, other);
    if (c == 2) return val_from_bool(op == CmpOp::NE);
    switch (op) {
    case CmpOp::LT: return val_from_bool(c < 0);
    case CmpOp::LE: return val_from_bool(c <= 0);
    case CmpOp::EQ: return val_from_bool(c == 0);
    case CmpOp::NE: return val_from_bool(c != 0);
    case CmpOp::GT: return val_from_bool(c > 0);
    case CmpOp::GE: return val_from_bool(c >= 0);
    }
    return VAL_NULL;
}

// ---- int(text, base) ----

// Python's int() and float() accept any Unicode decimal digit: the zero of each common block of ten.
static const uint32_t kDigitZeros[] = {
    0x0660,  0x06F0,  0x07C0,  0x0966,  0x09E6,  0x0A66,  0x0AE6,  0x0B66,  0x0BE6,  0x0C66,
    0x0CE6,  0x0D66,  0x0DE6,  0x0E50,  0x0ED0,  0x0F20,  0x1040,  0x1090,  0x17E0,  0x1810,
    0x1946,  0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,
    0xA900,  0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x11066, 0x110F0, 0x11136,
    0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x16A60, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E950, 0x1FBF0,
};

static bool is_unicode_space(uint32_t cp) {
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// As CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace becomes ' ' and non-ASCII
// decimal digits their ASCII digit; other non-ASCII characters become '?' (never valid in a number).
static std::string ascii_numeric_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += char(c);
            i++;
            continue;
        }
        size_t len;
        uint32_t cp = utf8_decode(s.data() + i, &len);
        i += len ? len : 1;
        char r = '?';
        if (is_unicode_space(cp)) r = ' ';
        for (uint32_t z : kDigitZeros)
            if (cp >= z && cp < z + 10) r = char('0' + (cp - z));
        out += r;
    }
    return out;
}

static bool is_py_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// "invalid literal for int() with base 10: 'x'": the repr of the original argument, cut at 200 characters.
static Value invalid_literal(Value orig, int base) {
    Value r = obj_repr(orig);
    if (val_is_null(r)) return r;
    StrObject* s = as<StrObject>(r);
    std::string_view text = s->view();
    if (s->length > 200) text = text.substr(0, str_byte_offset(s, 200));
    return raise(T.e_ValueError, "invalid literal for int() with base %d: %.*s", base, int(text.size()),
                 text.data());
}

// Parses the text of int(x, base) (CPython's PyLong_FromString rules: whitespace, sign, 0x/0o/0b prefixes
// with base 0 or the matching base, single underscores between digits and after a prefix).
static Value parse_int_text(std::string_view text, int base, Value orig) {
    std::string ascii;
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = ascii_numeric_text(text);
            text = ascii;
            break;
        }
    }
    size_t i = 0, n = text.size();
    while (i < n && is_py_space(text[i])) i++;
    while (n > i && is_py_space(text[n - 1])) n--;
    bool neg = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
    int b = base;
    bool prefixed = false;
    if (n - i >= 2 && text[i] == '0') {
        char p = char(text[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) b = pb, prefixed = true, i += 2;
    }
    if (b == 0) {
        b = 10;
        // Base 0 forbids leading zeros in a nonzero decimal literal ("010"), like the Python grammar.
        if (i < n && text[i] == '0') {
            for (size_t k = i; k < n; k++)
                if (text[k] != '0' && text[k] != '_') return invalid_literal(orig, base);
        }
    }
    std::string digits;
    digits.reserve(n - i + 1);
    if (neg) digits += '-';
    bool need_digit = !prefixed; // an underscore may follow a prefix directly ("0x_ff")
    size_t ndigits = 0;
    for (size_t k = i; k < n; k++) {
        char c = text[k];
        if (c == '_') {
            if (need_digit) return invalid_literal(orig, base);
            need_digit = true;
            continue;
        }
        if (digit_value(c) >= b) return invalid_literal(orig, base);
        digits += c;
        ndigits++;
        need_digit = false;
    }
    if (ndigits == 0 || need_digit) return invalid_literal(orig, base);
    if (g_int_max_str_digits && big_parse_digits_exceed(ndigits, b, g_int_max_str_digits))
        return raise_str(T.e_ValueError, big_parse_limit_message(g_int_max_str_digits, ndigits));
    if (ndigits <= 12) { // < 36**12 < 2**63: parse in a machine word
        int64_t v = 0;
        for (size_t k = neg ? 1 : 0; k < digits.size(); k++) v = v * b + digit_value(digits[k]);
        return int_from_i64(neg ? -v : v);
    }
    BigInt r;
    if (!big_from_string(digits, b, &r)) return invalid_literal(orig, base);
    return int_from_big_move(std::move(r));
}

// ---- constructors ----

// int(x) with one argument.
static Value int_from_object(Value x) {
    if (is_int(x)) return exact_int(x);
    if (val_is_float(x)) return number_float_to_int(val_float(x));
    if (is_kind(x, Kind::Str)) return parse_int_text(as<StrObject>(x)->view(), 10, x);
    if (is_kind(x, Kind::Bytes)) {
        auto* b = as<BytesObject>(x);
        return parse_int_text(std::string_view(b->data, b->size), 10, x);
    }
    TypeObject* t = type_of(x);
    static StrObject* fint = intern("__int__");
    static StrObject* findex = intern("__index__");
    static StrObject* ftrunc = intern("__trunc__");
    Value m = type_lookup(t, fint);
    if (!val_is_null(m)) {
        Value r = call1(m, x);
        if (val_is_null(r)) return r;
        if (!is_int(r)) return raise(T.e_TypeError, "__int__ returned non-int (type %s)", type_name(r));
        return exact_int(r);
    }
    if (!val_is_null(type_lookup(t, findex))) return number_index(x);
    m = type_lookup(t, ftrunc);
    if (!val_is_null(m)) {
        Value r = call1(m, x);
        if (val_is_null(r) || is_int(r)) return val_is_null(r) ? r : exact_int(r);
        return number_index(r);
    }
    return raise(T.e_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                 t->name->data);
}

static Value int_construct(Value* args, size_t nargs, TupleObject* kwnames) {
    size_t nkw = kwnames ? kwnames->size : 0, npos = nargs - nkw;
    Value x = npos > 0 ? args[0] : VAL_NULL, base_v = npos > 1 ? args[1] : VAL_NULL;
    if (npos > 2) return raise(T.e_TypeError, "int() takes at most 2 arguments (%zu given)", nargs);
    for (size_t k = 0; k < nkw; k++) {
        std::string_view kw = str_view(kwnames->items[k]);
        if (kw != "base" || npos > 1) {
            if (kw == "base")
                return raise(T.e_TypeError, "argument for int() given by name ('base') and position (2)");
            return raise(T.e_TypeError, "'%.*s' is an invalid keyword argument for int()", int(kw.size()),
                         kw.data());
        }
        base_v = args[npos + k];
    }
    if (val_is_null(base_v)) return val_is_null(x) ? val_from_int(0) : int_from_object(x);
    if (val_is_null(x)) return raise(T.e_TypeError, "int() missing string argument");
    int64_t base;
    if (!index_of(base_v, &base)) return VAL_NULL;
    if (base != 0 && (base < 2 || base > 36))
        return raise(T.e_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (is_kind(x, Kind::Str)) return parse_int_text(as<StrObject>(x)->view(), int(base), x);
    if (is_kind(x, Kind::Bytes)) {
        auto* b = as<BytesObject>(x);
        return parse_int_text(std::string_view(b->data, b->size), int(base), x);
    }
    return raise(T.e_TypeError, "int() can't convert non-string with explicit base");
}

static Value int_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    Value r = int_construct(args, nargs, kwnames);
    if (val_is_null(r) || cls == T.t_int) return r;
    return new_bigint_object(cls, int_to_bigint(r)); // an int subclass: always a heap object of that class
}

// float(x) with one argument.
static Value float_from_object(Value x) {
    if (val_is_float(x)) return x;
    if (is_int(x)) {
        double d;
        return int_as_double(x, &d) ? val_from_float(d) : VAL_NULL;
    }
    if (is_kind(x, Kind::Str) || is_kind(x, Kind::Bytes)) {
        std::string_view text = is_kind(x, Kind::Str)
                                    ? as<StrObject>(x)->view()
                                    : std::string_view(as<BytesObject>(x)->data, as<BytesObject>(x)->size);
        double d;
        if (parse_float(text, &d)) return val_from_float(d);
        Value r = obj_repr(x);
        if (val_is_null(r)) return r;
        std::string_view rv = str_view(r);
        return raise(T.e_ValueError, "could not convert string to float: %.*s", int(rv.size()), rv.data());
    }
    TypeObject* t = type_of(x);
    static StrObject* ffloat = intern("__float__");
    static StrObject* findex = intern("__index__");
    if (!val_is_null(type_lookup(t, ffloat)) || !val_is_null(type_lookup(t, findex))) {
        double d;
        return to_double(x, &d) ? val_from_float(d) : VAL_NULL;
    }
    return raise(T.e_TypeError, "float() argument must be a string or a real number, not '%s'",
                 t->name->data);
}

static Value float_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("float", kwnames)) return VAL_NULL;
    if (nargs > 1) return raise(T.e_TypeError, "float expected at most 1 argument, got %zu", nargs);
    Value r = nargs ? float_from_object(args[0]) : val_from_float(0.0);
    if (!val_is_null(r) && cls != T.t_float)
        return raise(T.e_TypeError, "Krait does not support subclasses of float ('%s')", cls->name->data);
    return r;
}

static Value bool_new(TypeObject*, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("bool", kwnames)) return VAL_NULL;
    if (nargs > 1) return raise(T.e_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (nargs == 0) return VAL_FALSE;
    int t = obj_truth(args[0]);
    return t < 0 ? VAL_NULL : val_from_bool(t);
}

// Installs the slots; called by init_number_methods (number_methods.cpp) before the slot wrappers are made.
void init_number_slots() {
    TypeObject* i = T.t_int;
    i->repr = int_repr, i->hash = int_hash, i->richcompare = number_richcompare, i->binop = int_binop;
    i->unary = int_unary, i->truth = int_truth, i->new_fn = int_new;
    TypeObject* b = T.t_bool;
    b->repr = bool_repr, b->hash = int_hash, b->richcompare = number_richcompare, b->binop = bool_binop;
    b->unary = int_unary, b->truth = int_truth, b->new_fn = bool_new;
    TypeObject* f = T.t_float;
    f->repr = float_repr_slot, f->hash = float_hash, f->richcompare = number_richcompare,
    f->binop = float_binop;
    f->unary = float_unary, f->truth = float_truth, f->new_fn = float_new;
}

} // namespace krait
