// math_module.cpp — the `math` module: CPython 3.12's functions with its special cases and error rules
// ("math domain error" = ValueError, "math range error" = OverflowError), exact integer functions on big ints
// (gcd, lcm, factorial, isqrt, comb, perm) and CPython's accurate algorithms where results would otherwise
// differ in the last bit (hypot/dist use vector_norm, fsum uses Shewchuk's partials, log of huge ints).
// runtime_init calls init_math_module() once and stores the module in sys.modules.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <utility>
#include <vector>

#include "bigint.h"
#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "runtime.h"

namespace krait {

// From number.cpp.
Value number_index(Value v);
Value number_float_to_int(double d);

namespace {

// Spelled out rather than M_PI & co., which strict C++ modes need not define.
constexpr double kPi = 3.141592653589793;
constexpr double kE = 2.718281828459045;
constexpr double kLn2 = 0.6931471805599453;
constexpr uint64_t kMaxResultBits = uint64_t(1) << 32; // as number.cpp: bigger results are MemoryError

Value domain_error() {
    return raise(T.e_ValueError, "math domain error");
}
Value range_error() {
    return raise(T.e_OverflowError, "math range error");
}

bool one_arg(const char* qualified, size_t nargs, TupleObject* kwnames) {
    return no_kwargs(qualified, kwnames) && check_nargs(qualified, nargs, 1, 1);
}

// ---- functions of one float (CPython's math_1) ----

struct Unary {
    const char* name;  // "sqrt"
    const char* qname; // "math.sqrt", for argument errors
    double (*fn)(double);
    bool can_overflow; // an infinite result from a finite argument is OverflowError (else ValueError)
};

constexpr Unary kUnary[] = {
    {"sqrt", "math.sqrt", [](double x) { return std::sqrt(x); }, false},
    {"exp", "math.exp", [](double x) { return std::exp(x); }, true},
    {"exp2", "math.exp2", [](double x) { return std::exp2(x); }, true},
    {"expm1", "math.expm1", [](double x) { return std::expm1(x); }, true},
    {"log1p", "math.log1p", [](double x) { return std::log1p(x); }, false},
    {"sin", "math.sin", [](double x) { return std::sin(x); }, false},
    {"cos", "math.cos", [](double x) { return std::cos(x); }, false},
    {"tan", "math.tan", [](double x) { return std::tan(x); }, false},
    {"asin", "math.asin", [](double x) { return std::asin(x); }, false},
    {"acos", "math.acos", [](double x) { return std::acos(x); }, false},
    {"atan", "math.atan", [](double x) { return std::atan(x); }, false},
    {"sinh", "math.sinh", [](double x) { return std::sinh(x); }, true},
    {"cosh", "math.cosh", [](double x) { return std::cosh(x); }, true},
    {"tanh", "math.tanh", [](double x) { return std::tanh(x); }, false},
    {"asinh", "math.asinh", [](double x) { return std::asinh(x); }, false},
    {"acosh", "math.acosh", [](double x) { return std::acosh(x); }, false},
    {"atanh", "math.atanh", [](double x) { return std::atanh(x); }, false},
    {"erf", "math.erf", [](double x) { return std::erf(x); }, false},
    {"erfc", "math.erfc", [](double x) { return std::erfc(x); }, false},
    {"fabs", "math.fabs", [](double x) { return std::fabs(x); }, false},
    {"cbrt", "math.cbrt", [](double x) { return std::cbrt(x); }, false},
    {"degrees", "math.degrees", [](double x) { return x * (180.0 / kPi); }, false},
    {"radians", "math.radians", [](double x) { return x * (kPi / 180.0); }, false},
};

// The result rule of math_1: NaN from a non-NaN is a domain error; an infinity from a finite value is a
// range error for functions that can overflow, a domain error (a pole: atanh(1)) for the others.
Value math1_result(double x, double r, bool can_overflow) {
    if (std::isnan(r) && !std::isnan(x)) return domain_error();
    if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
    return val_from_float(r);
}

template <size_t I>
Value unary_fn(Value* args, size_t nargs, TupleObject* kwnames) {
    const Unary& u = kUnary[I];
    if (!one_arg(u.qname, nargs, kwnames)) return VAL_NULL;
    double x;
    if (!to_double(args[0], &x)) return VAL_NULL;
    return math1_result(x, u.fn(x), u.can_overflow);
}

template <size_t... I>
void add_unary(DictObject* d, std::index_sequence<I...>) {
    ((dict_set_str(d, intern(kUnary[I].name), native_new(kUnary[I].name, unary_fn<I>, 0))), ...);
}

// ---- gamma and lgamma: CPython's own Lanczos implementation (libm's differ in the last bits) ----

constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosN] = {0.0,        39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                           1925.0,     66.0,       1.0};
constexpr double kGammaIntegral[] = {1.0,
                                     1.0,
                                     2.0,
                                     6.0,
                                     24.0,
                                     120.0,
                                     720.0,
                                     5040.0,
                                     40320.0,
                                     362880.0,
                                     3628800.0,
                                     39916800.0,
                                     479001600.0,
                                     6227020800.0,
                                     87178291200.0,
                                     1307674368000.0,
                                     20922789888000.0,
                                     355687428096000.0,
                                     6402373705728000.0,
                                     121645100408832000.0,
                                     2432902008176640000.0,
                                     51090942171709440000.0,
                                     1124000727777607680000.0};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = kLanczosN; --i >= 0;) num = num * x + kLanczosNum[i], den = den * x + kLanczosDen[i];
    } else {
        for (int i = 0; i < kLanczosN; i++) num = num / x + kLanczosNum[i], den = den / x + kLanczosDen[i];
    }
    return num / den;
}

double sinpi(double x) {
    double y = std::fmod(std::fabs(x), 2.0), r;
    switch (int(std::round(2.0 * y))) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
    }
    return std::copysign(1.0, x) * r;
}

// Results with errno semantics: *err is EDOM (domain error), ERANGE (overflow) or 0.
double tgamma_py(double x, int* err) {
    if (!std::isfinite(x)) {
        if (std::isnan(x) || x > 0.0) return x;
        *err = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        *err = EDOM;
        return std::copysign(INFINITY, x);
    }
    if (x == std::floor(x)) {
        if (x < 0.0) {
            *err = EDOM;
            return NAN;
        }
        if (x <= 23) return kGammaIntegral[int(x) - 1];
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (std::isinf(r)) *err = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / sinpi(x);
        *err = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + kLanczosGMinusHalf, z;
    if (absx > kLanczosGMinusHalf) {
        double q = y - absx;
        z = q - kLanczosGMinusHalf;
    } else {
        double q = y - kLanczosGMinusHalf;
        z = q - absx;
    }
    z = z * kLanczosG / y;
    double r;
    if (x < 0.0) {
        r = -kPi / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / std::exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (std::isinf(r)) *err = ERANGE;
    return r;
}

double lgamma_py(double x, int* err) {
    if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
    if (x == std::floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            *err = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) return -std::log(absx);
    double r = std::log(lanczos_sum(absx)) - kLanczosG;
    r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
    if (x < 0.0) r = kLogPi - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
    if (std::isinf(r)) *err = ERANGE;
    return r;
}

// CPython's math_1a + is_error: EDOM is a domain error; ERANGE an overflow unless the result underflowed.
template <double (*F)(double, int*)>
Value gamma_fn(const char* qname, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg(qname, nargs, kwnames)) return VAL_NULL;
    double x;
    if (!to_double(args[0], &x)) return VAL_NULL;
    int err = 0;
    double r = F(x, &err);
    if (err == EDOM) return domain_error();
    if (err == ERANGE && std::fabs(r) >= 1.5) return range_error();
    return val_from_float(r);
}

Value m_gamma(Value* args, size_t nargs, TupleObject* kwnames) {
    return gamma_fn<tgamma_py>("math.gamma", args, nargs, kwnames);
}

Value m_lgamma(Value* args, size_t nargs, TupleObject* kwnames) {
    return gamma_fn<lgamma_py>("math.lgamma", args, nargs, kwnames);
}

// ---- rounding to int ----

// floor/ceil: floats directly, then the type's __floor__/__ceil__, then float(x).
Value round_to_int(Value x, const char* dunder, double (*fn)(double)) {
    if (val_is_float(x)) return number_float_to_int(fn(val_float(x)));
    if (is_int(x)) return number_index(x);
    Value m = type_lookup(type_of(x), intern(dunder));
    if (!val_is_null(m)) return call1(m, x);
    double d;
    if (!to_double(x, &d)) return VAL_NULL;
    return number_float_to_int(fn(d));
}

Value m_floor(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.floor", nargs, kwnames)) return VAL_NULL;
    return round_to_int(args[0], "__floor__", [](double d) { return std::floor(d); });
}

Value m_ceil(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.ceil", nargs, kwnames)) return VAL_NULL;
    return round_to_int(args[0], "__ceil__", [](double d) { return std::ceil(d); });
}

Value m_trunc(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.trunc", nargs, kwnames)) return VAL_NULL;
    Value x = args[0];
    if (val_is_float(x)) return number_float_to_int(std::trunc(val_float(x)));
    if (is_int(x)) return number_index(x);
    Value m = type_lookup(type_of(x), intern("__trunc__"));
    if (val_is_null(m)) return raise(T.e_TypeError, "type %s doesn't define __trunc__ method", type_name(x));
    return call1(m, x);
}

// ---- logarithms ----

// CPython's loghelper: ints are handled exactly (any size); other values go through float().
bool log_of(Value x, double (*fn)(double), double* out) {
    if (is_int(x)) {
        BigInt b = int_to_bigint(x);
        if (big_sign(b) <= 0) return domain_error(), false;
        double d;
        if (big_to_double(b, &d)) return *out = fn(d), true;
        // Too big for a double: x = m * 2**e with m in [0.5, 1), correctly rounded from the top bits.
        uint64_t e = big_bit_length(b);
        uint64_t shift = e - 60;
        BigInt top = big_shr(b, shift);
        if (big_compare(big_shl(top, shift), b) != 0) top = big_or(top, big_from_int64(1)); // sticky bit
        big_to_double(top, &d);
        *out = fn(std::ldexp(d, -60)) + fn(2.0) * double(e);
        return true;
    }
    double d;
    if (!to_double(x, &d)) return false;
    double r = fn(d);
    if (val_is_null(math1_result(d, r, false))) return false;
    return *out = r, true;
}

Value m_log(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("log", kwnames) || !check_nargs("log", nargs, 1, 2)) return VAL_NULL;
    auto ln = [](double d) { return std::log(d); };
    double num, den;
    if (!log_of(args[0], ln, &num)) return VAL_NULL;
    if (nargs == 1) return val_from_float(num);
    if (!log_of(args[1], ln, &den)) return VAL_NULL;
    if (den == 0.0) return raise(T.e_ZeroDivisionError, "float division by zero");
    return val_from_float(num / den);
}

Value m_log2(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.log2", nargs, kwnames)) return VAL_NULL;
    double r;
    auto f = [](double d) { return std::log2(d); };
    if (!log_of(args[0], f, &r)) return VAL_NULL;
    return val_from_float(r);
}

Value m_log10(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.log10", nargs, kwnames)) return VAL_NULL;
    double r;
    auto f = [](double d) { return std::log10(d); };
    if (!log_of(args[0], f, &r)) return VAL_NULL;
    return val_from_float(r);
}

// ---- functions of two floats ----

bool two_floats(const char* name, Value* args, size_t nargs, TupleObject* kwnames, double* x, double* y) {
    return no_kwargs(name, kwnames) && check_nargs(name, nargs, 2, 2) && to_double(args[0], x) &&
           to_double(args[1], y);
}

// math.pow: IEEE special cases handled directly, as CPython does.
Value m_pow(Value* args, size_t nargs, TupleObject* kwnames) {
    double x, y;
    if (!two_floats("pow", args, nargs, kwnames, &x, &y)) return VAL_NULL;
    if (!std::isfinite(x) || !std::isfinite(y)) {
        if (std::isnan(x)) return val_from_float(y == 0.0 ? 1.0 : x);
        if (std::isnan(y)) return val_from_float(x == 1.0 ? 1.0 : y);
        if (std::isinf(x)) {
            bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0.0) return val_from_float(odd_y ? x : std::fabs(x));
            if (y == 0.0) return val_from_float(1.0);
            return val_from_float(odd_y ? std::copysign(0.0, x) : 0.0);
        }
        // y is infinite
        if (std::fabs(x) == 1.0) return val_from_float(1.0);
        if (y > 0.0 && std::fabs(x) > 1.0) return val_from_float(y);
        if (y < 0.0 && std::fabs(x) < 1.0) return val_from_float(-y);
        return val_from_float(0.0);
    }
    double r = std::pow(x, y);
    if (std::isnan(r)) return domain_error();
    if (std::isinf(r)) return x == 0.0 ? domain_error() : range_error();
    return val_from_float(r);
}

Value m_atan2(Value* args, size_t nargs, TupleObject* kwnames) {
    double y, x;
    if (!two_floats("atan2", args, nargs, kwnames, &y, &x)) return VAL_NULL;
    return val_from_float(std::atan2(y, x));
}

Value m_copysign(Value* args, size_t nargs, TupleObject* kwnames) {
    double x, y;
    if (!two_floats("copysign", args, nargs, kwnames, &x, &y)) return VAL_NULL;
    return val_from_float(std::copysign(x, y));
}

Value m_fmod(Value* args, size_t nargs, TupleObject* kwnames) {
    double x, y;
    if (!two_floats("fmod", args, nargs, kwnames, &x, &y)) return VAL_NULL;
    if (std::isinf(y) && std::isfinite(x)) return val_from_float(x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
    return val_from_float(r);
}

Value m_remainder(Value* args, size_t nargs, TupleObject* kwnames) {
    double x, y;
    if (!two_floats("remainder", args, nargs, kwnames, &x, &y)) return VAL_NULL;
    double r = std::remainder(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
    return val_from_float(r);
}

Value m_nextafter(Value* args, size_t nargs, TupleObject* kwnames) {
    double x, y;
    if (!two_floats("nextafter", args, nargs, kwnames, &x, &y)) return VAL_NULL;
    return val_from_float(std::nextafter(x, y));
}

Value m_ulp(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.ulp", nargs, kwnames)) return VAL_NULL;
    double x;
    if (!to_double(args[0], &x)) return VAL_NULL;
    if (std::isnan(x)) return val_from_float(x);
    x = std::fabs(x);
    if (std::isinf(x)) return val_from_float(x);
    double x2 = std::nextafter(x, INFINITY);
    if (std::isinf(x2)) return val_from_float(x - std::nextafter(x, -INFINITY));
    return val_from_float(x2 - x);
}

Value m_ldexp(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("ldexp", kwnames) || !check_nargs("ldexp", nargs, 2, 2)) return VAL_NULL;
    double x;
    if (!to_double(args[0], &x)) return VAL_NULL;
    if (!is_int(args[1])) return raise(T.e_TypeError, "Expected an int as second argument to ldexp.");
    BigInt eb = int_to_bigint(args[1]);
    int64_t e = big_fits_int64(eb) ? big_to_int64(eb) : (eb.neg ? INT64_MIN : INT64_MAX);
    if (x == 0.0 || !std::isfinite(x)) return val_from_float(x);
    if (e > INT32_MAX) return range_error();
    if (e < INT32_MIN) return val_from_float(std::copysign(0.0, x));
    double r = std::ldexp(x, int(e));
    if (std::isinf(r)) return range_error();
    return val_from_float(r);
}

Value m_frexp(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.frexp", nargs, kwnames)) return VAL_NULL;
    double x;
    if (!to_double(args[0], &x)) return VAL_NULL;
    int e = 0;
    double m = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &e);
    return tuple_pack({val_from_float(m), val_from_int(e)});
}

Value m_modf(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.modf", nargs, kwnames)) return VAL_NULL;
    double x;
    if (!to_double(args[0], &x)) return VAL_NULL;
    if (std::isinf(x)) return tuple_pack({val_from_float(std::copysign(0.0, x)), val_from_float(x)});
    double ip;
    double fp = std::modf(x, &ip);
    return tuple_pack({val_from_float(fp), val_from_float(ip)});
}

// ---- predicates ----

template <int Which>
Value float_predicate(Value* args, size_t nargs, TupleObject* kwnames) {
    static const char* const names[] = {"math.isnan", "math.isinf", "math.isfinite"};
    if (!one_arg(names[Which], nargs, kwnames)) return VAL_NULL;
    double x;
    if (!to_double(args[0], &x)) return VAL_NULL;
    return val_from_bool(Which == 0 ? std::isnan(x) : Which == 1 ? std::isinf(x) : std::isfinite(x));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
Value m_isclose(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[4];
    if (!bind_args("isclose", args, nargs, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 2, a)) return VAL_NULL;
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (!to_double(a[0], &x) || !to_double(a[1], &y)) return VAL_NULL;
    if (!val_is_null(a[2]) && !to_double(a[2], &rel)) return VAL_NULL;
    if (!val_is_null(a[3]) && !to_double(a[3], &abs_tol)) return VAL_NULL;
    if (rel < 0.0 || abs_tol < 0.0) return raise(T.e_ValueError, "tolerances must be non-negative");
    if (x == y) return VAL_TRUE;
    if (std::isinf(x) || std::isinf(y)) return VAL_FALSE;
    double diff = std::fabs(y - x);
    return val_from_bool(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

// ---- hypot / dist: CPython's vector_norm (exact squares, compensated sums, one correction step) ----

struct DoubleLength {
    double hi, lo;
};

DoubleLength dl_fast_sum(double a, double b) {
    double x = a + b;
    return {x, (a - x) + b};
}

DoubleLength dl_mul(double x, double y) {
    double z = x * y;
    return {z, std::fma(x, y, -z)};
}

double vector_norm(size_t n, double* vec, double max, bool found_nan) {
    if (std::isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    std::frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++) vec[i] /= DBL_MIN; // subnormals to normals
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = std::ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        DoubleLength pr = dl_mul(x, x);
        DoubleLength sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
    DoubleLength pr = dl_mul(-h, h);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

Value m_hypot(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("hypot", kwnames)) return VAL_NULL;
    std::vector<double> v(nargs);
    double max = 0.0;
    bool nan = false;
    for (size_t i = 0; i < nargs; i++) {
        if (!to_double(args[i], &v[i])) return VAL_NULL;
        v[i] = std::fabs(v[i]);
        nan |= std::isnan(v[i]);
        if (v[i] > max) max = v[i];
    }
    return val_from_float(vector_norm(nargs, v.data(), max, nan));
}

// The items of a tuple or list argument (dist's points, prod/fsum go through iteration instead).
bool sequence_items(Value seq, const char* what, std::vector<Value>* out) {
    if (is_kind(seq, Kind::Tuple)) {
        auto* t = as<TupleObject>(seq);
        out->assign(t->items, t->items + t->size);
        return true;
    }
    if (is_kind(seq, Kind::List)) {
        auto* l = as<ListObject>(seq);
        out->assign(l->items, l->items + l->size);
        return true;
    }
    raise(T.e_TypeError, "dist(): argument %s must be tuple, not %s", what, type_name(seq));
    return false;
}

Value m_dist(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("dist", kwnames) || !check_nargs("dist", nargs, 2, 2)) return VAL_NULL;
    std::vector<Value> p, q;
    if (!sequence_items(args[0], "1", &p) || !sequence_items(args[1], "2", &q)) return VAL_NULL;
    if (p.size() != q.size())
        return raise(T.e_ValueError, "both points must have the same number of dimensions");
    std::vector<double> v(p.size());
    double max = 0.0;
    bool nan = false;
    for (size_t i = 0; i < p.size(); i++) {
        double a, b;
        if (!to_double(p[i], &a) || !to_double(q[i], &b)) return VAL_NULL;
        v[i] = std::fabs(a - b);
        nan |= std::isnan(v[i]);
        if (v[i] > max) max = v[i];
    }
    return val_from_float(vector_norm(v.size(), v.data(), max, nan));
}

// ---- sums and products ----

// fsum: Shewchuk's exact partials with CPython's special-value handling and half-even fix-up.
Value m_fsum(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.fsum", nargs, kwnames)) return VAL_NULL;
    Value it = obj_getiter(args[0]);
    if (val_is_null(it)) return it;
    Root ri(it);
    std::vector<double> p;
    double special_sum = 0.0, inf_sum = 0.0;
    for (;;) {
        Value item = iter_next(it);
        if (val_is_null(item)) {
            if (err_occurred()) return VAL_NULL;
            break;
        }
        double x;
        if (!to_double(item, &x)) return VAL_NULL;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < p.size(); j++) {
            double y = p[j];
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y, yr = hi - x, lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        p.resize(i);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                if (std::isfinite(xsave)) return raise(T.e_OverflowError, "intermediate overflow in fsum");
                if (std::isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                p.clear();
            } else {
                p.push_back(x);
            }
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) return raise(T.e_ValueError, "-inf + inf in fsum");
        return val_from_float(special_sum);
    }
    double hi = 0.0, lo = 0.0;
    size_t n = p.size();
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return val_from_float(hi);
}

// prod(iterable, *, start=1)
Value m_prod(Value* args, size_t nargs, TupleObject* kwnames) {
    size_t npos = nargs - (kwnames ? kwnames->size : 0);
    Value a[2];
    if (npos > 1) return raise(T.e_TypeError, "prod() takes exactly 1 positional argument (%zu given)", npos);
    if (!bind_args("prod", args, nargs, kwnames, {"iterable", "start"}, 1, a)) return VAL_NULL;
    RootVec rv; // [iterator, result]
    rv.items.assign(2, VAL_NULL);
    rv.items[1] = val_is_null(a[1]) ? val_from_int(1) : a[1];
    rv.items[0] = obj_getiter(a[0]);
    if (val_is_null(rv.items[0])) return VAL_NULL;
    for (;;) {
        Value item = iter_next(rv.items[0]);
        if (val_is_null(item)) return err_occurred() ? VAL_NULL : rv.items[1];
        Value r = binary_op(rv.items[1], item, BinOp::Mul, false);
        if (val_is_null(r)) return r;
        rv.items[1] = r;
    }
}

// ---- integer functions ----

bool int_arg(Value v, BigInt* out) {
    Value i = number_index(v);
    if (val_is_null(i)) return false;
    *out = int_to_bigint(i);
    return true;
}

Value m_gcd(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("gcd", kwnames)) return VAL_NULL;
    BigInt g;
    for (size_t i = 0; i < nargs; i++) {
        BigInt x;
        if (!int_arg(args[i], &x)) return VAL_NULL;
        g = big_gcd(g, x);
    }
    return int_from_bigint(g);
}

Value m_lcm(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("lcm", kwnames)) return VAL_NULL;
    BigInt l = big_from_int64(1);
    bool zero = false;
    for (size_t i = 0; i < nargs; i++) {
        BigInt x;
        if (!int_arg(args[i], &x)) return VAL_NULL;
        if (zero) continue;
        if (big_is_zero(x)) {
            zero = true;
            continue;
        }
        x = big_abs(x);
        if (big_mul_result_bits(l, x) > kMaxResultBits) return raise_no_memory();
        l = big_mul(big_floordiv(l, big_gcd(l, x)), x);
    }
    return zero ? val_from_int(0) : int_from_bigint(l);
}

// The product lo * (lo+1) * ... * (hi-1), by binary splitting so that big multiplications are balanced.
BigInt range_product(uint64_t lo, uint64_t hi) {
    if (hi - lo <= 8) {
        BigInt r = big_from_int64(1);
        uint64_t acc = 1;
        for (uint64_t i = lo; i < hi; i++) {
            unsigned __int128 p = (unsigned __int128)acc * i;
            if (p >> 64) {
                r = big_mul(r, big_from_uint64(acc));
                acc = i;
            } else {
                acc = uint64_t(p);
            }
        }
        return big_mul(r, big_from_uint64(acc));
    }
    uint64_t mid = lo + (hi - lo) / 2;
    return big_mul(range_product(lo, mid), range_product(mid, hi));
}

// An estimate of the bits of lo * ... * (hi-1), for refusing absurd results before computing them.
double product_bits(uint64_t lo, uint64_t hi) {
    if (hi <= lo + 1) return 64;
    // sum of log2(i) for i in [lo, hi) ~ integral of log2
    auto f = [](double x) { return x > 1 ? x * std::log2(x) - x / kLn2 : 0.0; };
    return f(double(hi)) - f(double(lo)) + 64;
}

Value m_factorial(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.factorial", nargs, kwnames)) return VAL_NULL;
    BigInt n;
    if (!int_arg(args[0], &n)) return VAL_NULL;
    if (n.neg) return raise(T.e_ValueError, "factorial() not defined for negative values");
    if (!big_fits_int64(n))
        return raise(T.e_OverflowError, "factorial() argument should not exceed %lld", (long long)INT64_MAX);
    uint64_t k = uint64_t(big_to_int64(n));
    if (product_bits(1, k + 1) > double(kMaxResultBits)) return raise_no_memory();
    if (k < 21) {
        int64_t r = 1;
        for (uint64_t i = 2; i <= k; i++) r *= int64_t(i);
        return int_from_i64(r);
    }
    return int_from_bigint(range_product(1, k + 1));
}

Value m_isqrt(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!one_arg("math.isqrt", nargs, kwnames)) return VAL_NULL;
    BigInt n;
    if (!int_arg(args[0], &n)) return VAL_NULL;
    if (n.neg) return raise(T.e_ValueError, "isqrt() argument must be nonnegative");
    if (big_fits_int64(n)) {
        int64_t v = big_to_int64(n);
        int64_t r = int64_t(std::sqrt(double(v)));
        while (r > 0 && (__int128)r * r > v) r--;
        while ((__int128)(r + 1) * (r + 1) <= v) r++;
        return int_from_i64(r);
    }
    return int_from_bigint(big_isqrt(n));
}

// comb/perm arguments: n and k non-negative ints; k as a machine word (CPython's limit).
bool comb_args(const char* name, Value* args, BigInt* n, BigInt* k) {
    if (!int_arg(args[0], n) || !int_arg(args[1], k)) return false;
    if (n->neg) {
        raise(T.e_ValueError, "n must be a non-negative integer");
        return false;
    }
    if (k->neg) {
        raise(T.e_ValueError, "k must be a non-negative integer");
        return false;
    }
    return true;
}

// n * (n-1) * ... * (n-k+1), divided step by step by 1..k when `divide` (comb), exact at each step.
Value falling_product(const BigInt& n, uint64_t k, bool divide) {
    BigInt r = big_from_int64(1);
    for (uint64_t i = 0; i < k; i++) {
        r = big_mul(r, big_sub(n, big_from_uint64(i)));
        if (divide) r = big_floordiv(r, big_from_uint64(i + 1));
        if ((i & 1023) == 0 && big_bit_length(r) > kMaxResultBits / 2) return raise_no_memory();
    }
    return int_from_bigint(r);
}

Value m_comb(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("comb", kwnames) || !check_nargs("comb", nargs, 2, 2)) return VAL_NULL;
    BigInt n, k;
    if (!comb_args("comb", args, &n, &k)) return VAL_NULL;
    if (big_compare(k, n) > 0) return val_from_int(0);
    BigInt nk = big_sub(n, k);
    if (big_compare(nk, k) < 0) k = nk;
    if (!big_fits_int64(k))
        return raise(T.e_OverflowError, "min(n - k, k) must not exceed %lld", (long long)INT64_MAX);
    return falling_product(n, uint64_t(big_to_int64(k)), true);
}

Value m_perm(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("perm", kwnames) || !check_nargs("perm", nargs, 1, 2)) return VAL_NULL;
    if (nargs == 1 || val_is_none(args[1])) return m_factorial(args, 1, nullptr);
    BigInt n, k;
    if (!comb_args("perm", args, &n, &k)) return VAL_NULL;
    if (big_compare(k, n) > 0) return val_from_int(0);
    if (!big_fits_int64(k)) return raise(T.e_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
    return falling_product(n, uint64_t(big_to_int64(k)), false);
}

const MethodDef math_functions[] = {
    {"gamma", m_gamma, 0},
    {"lgamma", m_lgamma, 0},
    {"floor", m_floor, 0},
    {"ceil", m_ceil, 0},
    {"trunc", m_trunc, 0},
    {"log", m_log, 0},
    {"log2", m_log2, 0},
    {"log10", m_log10, 0},
    {"pow", m_pow, 0},
    {"atan2", m_atan2, 0},
    {"copysign", m_copysign, 0},
    {"fmod", m_fmod, 0},
    {"remainder", m_remainder, 0},
    {"nextafter", m_nextafter, 0},
    {"ulp", m_ulp, 0},
    {"ldexp", m_ldexp, 0},
    {"frexp", m_frexp, 0},
    {"modf", m_modf, 0},
    {"isnan", float_predicate<0>, 0},
    {"isinf", float_predicate<1>, 0},
    {"isfinite", float_predicate<2>, 0},
    {"isclose", m_isclose, 0},
    {"hypot", m_hypot, 0},
    {"dist", m_dist, 0},
    {"fsum", m_fsum, 0},
    {"prod", m_prod, 0},
    {"gcd", m_gcd, 0},
    {"lcm", m_lcm, 0},
    {"factorial", m_factorial, 0},
    {"isqrt", m_isqrt, 0},
    {"comb", m_comb, 0},
    {"perm", m_perm, 0},
    {nullptr, nullptr, 0},
};

} // namespace

ModuleObject* init_math_module() {
    ModuleObject* m = module_new("math");
    gc_make_permanent(m);
    DictObject* d = m->dict;
    add_unary(d, std::make_index_sequence<sizeof kUnary / sizeof kUnary[0]>());
    add_functions(d, math_functions);
    dict_set_str(d, intern("pi"), val_from_float(kPi));
    dict_set_str(d, intern("e"), val_from_float(kE));
    dict_set_str(d, intern("tau"), val_from_float(2.0 * kPi));
    dict_set_str(d, intern("inf"), val_from_float(INFINITY));
    dict_set_str(d, intern("nan"), val_from_float(NAN));
    return m;
}

} // namespace krait
