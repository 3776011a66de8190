// bigint_str.cpp — text conversion for Krait's big-int library (see bigint.h): to_string / from_string in
// bases 2..36 and CPython's limit on decimal digits (sys.set_int_max_str_digits), which int() and str() in
// the runtime check before converting. Power-of-two bases are linear time; other bases are quadratic, which
// the digit limit keeps cheap.

#include "bigint.h"

#include <algorithm>
#include <bit>
#include <cstdio>

namespace krait {

using namespace bigint_detail;

static constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static bool is_pow2_base(int base) {
    return (base & (base - 1)) == 0;
}

// The largest power of base that fits a limb, and its exponent: one short division or multiply-add then
// handles that many digits at once (9 for base 10).
static void chunk_power(int base, uint32_t* power, int* ndigits) {
    uint64_t p = uint64_t(base);
    int k = 1;
    while (p * uint64_t(base) <= UINT32_MAX) {
        p *= uint64_t(base);
        k++;
    }
    *power = uint32_t(p);
    *ndigits = k;
}

// ====================================================================================================
// To text.
// ====================================================================================================

// Bits [pos, pos+32) of m, zero-extended past the top.
static uint32_t bits_at(Limbs m, uint64_t pos) {
    size_t i = size_t(pos / 32);
    unsigned off = unsigned(pos % 32);
    uint64_t lo = i < m.size() ? m[i] : 0, hi = i + 1 < m.size() ? m[i + 1] : 0;
    return uint32_t((hi << 32 | lo) >> off);
}

// Power-of-two bases: each digit is a fixed group of bits, read straight out of the limbs.
static std::string pow2_digits(Limbs m, int base) {
    unsigned k = unsigned(std::countr_zero(unsigned(base)));
    uint64_t ndig = (mag_bit_length(m) + k - 1) / k;
    std::string s(size_t(ndig), '0');
    for (uint64_t i = 0; i < ndig; i++) {
        s[size_t(ndig - 1 - i)] = kDigitChars[bits_at(m, i * k) & unsigned(base - 1)];
    }
    return s;
}

// Other bases: peel off a limb-sized chunk of digits per short division, least significant first.
static std::string general_digits(Mag m, int base) {
    uint32_t power;
    int k;
    chunk_power(base, &power, &k);
    std::string rev;
    while (!m.empty()) {
        uint32_t chunk = mag_divmod_small(m, power);
        // Inner chunks are zero-padded to k digits; the most significant one gets no leading zeros.
        for (int i = 0; i < k && (!m.empty() || chunk != 0); i++) {
            rev.push_back(kDigitChars[chunk % uint32_t(base)]);
            chunk /= uint32_t(base);
        }
    }
    std::reverse(rev.begin(), rev.end());
    return rev;
}

std::string big_to_string(const BigInt& a, int base) {
    if (a.mag.empty()) return "0";
    std::string digits = is_pow2_base(base) ? pow2_digits(a.mag, base) : general_digits(a.mag, base);
    return a.neg ? "-" + digits : digits;
}

// ====================================================================================================
// From text.
// ====================================================================================================

// The digit's value, or 99 for a character that is no digit in any base.
static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// Power-of-two bases: pack each digit's bits into limbs from the least significant end.
static Mag parse_pow2(std::string_view digits, int base) {
    unsigned k = unsigned(std::countr_zero(unsigned(base)));
    Mag m;
    m.reserve(digits.size() * k / 32 + 1);
    uint64_t acc = 0;
    unsigned acc_bits = 0;
    for (size_t i = digits.size(); i-- > 0;) {
        acc |= uint64_t(digit_value(digits[i])) << acc_bits;
        acc_bits += k;
        if (acc_bits >= 32) {
            m.push_back(uint32_t(acc));
            acc >>= 32;
            acc_bits -= 32;
        }
    }
    m.push_back(uint32_t(acc));
    mag_trim(m);
    return m;
}

// Other bases: m = m * base^k + chunk, a limb-sized chunk of k digits at a time.
static Mag parse_general(std::string_view digits, int base) {
    uint32_t power;
    int k;
    chunk_power(base, &power, &k);
    Mag m;
    size_t pos = 0;
    while (pos < digits.size()) {
        size_t len = std::min(size_t(k), digits.size() - pos);
        uint32_t chunk = 0, scale = 1;
        for (size_t i = 0; i < len; i++) {
            chunk = chunk * uint32_t(base) + uint32_t(digit_value(digits[pos + i]));
            scale *= uint32_t(base);
        }
        mag_mul_add_small(m, scale, chunk);
        pos += len;
    }
    return m;
}

bool big_from_string(std::string_view text, int base, BigInt* out) {
    if (base < 2 || base > 36) return false;
    bool neg = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        neg = text[0] == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) return false;
    for (char c : text) {
        if (digit_value(c) >= base) return false;
    }
    Mag m = is_pow2_base(base) ? parse_pow2(text, base) : parse_general(text, base);
    *out = make_big(neg, std::move(m));
    return true;
}

// ====================================================================================================
// CPython's digit limit.
// ====================================================================================================

bool big_str_digits_exceed(const BigInt& a, uint64_t limit) {
    if (limit == 0) return false;
    // |a| has floor(log10|a|) + 1 digits, and 2^(bits-1) <= |a| < 2^bits. Bracket log10(2) = 0.30102999566...
    // from both sides to settle most cases from the bit length alone.
    double bits = double(big_bit_length(a));
    if (bits * 0.30103 + 1 <= double(limit)) return false;
    if ((bits - 1) * 0.30102 >= double(limit)) return true;
    // Near the boundary: more than `limit` digits exactly when |a| >= 10^limit.
    return mag_cmp(a.mag, big_pow(big_from_int64(10), limit).mag) >= 0;
}

bool big_parse_digits_exceed(uint64_t ndigits, int base, uint64_t limit) {
    return limit != 0 && !is_pow2_base(base) && ndigits > limit;
}

std::string big_str_limit_message(uint64_t limit) {
    char buf[160];
    snprintf(buf, sizeof buf,
             "Exceeds the limit (%llu digits) for integer string conversion; "
             "use sys.set_int_max_str_digits() to increase the limit",
             (unsigned long long)limit);
    return buf;
}

std::string big_parse_limit_message(uint64_t limit, uint64_t ndigits) {
    char buf[200];
    snprintf(buf, sizeof buf,
             "Exceeds the limit (%llu digits) for integer string conversion: value has %llu digits; "
             "use sys.set_int_max_str_digits() to increase the limit",
             (unsigned long long)limit, (unsigned long long)ndigits);
    return buf;
}

}  // namespace krait
