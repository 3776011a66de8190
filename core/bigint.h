// bigint.h — Krait's arbitrary-precision integer library.
// Small ints live in Value as 48-bit immediates; the runtime's heap int objects wrap a BigInt from here.
// The library is self-contained (standard library only) so it can be unit-tested on its own
// (tests/unit/test_bigint.cpp). Implementation files: bigint.cpp (construction, comparison, add/sub/mul,
// shifts, bitwise ops, hashing, double conversion), bigint_div.cpp (division, true division, powers, gcd,
// isqrt) and bigint_str.cpp (text conversion and CPython's digit limit).
//
// Conventions shared by every function here:
//   - Results follow Python 3.12 semantics (floor division, infinite two's complement, int.__hash__ ...).
//   - No exceptions: a function that can fail returns bool (or takes an out-pointer) and documents when.
//   - Preconditions the *caller* checks before calling (they become Python exceptions in the runtime):
//     division or modulo by zero, a zero modulus in big_powmod, isqrt of a negative number, and absurdly
//     large results (compare big_*_result_bits with a limit and raise MemoryError instead of calling).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace krait {

// A sign-magnitude integer. Invariants that every function keeps and relies on:
//   - mag holds |value| as little-endian base-2^32 limbs (mag[0] is least significant);
//   - mag has no most-significant zero limb, so zero is the empty vector;
//   - zero is never negative (neg == false when mag is empty).
// The representation is canonical, hence == on the fields is value equality.
struct BigInt {
    bool neg = false;
    std::vector<uint32_t> mag;

    bool operator==(const BigInt&) const = default;
    // Restores the invariants after code that wrote mag (or neg) directly.
    void normalize();
};

// ---- construction and conversion (bigint.cpp) ----

BigInt big_from_int64(int64_t v);
BigInt big_from_uint64(uint64_t v);
// Truncates toward zero like int(float). The caller guarantees d is finite (int(inf) raises OverflowError,
// int(nan) ValueError, in the runtime).
BigInt big_from_double(double d);

// True when the value lies in [INT64_MIN, INT64_MAX]; then big_to_int64 is exact.
bool big_fits_int64(const BigInt& a);
// Precondition: big_fits_int64(a).
int64_t big_to_int64(const BigInt& a);
// Correctly rounded (round-half-even) conversion like CPython's int.__float__. Returns false, leaving *out
// untouched, when the rounded value does not fit a double ("int too large to convert to float").
bool big_to_double(const BigInt& a, double* out);

// ---- inspection and comparison (bigint.cpp) ----

bool big_is_zero(const BigInt& a);
// -1, 0 or 1.
int big_sign(const BigInt& a);
// -1, 0 or 1 as a <, ==, > b.
int big_compare(const BigInt& a, const BigInt& b);
int big_compare_int64(const BigInt& a, int64_t b);
// Exact comparison with a double (no rounding of a), as Python's int-vs-float comparisons require.
// The caller handles NaN (every comparison with NaN is false); infinities are accepted.
int big_compare_double(const BigInt& a, double d);
// Number of bits of |a| (int.bit_length); 0 for zero.
uint64_t big_bit_length(const BigInt& a);
// Number of one bits of |a| (int.bit_count).
uint64_t big_bit_count(const BigInt& a);

// ---- arithmetic (bigint.cpp) ----

BigInt big_add(const BigInt& a, const BigInt& b);
BigInt big_sub(const BigInt& a, const BigInt& b);
// Schoolbook below kBigKaratsubaThreshold limbs (of the shorter operand), Karatsuba above.
BigInt big_mul(const BigInt& a, const BigInt& b);
BigInt big_negate(const BigInt& a);
BigInt big_abs(const BigInt& a);

inline constexpr size_t kBigKaratsubaThreshold = 40;

// ---- shifts and bitwise operations, Python semantics (bigint.cpp) ----

// a * 2**count. The caller bounds count first with big_shl_result_bits.
BigInt big_shl(const BigInt& a, uint64_t count);
// floor(a / 2**count): negative values round toward minus infinity (-1 >> 5 == -1).
BigInt big_shr(const BigInt& a, uint64_t count);
// These treat negative values as infinite two's complement, like Python's &, |, ^ and ~.
BigInt big_and(const BigInt& a, const BigInt& b);
BigInt big_or(const BigInt& a, const BigInt& b);
BigInt big_xor(const BigInt& a, const BigInt& b);
BigInt big_invert(const BigInt& a);  // -a - 1

// ---- hashing (bigint.cpp) ----

// Python's hash(int): |v| mod (2**61 - 1) with v's sign applied, and -1 replaced by -2.
// Equal to CPython's hash() on 64-bit builds for every int.
int64_t big_hash(const BigInt& a);
// The same function for an int held in a machine word (the immediate-int path).
int64_t hash_int64(int64_t v);

// ---- size estimates, for refusing absurd work with MemoryError (bigint.cpp) ----
// Each returns an upper bound on the bit length of the result (saturating at UINT64_MAX). The runtime
// compares it with its own limit *before* calling the operation, because the operation allocates the whole
// result at once.

uint64_t big_pow_result_bits(const BigInt& base, uint64_t exp);
uint64_t big_shl_result_bits(const BigInt& a, uint64_t count);
uint64_t big_mul_result_bits(const BigInt& a, const BigInt& b);

// ---- division, powers, roots (bigint_div.cpp) ----

// Python's divmod with floor semantics: a == q*b + r, r has b's sign (or is zero) and |r| < |b|.
// Precondition: b != 0. Either out-pointer may be null when that part is not wanted.
void big_divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);
BigInt big_floordiv(const BigInt& a, const BigInt& b);  // a // b; b != 0
BigInt big_mod(const BigInt& a, const BigInt& b);       // a % b;  b != 0
// Python's a / b, correctly rounded like CPython ((10**400) / (10**399) == 10.0; a tiny quotient becomes
// +-0.0 or a subnormal). Precondition: b != 0. Returns false, leaving *out untouched, when the result
// overflows a double ("integer division result too large for a float").
bool big_truediv(const BigInt& a, const BigInt& b, double* out);
// base ** exp by repeated squaring (0 ** 0 == 1). Bound the size first with big_pow_result_bits.
BigInt big_pow(const BigInt& base, uint64_t exp);
// Python's pow(base, exp, mod). Preconditions: mod != 0. A negative exp uses the modular inverse of base;
// returns false when it does not exist ("base is not invertible for the given modulus"). The result has
// mod's sign (or is zero), like CPython's.
bool big_powmod(const BigInt& base, const BigInt& exp, const BigInt& mod, BigInt* out);
// Greatest common divisor, always >= 0 (gcd(0, 0) == 0), like math.gcd.
BigInt big_gcd(const BigInt& a, const BigInt& b);
// floor(sqrt(a)) like math.isqrt. Precondition: a >= 0.
BigInt big_isqrt(const BigInt& a);

// ---- text (bigint_str.cpp) ----

// Digits of a in `base` (2..36), lower-case, no prefix, '-' for negatives; e.g. -255 in base 16 is "-ff".
// Base 10 is quadratic in the length: the runtime applies CPython's digit limit first (below).
std::string big_to_string(const BigInt& a, int base = 10);
// Parses an optional '+'/'-' followed by one or more digits valid in `base` (2..36, either letter case).
// The caller has already removed whitespace, underscores and any 0x/0o/0b prefix. Returns false, leaving
// *out untouched, on an empty string or an invalid digit.
bool big_from_string(std::string_view text, int base, BigInt* out);

// CPython refuses int<->str conversion in non-power-of-two bases beyond a digit limit (sys.int_info's
// default_max_str_digits), to stop quadratic-time attacks. A limit of 0 means "no limit"
// (sys.set_int_max_str_digits(0)). The runtime checks and raises ValueError with the message given here.
inline constexpr uint64_t kBigDefaultMaxStrDigits = 4300;

// True when str(a) would have more than `limit` decimal digits (the sign does not count).
bool big_str_digits_exceed(const BigInt& a, uint64_t limit);
// True when int(text, base) must be refused: `ndigits` counts digit characters only (no sign, underscores
// or prefix; leading zeros count). Power-of-two bases are never limited.
bool big_parse_digits_exceed(uint64_t ndigits, int base, uint64_t limit);
// CPython's exact ValueError messages for the two directions.
std::string big_str_limit_message(uint64_t limit);
std::string big_parse_limit_message(uint64_t limit, uint64_t ndigits);

// ---- limb-level helpers shared by the implementation files; not for the rest of the runtime ----
namespace bigint_detail {

using Limbs = std::span<const uint32_t>;
using Mag = std::vector<uint32_t>;

// Drops most-significant zero limbs.
void mag_trim(Mag& m);
// Compares magnitudes (inputs have no most-significant zero limbs).
int mag_cmp(Limbs a, Limbs b);
Mag mag_add(Limbs a, Limbs b);
// Precondition: a >= b.
Mag mag_sub(Limbs a, Limbs b);
Mag mag_mul(Limbs a, Limbs b);
Mag mag_shl(Limbs a, uint64_t count);
Mag mag_shr(Limbs a, uint64_t count);
// True when any of the lowest `count` bits of a is set.
bool mag_low_bits_nonzero(Limbs a, uint64_t count);
uint64_t mag_bit_length(Limbs a);
// m = m * mul + add, in place.
void mag_mul_add_small(Mag& m, uint32_t mul, uint32_t add);
// m = m / d in place (d != 0); returns the remainder.
uint32_t mag_divmod_small(Mag& m, uint32_t d);
// Truncating magnitude division (b nonempty): *q = a / b, *r = a % b; either may be null.
void mag_divmod(Limbs a, Limbs b, Mag* q, Mag* r);
// A BigInt from a sign and a magnitude that may have most-significant zero limbs.
BigInt make_big(bool neg, Mag mag);
// The low 64 bits of a magnitude.
uint64_t mag_low64(Limbs a);

}  // namespace bigint_detail

}  // namespace krait
