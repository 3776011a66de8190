// numfmt_math.cpp - float arithmetic with CPython's exact semantics for Krait's float type: floor
// division, modulo and divmod (signs and -0.0 included), round() with and without ndigits, hash(),
// is_integer() and the digits of int(huge float).
//
// Ports of Objects/floatobject.c (_float_div_mod, float_rem, double_round) and Python/pyhash.c
// (_Py_HashDouble). round() needs correctly rounded decimal rounding; like numfmt_float.cpp it gets
// the decimal digits from the exact snprintf of glibc / musl instead of dtoa.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "numfmt.h"

namespace krait {

void float_divmod(double x, double y, double* floordiv, double* mod) {
    double m = std::fmod(x, y);
    // fmod is exact, so x - m is mathematically a multiple of y; the division can still be a hair off
    // an integer, which the snapping below repairs.
    double div = (x - m) / y;
    if (m != 0) {
        if ((y < 0) != (m < 0)) {  // the remainder takes the divisor's sign
            m += y;
            div -= 1.0;
        }
    } else {
        m = std::copysign(0.0, y);  // fmod's zero sign varies across platforms; Python's follows y
    }
    if (div != 0) {
        *floordiv = std::floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = std::copysign(0.0, x / y);  // zero with the sign of the true quotient
    }
    *mod = m;
}

double float_floordiv(double x, double y) {
    double q, m;
    float_divmod(x, y, &q, &m);
    return q;
}

double float_mod(double x, double y) {
    double m = std::fmod(x, y);
    if (m != 0) {
        if ((y < 0) != (m < 0)) m += y;
    } else {
        m = std::copysign(0.0, y);
    }
    return m;
}

double round_half_even(double x) {
    double r = std::round(x);  // rounds halves away from zero
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
    return r;
}

namespace {

// round(x, -k) for k >= 1: rounds |x| to a multiple of 10^k, ties to even, from its exact decimal
// expansion (a double >= 1 has at most 52 fractional digits, so "%.52f" is exact).
double round_to_tens(double x, int k) {
    double ax = std::fabs(x);
    if (ax < 1) return std::copysign(0.0, x);  // below 10^k / 2 for every k >= 1
    std::string buf(DBL_MAX_10_EXP + 64, '\0');
    int len = std::snprintf(buf.data(), buf.size(), "%.52f", ax);
    int int_len = static_cast<int>(std::strchr(buf.data(), '.') - buf.data());
    if (len <= 0 || int_len <= 0) int_len = len;  // no point: cannot happen with "%.52f" in the C locale
    int keep = int_len - k;
    if (keep < 0) return std::copysign(0.0, x);  // below 10^(k-1)
    // Compare the dropped part with one half: its first digit, then whether anything follows.
    char first = buf[static_cast<size_t>(keep)];
    bool rest_nonzero = false;
    for (int i = keep + 1; i < len; ++i) rest_nonzero = rest_nonzero || (buf[i] >= '1' && buf[i] <= '9');
    bool last_odd = keep > 0 && (buf[static_cast<size_t>(keep - 1)] - '0') % 2 == 1;
    bool up = first > '5' || (first == '5' && (rest_nonzero || last_odd));
    std::string digits = keep > 0 ? buf.substr(0, static_cast<size_t>(keep)) : std::string("0");
    if (up) {
        int i = static_cast<int>(digits.size()) - 1;
        while (i >= 0 && digits[static_cast<size_t>(i)] == '9') digits[static_cast<size_t>(i--)] = '0';
        if (i < 0) {
            digits.insert(digits.begin(), '1');
        } else {
            ++digits[static_cast<size_t>(i)];
        }
    }
    digits += "e" + std::to_string(k);
    return std::copysign(std::strtod(digits.c_str(), nullptr), x);
}

}  // namespace

bool round_double(double x, int64_t ndigits, double* out) {
    // ndigits beyond these bounds leave every double unchanged, or round it to zero (0.30103 bounds
    // log10(2) from above), exactly as in CPython's float___round___impl.
    const int64_t kMaxDigits = static_cast<int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int64_t kMinDigits = -static_cast<int64_t>((DBL_MAX_EXP + 1) * 0.30103);
    if (!std::isfinite(x) || ndigits > kMaxDigits) {
        *out = x;
        return true;
    }
    if (ndigits < kMinDigits) {
        *out = 0.0 * x;
        return true;
    }
    double r;
    if (ndigits >= 0) {
        // "%.Nf" is the correctly rounded decimal (ties to even on the exact value), as dtoa mode 3.
        std::string buf(static_cast<size_t>(ndigits) + DBL_MAX_10_EXP + 16, '\0');
        std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(ndigits), x);
        r = std::strtod(buf.c_str(), nullptr);
    } else {
        r = round_to_tens(x, static_cast<int>(-ndigits));
    }
    if (std::isinf(r)) return false;  // "rounded value too large to represent"
    *out = r;
    return true;
}

int64_t hash_double(double v) {
    constexpr int kBits = 61;
    constexpr uint64_t kModulus = (uint64_t(1) << kBits) - 1;
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return 0;
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    // The value mod 2^61 - 1, 28 bits at a time; multiplying by 2^k mod that prime is a rotation.
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kModulus) | x >> (kBits - 28);
        m *= 268435456.0;  // 2**28
        e -= 28;
        uint64_t y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
    x = ((x << e) & kModulus) | x >> (kBits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
    return static_cast<int64_t>(x);
}

bool float_is_integer(double x) {
    return std::isfinite(x) && x == std::floor(x);
}

std::string float_to_int_digits(double x) {
    double t = std::trunc(x);
    if (t == 0) return "0";
    char buf[DBL_MAX_10_EXP + 8];
    std::snprintf(buf, sizeof buf, "%.0f", t);  // t is integral, so this is its exact value
    return buf;
}

}  // namespace krait
