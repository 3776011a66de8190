// bigint.cpp — core of Krait's big-int library (see bigint.h): limb arithmetic, construction, comparison,
// add/sub/mul (schoolbook and Karatsuba), shifts, bitwise ops in infinite two's complement, int hashing and
// correctly rounded conversion to double. Division and powers live in bigint_div.cpp, text in bigint_str.cpp.

#include "bigint.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace krait {

using namespace bigint_detail;

// ====================================================================================================
// Limb-level helpers. Magnitudes are spans of little-endian uint32 limbs; products and sums of two limbs are
// formed in uint64 (a native type on every target, wasm32 included), so no __int128 is needed.
// ====================================================================================================
namespace bigint_detail {

void mag_trim(Mag& m) {
    while (!m.empty() && m.back() == 0) m.pop_back();
}

// A view of `a` without most-significant zero limbs (Karatsuba's halves can have them).
static Limbs trimmed(Limbs a) {
    size_t n = a.size();
    while (n > 0 && a[n - 1] == 0) n--;
    return a.first(n);
}

int mag_cmp(Limbs a, Limbs b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Mag mag_add(Limbs a, Limbs b) {
    if (a.size() < b.size()) std::swap(a, b);
    Mag r(a.size() + 1);
    uint64_t carry = 0;
    for (size_t i = 0; i < a.size(); i++) {
        carry += uint64_t(a[i]) + (i < b.size() ? b[i] : 0);
        r[i] = uint32_t(carry);
        carry >>= 32;
    }
    r[a.size()] = uint32_t(carry);
    mag_trim(r);
    return r;
}

Mag mag_sub(Limbs a, Limbs b) {
    Mag r(a.size());
    uint64_t borrow = 0;
    for (size_t i = 0; i < a.size(); i++) {
        // A negative difference wraps to a value whose top bit is set; that bit is the next borrow.
        uint64_t d = uint64_t(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
        r[i] = uint32_t(d);
        borrow = d >> 63;
    }
    mag_trim(r);
    return r;
}

// out[0 .. a.size()+b.size()) must be zero on entry.
static void mul_schoolbook(Limbs a, Limbs b, uint32_t* out) {
    for (size_t i = 0; i < a.size(); i++) {
        uint64_t ai = a[i], carry = 0;
        if (ai == 0) continue;
        for (size_t j = 0; j < b.size(); j++) {
            // At most (2^32-1)^2 + 2*(2^32-1) == 2^64-1: never overflows.
            uint64_t t = ai * b[j] + out[i + j] + carry;
            out[i + j] = uint32_t(t);
            carry = t >> 32;
        }
        out[i + b.size()] = uint32_t(carry);
    }
}

// out[offset ..] += p. The caller knows the true sum fits in out.
static void add_into(Mag& out, size_t offset, Limbs p) {
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < p.size(); i++) {
        carry += uint64_t(out[offset + i]) + p[i];
        out[offset + i] = uint32_t(carry);
        carry >>= 32;
    }
    for (; carry != 0 && offset + i < out.size(); i++) {
        carry += out[offset + i];
        out[offset + i] = uint32_t(carry);
        carry >>= 32;
    }
}

static Mag mul_rec(Limbs a, Limbs b);

// a is at least twice as long as b: multiply b by a's b-sized chunks, so each Karatsuba call is balanced.
static Mag mul_lopsided(Limbs a, Limbs b) {
    Mag out(a.size() + b.size(), 0);
    for (size_t off = 0; off < a.size(); off += b.size()) {
        size_t len = std::min(b.size(), a.size() - off);
        Mag p = mul_rec(a.subspan(off, len), b);
        add_into(out, off, p);
    }
    mag_trim(out);
    return out;
}

// Karatsuba: with a = a1*B^k + a0 and b = b1*B^k + b0,
// a*b = z2*B^2k + (( a0+a1)(b0+b1) - z0 - z2)*B^k + z0, where z0 = a0*b0 and z2 = a1*b1: three products.
static Mag mul_karatsuba(Limbs a, Limbs b) {
    size_t k = a.size() / 2;  // b.size() > a.size()/2 >= k, so b1 is nonempty
    Limbs a0 = trimmed(a.first(k)), a1 = a.subspan(k);
    Limbs b0 = trimmed(b.first(k)), b1 = b.subspan(k);
    Mag z0 = mul_rec(a0, b0);
    Mag z2 = mul_rec(a1, b1);
    Mag sa = mag_add(a0, a1), sb = mag_add(b0, b1);
    Mag z1 = mul_rec(sa, sb);
    z1 = mag_sub(z1, z0);
    z1 = mag_sub(z1, z2);
    Mag out(a.size() + b.size(), 0);
    add_into(out, 0, z0);
    add_into(out, k, z1);
    add_into(out, 2 * k, z2);
    mag_trim(out);
    return out;
}

static Mag mul_rec(Limbs a, Limbs b) {
    a = trimmed(a);
    b = trimmed(b);
    if (a.size() < b.size()) std::swap(a, b);
    if (b.empty()) return {};
    if (b.size() < kBigKaratsubaThreshold) {
        Mag out(a.size() + b.size(), 0);
        mul_schoolbook(a, b, out.data());
        mag_trim(out);
        return out;
    }
    if (2 * b.size() <= a.size()) return mul_lopsided(a, b);
    return mul_karatsuba(a, b);
}

Mag mag_mul(Limbs a, Limbs b) {
    return mul_rec(a, b);
}

Mag mag_shl(Limbs a, uint64_t count) {
    if (a.empty()) return {};
    size_t limbs = size_t(count / 32);
    unsigned bits = unsigned(count % 32);
    Mag r(a.size() + limbs + 1, 0);
    for (size_t i = 0; i < a.size(); i++) {
        uint64_t v = uint64_t(a[i]) << bits;
        r[i + limbs] |= uint32_t(v);
        r[i + limbs + 1] = uint32_t(v >> 32);
    }
    mag_trim(r);
    return r;
}

Mag mag_shr(Limbs a, uint64_t count) {
    if (count / 32 >= a.size()) return {};
    size_t limbs = size_t(count / 32);
    unsigned bits = unsigned(count % 32);
    Mag r(a.size() - limbs);
    for (size_t i = 0; i < r.size(); i++) {
        uint64_t hi = i + limbs + 1 < a.size() ? a[i + limbs + 1] : 0;
        uint64_t v = (hi << 32 | a[i + limbs]) >> bits;
        r[i] = uint32_t(v);
    }
    mag_trim(r);
    return r;
}

bool mag_low_bits_nonzero(Limbs a, uint64_t count) {
    size_t full = size_t(std::min<uint64_t>(count / 32, a.size()));
    for (size_t i = 0; i < full; i++) {
        if (a[i] != 0) return true;
    }
    unsigned bits = unsigned(count % 32);
    return full < a.size() && bits != 0 && (a[full] & ((uint32_t(1) << bits) - 1)) != 0;
}

uint64_t mag_bit_length(Limbs a) {
    if (a.empty()) return 0;
    return uint64_t(a.size() - 1) * 32 + (32 - std::countl_zero(a.back()));
}

void mag_mul_add_small(Mag& m, uint32_t mul, uint32_t add) {
    uint64_t carry = add;
    for (uint32_t& limb : m) {
        carry += uint64_t(limb) * mul;
        limb = uint32_t(carry);
        carry >>= 32;
    }
    if (carry != 0) m.push_back(uint32_t(carry));
    mag_trim(m);
}

uint32_t mag_divmod_small(Mag& m, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = m.size(); i-- > 0;) {
        uint64_t cur = rem << 32 | m[i];
        m[i] = uint32_t(cur / d);
        rem = cur % d;
    }
    mag_trim(m);
    return uint32_t(rem);
}

BigInt make_big(bool neg, Mag mag) {
    BigInt r;
    r.neg = neg;
    r.mag = std::move(mag);
    r.normalize();
    return r;
}

uint64_t mag_low64(Limbs a) {
    uint64_t v = a.empty() ? 0 : a[0];
    if (a.size() > 1) v |= uint64_t(a[1]) << 32;
    return v;
}

}  // namespace bigint_detail

// ====================================================================================================
// Construction, inspection, comparison.
// ====================================================================================================

void BigInt::normalize() {
    mag_trim(mag);
    if (mag.empty()) neg = false;
}

BigInt big_from_uint64(uint64_t v) {
    BigInt r;
    if (v != 0) r.mag.push_back(uint32_t(v));
    if (v >> 32) r.mag.push_back(uint32_t(v >> 32));
    return r;
}

BigInt big_from_int64(int64_t v) {
    // Negating in unsigned arithmetic is defined for INT64_MIN too.
    uint64_t m = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
    BigInt r = big_from_uint64(m);
    r.neg = v < 0;
    return r;
}

BigInt big_from_double(double d) {
    double t = std::trunc(std::fabs(d));
    BigInt r;
    if (t < 18446744073709551616.0) {
        r = big_from_uint64(uint64_t(t));
    } else {
        // t = m * 2^e with m in [0.5, 1): the 53-bit integer mantissa, shifted into place.
        int e = 0;
        double m = std::frexp(t, &e);
        r.mag = mag_shl(big_from_uint64(uint64_t(std::ldexp(m, 53))).mag, uint64_t(e - 53));
    }
    r.neg = d < 0;
    r.normalize();
    return r;
}

bool big_fits_int64(const BigInt& a) {
    if (a.mag.size() <= 1) return true;
    if (a.mag.size() > 2) return false;
    uint64_t m = mag_low64(a.mag);
    return a.neg ? m <= (uint64_t(1) << 63) : m < (uint64_t(1) << 63);
}

int64_t big_to_int64(const BigInt& a) {
    uint64_t m = mag_low64(a.mag);
    return a.neg ? int64_t(0 - m) : int64_t(m);
}

bool big_is_zero(const BigInt& a) {
    return a.mag.empty();
}

int big_sign(const BigInt& a) {
    return a.mag.empty() ? 0 : a.neg ? -1 : 1;
}

int big_compare(const BigInt& a, const BigInt& b) {
    if (a.neg != b.neg) return a.neg ? -1 : 1;
    int c = mag_cmp(a.mag, b.mag);
    return a.neg ? -c : c;
}

int big_compare_int64(const BigInt& a, int64_t b) {
    if (!big_fits_int64(a)) return a.neg ? -1 : 1;
    int64_t v = big_to_int64(a);
    return v < b ? -1 : v > b ? 1 : 0;
}

int big_compare_double(const BigInt& a, double d) {
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    // Compare with the integral part exactly; a tie is broken by the fractional part's sign.
    double t = std::trunc(d);
    int c = big_compare(a, big_from_double(t));
    if (c != 0) return c;
    double frac = d - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

uint64_t big_bit_length(const BigInt& a) {
    return mag_bit_length(a.mag);
}

uint64_t big_bit_count(const BigInt& a) {
    uint64_t n = 0;
    for (uint32_t limb : a.mag) n += uint64_t(std::popcount(limb));
    return n;
}

// ====================================================================================================
// Add, subtract, multiply.
// ====================================================================================================

// a + (b_neg ? -|b| : |b|): shared by add and sub so neither copies an operand to flip its sign.
static BigInt add_signed(const BigInt& a, const Mag& bmag, bool b_neg) {
    if (a.neg == b_neg) return make_big(a.neg, mag_add(a.mag, bmag));
    int c = mag_cmp(a.mag, bmag);
    if (c == 0) return BigInt{};
    if (c > 0) return make_big(a.neg, mag_sub(a.mag, bmag));
    return make_big(b_neg, mag_sub(bmag, a.mag));
}

BigInt big_add(const BigInt& a, const BigInt& b) {
    return add_signed(a, b.mag, b.neg);
}

BigInt big_sub(const BigInt& a, const BigInt& b) {
    return add_signed(a, b.mag, !b.neg);
}

BigInt big_mul(const BigInt& a, const BigInt& b) {
    return make_big(a.neg != b.neg, mag_mul(a.mag, b.mag));
}

BigInt big_negate(const BigInt& a) {
    BigInt r = a;
    r.neg = !a.neg;
    r.normalize();
    return r;
}

BigInt big_abs(const BigInt& a) {
    BigInt r = a;
    r.neg = false;
    return r;
}

// ====================================================================================================
// Shifts and bitwise operations.
// ====================================================================================================

BigInt big_shl(const BigInt& a, uint64_t count) {
    return make_big(a.neg, mag_shl(a.mag, count));
}

BigInt big_shr(const BigInt& a, uint64_t count) {
    Mag m = mag_shr(a.mag, count);
    // Floor for negatives: -(|a| >> n) is only the floor when no one bits were shifted out.
    if (a.neg && mag_low_bits_nonzero(a.mag, count)) m = mag_add(m, Mag{1});
    return make_big(a.neg, std::move(m));
}

// The n-limb two's complement of a (n is larger than a's magnitude, so the top bit is the sign):
// ~(|a| - 1) for negatives.
static Mag to_twos(const BigInt& a, size_t n) {
    Mag t = a.neg ? mag_sub(a.mag, Mag{1}) : a.mag;
    t.resize(n, 0);
    if (a.neg) {
        for (uint32_t& limb : t) limb = ~limb;
    }
    return t;
}

// Inverse of to_twos; `neg` is the sign the caller computed from the operands' signs.
static BigInt from_twos(Mag t, bool neg) {
    if (!neg) return make_big(false, std::move(t));
    for (uint32_t& limb : t) limb = ~limb;
    mag_trim(t);
    return make_big(true, mag_add(t, Mag{1}));
}

enum class BitOp { and_, or_, xor_ };

static BigInt bitwise(const BigInt& a, const BigInt& b, BitOp op) {
    size_t n = std::max(a.mag.size(), b.mag.size()) + 1;
    Mag x = to_twos(a, n), y = to_twos(b, n);
    for (size_t i = 0; i < n; i++) {
        x[i] = op == BitOp::and_ ? x[i] & y[i] : op == BitOp::or_ ? x[i] | y[i] : x[i] ^ y[i];
    }
    bool neg = op == BitOp::and_ ? a.neg && b.neg : op == BitOp::or_ ? a.neg || b.neg : a.neg != b.neg;
    return from_twos(std::move(x), neg);
}

BigInt big_and(const BigInt& a, const BigInt& b) {
    // Two non-negative operands (the common case) need no two's complement detour.
    if (!a.neg && !b.neg) {
        Mag r(std::min(a.mag.size(), b.mag.size()));
        for (size_t i = 0; i < r.size(); i++) r[i] = a.mag[i] & b.mag[i];
        return make_big(false, std::move(r));
    }
    return bitwise(a, b, BitOp::and_);
}

BigInt big_or(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, BitOp::or_);
}

BigInt big_xor(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, BitOp::xor_);
}

BigInt big_invert(const BigInt& a) {
    // ~a == -a - 1 == -(a + 1).
    return big_negate(big_add(a, big_from_int64(1)));
}

// ====================================================================================================
// Hashing. CPython reduces |v| modulo the Mersenne prime P = 2^61 - 1; since 2^61 == 1 (mod P), multiplying
// by 2^32 modulo P is a rotation of the 61-bit residue, so no wide multiply is needed.
// ====================================================================================================

static constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;

static int64_t signed_hash(uint64_t residue, bool neg) {
    int64_t h = neg ? -int64_t(residue) : int64_t(residue);
    return h == -1 ? -2 : h;  // -1 is CPython's "error" return from tp_hash, so no object hashes to it
}

int64_t big_hash(const BigInt& a) {
    uint64_t x = 0;
    for (size_t i = a.mag.size(); i-- > 0;) {
        x = ((x << 32) & kHashModulus) | (x >> 29);  // x * 2^32 mod P, for x < P
        x += a.mag[i];
        if (x >= kHashModulus) x -= kHashModulus;
    }
    return signed_hash(x, a.neg);
}

int64_t hash_int64(int64_t v) {
    uint64_t m = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
    return signed_hash(m % kHashModulus, v < 0);
}

// ====================================================================================================
// Size estimates (upper bounds, saturating).
// ====================================================================================================

static uint64_t sat_add(uint64_t a, uint64_t b) {
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

uint64_t big_pow_result_bits(const BigInt& base, uint64_t exp) {
    uint64_t bits = big_bit_length(base);
    if (bits <= 1 || exp == 0) return 1;  // |base| <= 1: the result is 0, 1 or -1
    return exp > UINT64_MAX / bits ? UINT64_MAX : bits * exp;
}

uint64_t big_shl_result_bits(const BigInt& a, uint64_t count) {
    return a.mag.empty() ? 0 : sat_add(big_bit_length(a), count);
}

uint64_t big_mul_result_bits(const BigInt& a, const BigInt& b) {
    return sat_add(big_bit_length(a), big_bit_length(b));
}

// ====================================================================================================
// Conversion to double, correctly rounded.
// ====================================================================================================

bool big_to_double(const BigInt& a, double* out) {
    uint64_t n = big_bit_length(a);
    if (n > 1024) return false;
    if (n <= 64) {
        // Exact when n <= 53; otherwise the uint64 -> double conversion itself rounds half-even.
        double d = double(mag_low64(a.mag));
        *out = a.neg ? -d : d;
        return true;
    }
    // Keep the top 64 bits; remember whether anything below them is nonzero (the sticky bit).
    uint64_t shift = n - 64;
    uint64_t top = mag_low64(mag_shr(a.mag, shift));
    bool sticky = mag_low_bits_nonzero(a.mag, shift);
    // Round the 64 bits to 53, half to even; the sticky bit breaks exact-half ties upwards.
    uint64_t q = top >> 11, rest = top & 0x7FF;
    if (rest > 0x400 || (rest == 0x400 && (sticky || (q & 1)))) q++;
    // q <= 2^53 is exactly representable. The value is q * 2^(n-53); a carry out (q == 2^53) makes it 2^n,
    // which overflows when n == 1024.
    int exp = int(shift) + 11;
    if (q == (uint64_t(1) << 53) && n == 1024) return false;
    double d = std::ldexp(double(q), exp);
    *out = a.neg ? -d : d;
    return true;
}

}  // namespace krait
