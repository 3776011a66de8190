// bigint_div.cpp — division-based parts of Krait's big-int library (see bigint.h): Knuth's long division,
// Python's floor divmod, correctly rounded true division, pow and modular pow, gcd and isqrt.

#include "bigint.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace krait {

using namespace bigint_detail;

// ====================================================================================================
// Magnitude division: Knuth, TAOCP vol. 2, 4.3.1, Algorithm D, with 32-bit limbs and 64-bit intermediates.
// ====================================================================================================
namespace bigint_detail {

// One step of algorithm D: un[j .. j+n] -= qhat * vn, adding vn back if qhat was one too large.
// Returns the corrected quotient limb.
static uint32_t submul_step(uint32_t* un, const Mag& vn, uint64_t qhat) {
    size_t n = vn.size();
    uint64_t carry = 0, borrow = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t p = qhat * vn[i] + carry;
        carry = p >> 32;
        uint64_t t = uint64_t(un[i]) - uint32_t(p) - borrow;
        un[i] = uint32_t(t);
        borrow = t >> 63;
    }
    uint64_t t = uint64_t(un[n]) - carry - borrow;
    un[n] = uint32_t(t);
    if ((t >> 63) == 0) return uint32_t(qhat);
    // Rare (probability about 2/2^32): the estimate was one too large.
    uint64_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += uint64_t(un[i]) + vn[i];
        un[i] = uint32_t(c);
        c >>= 32;
    }
    un[n] = uint32_t(un[n] + c);
    return uint32_t(qhat - 1);
}

// Estimates the quotient limb from the top two limbs of the remainder and of the divisor; the estimate is
// then at most one too large (Knuth's Theorem B), which submul_step corrects.
static uint64_t estimate_qhat(const uint32_t* un, const Mag& vn) {
    size_t n = vn.size();
    uint64_t num = uint64_t(un[n]) << 32 | un[n - 1];
    uint64_t qhat = num / vn[n - 1], rhat = num % vn[n - 1];
    while (qhat >> 32 || qhat * vn[n - 2] > (rhat << 32 | un[n - 2])) {
        qhat--;
        rhat += vn[n - 1];
        if (rhat >> 32) break;
    }
    return qhat;
}

// Long division for divisors of two or more limbs; a >= b.
static void divmod_long(Limbs a, Limbs b, Mag* q, Mag* r) {
    // Normalize so the divisor's top limb has its high bit set, which makes the qhat estimate tight.
    unsigned s = unsigned(std::countl_zero(b.back()));
    Mag vn = mag_shl(b, s);
    Mag un = mag_shl(a, s);
    un.resize(a.size() + 1, 0);
    size_t n = vn.size(), m = a.size() - n;
    Mag quot(m + 1, 0);
    for (size_t j = m + 1; j-- > 0;) {
        uint64_t qhat = estimate_qhat(&un[j], vn);
        quot[j] = submul_step(&un[j], vn, qhat);
    }
    if (q) {
        mag_trim(quot);
        *q = std::move(quot);
    }
    if (r) {
        mag_trim(un);
        *r = mag_shr(un, s);
    }
}

void mag_divmod(Limbs a, Limbs b, Mag* q, Mag* r) {
    if (mag_cmp(a, b) < 0) {
        if (q) q->clear();
        if (r) r->assign(a.begin(), a.end());
        return;
    }
    if (b.size() == 1) {
        Mag quot(a.begin(), a.end());
        uint32_t rem = mag_divmod_small(quot, b[0]);
        if (q) *q = std::move(quot);
        if (r) *r = rem ? Mag{rem} : Mag{};
        return;
    }
    divmod_long(a, b, q, r);
}

}  // namespace bigint_detail

// ====================================================================================================
// Floor division and modulo.
// ====================================================================================================

void big_divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
    Mag qm, rm;
    mag_divmod(a.mag, b.mag, &qm, &rm);
    // Truncating division gives |a| = qm*|b| + rm. With differing signs and a nonzero remainder, floor
    // rounds the quotient one further from zero and the remainder moves to b's side: |b| - rm.
    bool differ = a.neg != b.neg;
    if (differ && !rm.empty()) {
        qm = mag_add(qm, Mag{1});
        rm = mag_sub(b.mag, rm);
    }
    if (q) *q = make_big(differ, std::move(qm));
    if (r) *r = make_big(b.neg, std::move(rm));
}

BigInt big_floordiv(const BigInt& a, const BigInt& b) {
    BigInt q;
    big_divmod(a, b, &q, nullptr);
    return q;
}

BigInt big_mod(const BigInt& a, const BigInt& b) {
    BigInt r;
    big_divmod(a, b, nullptr, &r);
    return r;
}

// ====================================================================================================
// True division, correctly rounded. This follows CPython's long_true_divide: shift a so that the integer
// quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer when the result is subnormal), divide, fold every
// discarded bit into a sticky bit, round half-even to the precision the exponent allows, then scale with
// ldexp — which is exact because the rounded mantissa fits.
// ====================================================================================================

static constexpr int64_t kMantDig = 53;   // DBL_MANT_DIG
static constexpr int64_t kMaxExp = 1024;  // DBL_MAX_EXP
static constexpr int64_t kMinExp = -1021; // DBL_MIN_EXP

// Rounds q (the quotient with `extra` surplus low bits) half-even, with `inexact` standing for bits below q.
static uint64_t round_quotient(uint64_t q, int64_t extra, bool inexact) {
    uint64_t mask = uint64_t(1) << (extra - 1);  // the rounding bit
    uint64_t low = q | (inexact ? 1 : 0);
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    return low & ~(2 * mask - 1);
}

// Both magnitudes below 2^53 convert exactly, and IEEE division then rounds correctly by itself.
static bool small_truediv(const BigInt& a, const BigInt& b, double* out) {
    double x = double(mag_low64(a.mag)), y = double(mag_low64(b.mag));
    *out = (a.neg != b.neg) ? -(x / y) : x / y;
    return true;
}

bool big_truediv(const BigInt& a, const BigInt& b, double* out) {
    bool negate = a.neg != b.neg;
    int64_t abits = int64_t(big_bit_length(a)), bbits = int64_t(big_bit_length(b));
    if (abits == 0) {
        *out = negate ? -0.0 : 0.0;
        return true;
    }
    if (abits <= kMantDig && bbits <= kMantDig) return small_truediv(a, b, out);
    int64_t diff = abits - bbits;  // the quotient lies in [2^(diff-1), 2^(diff+1))
    if (diff > kMaxExp) return false;
    if (diff < kMinExp - kMantDig - 1) {  // below half the smallest subnormal
        *out = negate ? -0.0 : 0.0;
        return true;
    }
    int64_t shift = std::max(diff, kMinExp) - kMantDig - 2;
    bool inexact = false;
    Mag x;
    if (shift <= 0) {
        x = mag_shl(a.mag, uint64_t(-shift));
    } else {
        x = mag_shr(a.mag, uint64_t(shift));
        inexact = mag_low_bits_nonzero(a.mag, uint64_t(shift));
    }
    Mag qm, rm;
    mag_divmod(x, b.mag, &qm, &rm);
    inexact = inexact || !rm.empty();
    int64_t qbits = int64_t(mag_bit_length(qm));  // at most 56, so the quotient fits a uint64
    int64_t extra = std::max(qbits, kMinExp - shift) - kMantDig;
    double dx = double(round_quotient(mag_low64(qm), extra, inexact));
    if (shift + qbits >= kMaxExp && (shift + qbits > kMaxExp || dx == std::ldexp(1.0, int(qbits)))) {
        return false;
    }
    double d = std::ldexp(dx, int(shift));
    *out = negate ? -d : d;
    return true;
}

// ====================================================================================================
// Powers.
// ====================================================================================================

BigInt big_pow(const BigInt& base, uint64_t exp) {
    bool neg = base.neg && (exp & 1);
    if (exp == 0) return big_from_int64(1);
    uint64_t bits = big_bit_length(base);
    if (bits <= 1) return make_big(neg, base.mag);  // 0, 1 or -1
    // A power of two is a single shift (2**n is common and deserves to be cheap).
    if (big_bit_count(base) == 1) return make_big(neg, mag_shl(Mag{1}, (bits - 1) * exp));
    // Left-to-right binary exponentiation: square for each bit, multiply by base for each one bit.
    Mag r = base.mag;
    for (int bit = 62 - std::countl_zero(exp); bit >= 0; bit--) {
        r = mag_mul(r, r);
        if ((exp >> bit) & 1) r = mag_mul(r, base.mag);
    }
    return make_big(neg, std::move(r));
}

// The inverse of a modulo m (m > 1, 0 <= a < m) by the extended Euclidean algorithm; false if none.
static bool mod_inverse(const BigInt& a, const BigInt& m, BigInt* out) {
    BigInt old_r = a, r = m, old_s = big_from_int64(1), s;
    while (!big_is_zero(r)) {
        BigInt q, rem;
        big_divmod(old_r, r, &q, &rem);
        old_r = std::move(r);
        r = std::move(rem);
        BigInt next_s = big_sub(old_s, big_mul(q, s));
        old_s = std::move(s);
        s = std::move(next_s);
    }
    if (big_compare_int64(old_r, 1) != 0) return false;
    *out = big_mod(old_s, m);
    return true;
}

static Mag mulmod(const Mag& x, const Mag& y, const Mag& m) {
    Mag r;
    mag_divmod(mag_mul(x, y), m, nullptr, &r);
    return r;
}

bool big_powmod(const BigInt& base, const BigInt& exp, const BigInt& mod, BigInt* out) {
    BigInt m = big_abs(mod);
    // Like CPython, a modulus of +-1 gives 0 before the exponent is looked at (pow(0, -1, 1) == 0).
    if (big_compare_int64(m, 1) == 0) {
        *out = BigInt{};
        return true;
    }
    BigInt b = big_mod(base, m);  // in [0, m)
    if (exp.neg && !mod_inverse(b, m, &b)) return false;
    Mag r{1};
    uint64_t ebits = mag_bit_length(exp.mag);
    for (uint64_t i = ebits; i-- > 0;) {
        r = mulmod(r, r, m.mag);
        if ((exp.mag[size_t(i / 32)] >> (i % 32)) & 1) r = mulmod(r, b.mag, m.mag);
    }
    BigInt res = make_big(false, std::move(r));
    // CPython computes in [0, |mod|) and then moves a nonzero result to mod's side.
    if (mod.neg && !big_is_zero(res)) res = big_sub(res, m);
    *out = std::move(res);
    return true;
}

// ====================================================================================================
// gcd and isqrt.
// ====================================================================================================

static uint64_t gcd64(uint64_t a, uint64_t b) {
    while (b != 0) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

BigInt big_gcd(const BigInt& a, const BigInt& b) {
    Mag x = a.mag, y = b.mag;
    // Euclid on magnitudes; once both fit 64 bits, finish in machine words.
    while (!y.empty()) {
        if (x.size() <= 2 && y.size() <= 2) return big_from_uint64(gcd64(mag_low64(x), mag_low64(y)));
        Mag r;
        mag_divmod(x, y, nullptr, &r);
        x = std::move(y);
        y = std::move(r);
    }
    return make_big(false, std::move(x));
}

BigInt big_isqrt(const BigInt& n) {
    if (n.mag.empty()) return BigInt{};
    // CPython's math.isqrt algorithm: a Newton step at each doubling of precision, so the total cost is a
    // few full-size divisions (plain Newton from a power of two needs ~log2(bits) of them). Invariant after
    // each step: (a - 1)^2 < (n >> 2*(c - d)) < (a + 1)^2.
    uint64_t c = (big_bit_length(n) - 1) / 2;
    BigInt a = big_from_int64(1);
    uint64_t d = 0;
    for (int s = 63 - std::countl_zero(c | 1); c != 0 && s >= 0; s--) {
        uint64_t e = d;
        d = c >> s;
        BigInt top = big_shr(n, 2 * c - e - d + 1);
        a = big_add(big_shl(a, d - e - 1), big_floordiv(top, a));
    }
    // The estimate is exact or one too large.
    if (big_compare(big_mul(a, a), n) > 0) a = big_sub(a, big_from_int64(1));
    return a;
}

}  // namespace krait
