// numfmt_float.cpp - float <-> text for Krait: decimal digit generation, CPython's layout of those
// digits (PyOS_double_to_string / format_float_short), float repr, and float(str).
//
// CPython gets its digits from David Gay's dtoa. Krait computes repr's shortest round-trip digits
// (dtoa mode 0) itself with Schubfach, which is fast and needs no libc support. Fixed precisions
// (dtoa modes 2 and 3: 'e', 'f', 'g') use exact 128-bit integer arithmetic for values below 2^53
// and at most 22 decimals, else snprintf's "%.Ne" / "%.Nf"; float(str) uses Clinger's exact fast
// path, else strtod. glibc's and musl's (Emscripten's) snprintf and strtod are exact, correctly
// rounded with ties to even on the exact binary value, as dtoa; they assume the C numeric locale.
#include "numfmt.h"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "numfmt_detail.h"

namespace krait {

namespace numfmt_detail {

const char kMemoryErrorText[] = "MemoryError: formatted result too large";

char32_t utf8_next(std::string_view s, size_t* pos) {
    size_t i = *pos;
    unsigned char b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (extra <= 0 || i + extra >= s.size()) {  // ASCII, a stray continuation byte, or truncated
        *pos = i + 1;
        return b;
    }
    char32_t cp = b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        unsigned char c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            *pos = i + 1;  // malformed: take the lead byte alone
            return b;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    *pos = i + 1 + extra;
    return cp;
}

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

size_t utf8_prefix_bytes(std::string_view s, size_t count) {
    size_t pos = 0;
    for (size_t k = 0; k < count && pos < s.size(); ++k) utf8_next(s, &pos);
    return pos;
}

void utf8_append(char32_t cp, std::string* out) {
    if (cp < 0x80) {
        out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

void utf8_fill(char32_t cp, int64_t count, std::string* out) {
    if (count <= 0) return;
    if (cp < 0x80) {
        out->append(static_cast<size_t>(count), static_cast<char>(cp));
        return;
    }
    std::string one;
    utf8_append(cp, &one);
    out->reserve(out->size() + one.size() * static_cast<size_t>(count));
    for (int64_t k = 0; k < count; ++k) out->append(one);
}

// The code points of the digit zero of every Unicode (15.0, CPython 3.12's) decimal digit run; each
// run is the ten digits 0..9 in order. Generated with unicodedata.decimal().
static const char32_t kDecimalZeros[] = {
    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,   0xC66,   0xCE6,
    0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,  0x19D0,
    0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,  0xA9F0,
    0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
};

int decimal_value(char32_t cp) {
    if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
    if (cp < 0x660) return -1;
    for (char32_t zero : kDecimalZeros) {
        if (cp < zero) return -1;  // the table is sorted
        if (cp <= zero + 9) return static_cast<int>(cp - zero);
    }
    return -1;
}

bool is_unicode_space(char32_t cp) {
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

}  // namespace numfmt_detail

namespace {

// ---- Digit generation -------------------------------------------------------------------------------
// All generators follow dtoa's convention: the value is 0.D1D2...Dn x 10^decpt with no trailing zeros;
// n == 0 means the value rounded to zero. Inputs are finite and non-negative.

// Reads snprintf's "%.Ne" output: every mantissa digit (trailing zeros kept) into d, returning the
// count, and the exponent plus one into *decpt. Any non-digit before the 'e' is the decimal point.
int read_e_format(const char* s, char* d, int* decpt) {
    int n = 0;
    const char* p = s;
    for (; *p != '\0' && *p != 'e' && *p != 'E'; ++p) {
        if (*p >= '0' && *p <= '9') d[n++] = *p;
    }
    *decpt = (*p != '\0' ? std::atoi(p + 1) : 0) + 1;
    return n;
}

int strip_trailing_zeros(const char* d, int n) {
    while (n > 0 && d[n - 1] == '0') --n;
    return n;
}

// ---- Shortest digits: Schubfach -------------------------------------------------------------------
// Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render doubles", 2020), in the form
// of Alexander Bolz's C++ port: the rounding interval of a double, scaled by a 128-bit power of ten,
// contains at most one multiple of 10 on a grid one step coarser than the value's own precision and
// at most two on its own grid; checking those yields the shortest decimal that reads back as the
// double, and of equally short ones the nearest. That is exactly dtoa mode 0, which CPython's repr
// uses; the tests compare it with CPython on a large random table. No division, no big integers.

#include "numfmt_pow10.inc"

__extension__ typedef unsigned __int128 Uint128;

// floor(g * cp / 2^128), with the lowest bit set when the discarded part is not (nearly) zero: an
// exact rounding-to-odd of the scaled boundary, given g's small over-approximation.
uint64_t round_to_odd(const Pow10Entry& g, uint64_t cp) {
    Uint128 x = static_cast<Uint128>(g.lo) * cp;
    Uint128 y = static_cast<Uint128>(g.hi) * cp;
    uint64_t x1 = static_cast<uint64_t>(x >> 64);
    uint64_t y0 = static_cast<uint64_t>(y);
    uint64_t y1 = static_cast<uint64_t>(y >> 64);
    uint64_t z = y0 + x1;
    uint64_t z1 = y1 + (z < y0 ? 1 : 0);
    return z1 | (z > 1 ? 1 : 0);
}

int floor_log2_pow10(int e) { return (e * 1741647) >> 19; }  // floor(e * log2(10)) for |e| <= 1650

// The shortest decimal digits * 10^exp10 that reads back as the positive finite double with these
// bits (sign cleared). `digits` may end in zeros.
void schubfach(uint64_t bits, uint64_t* digits, int* exp10) {
    const uint64_t kHidden = uint64_t(1) << 52;
    uint64_t significand = bits & (kHidden - 1);
    uint64_t biased_exp = bits >> 52;
    uint64_t c = significand;
    int q = 1 - 1075;  // subnormal: c * 2^-1074
    if (biased_exp != 0) {
        c = kHidden | significand;
        q = static_cast<int>(biased_exp) - 1075;
        if (q <= 0 && -q < 53 && (c & ((uint64_t(1) << -q) - 1)) == 0) {  // a small integer
            *digits = c >> -q;
            *exp10 = 0;
            return;
        }
    }
    bool even = c % 2 == 0;  // round-half-even reading accepts the interval's end points
    bool lower_closer = significand == 0 && biased_exp > 1;
    uint64_t cbl = 4 * c - 2 + (lower_closer ? 1 : 0);
    uint64_t cb = 4 * c;
    uint64_t cbr = 4 * c + 2;
    // k = floor(log10(2^q)), or floor(log10(3/4 * 2^q)) when the interval is lopsided.
    int k = (q * 1262611 - (lower_closer ? 524031 : 0)) >> 22;
    int h = q + floor_log2_pow10(-k) + 1;
    const Pow10Entry& g = kPow10Table[-k - kPow10MinExp];
    uint64_t vbl = round_to_odd(g, cbl << h);
    uint64_t vb = round_to_odd(g, cb << h);
    uint64_t vbr = round_to_odd(g, cbr << h);
    uint64_t lower = vbl + (even ? 0 : 1);
    uint64_t upper = vbr - (even ? 0 : 1);
    uint64_t s = vb / 4;
    if (s >= 10) {  // one digit shorter: at most one candidate on the coarser grid
        uint64_t sp = s / 10;
        bool up_inside = lower <= 40 * sp;
        bool wp_inside = 40 * sp + 40 <= upper;
        if (up_inside != wp_inside) {
            *digits = sp + (wp_inside ? 1 : 0);
            *exp10 = k + 1;
            return;
        }
    }
    bool u_inside = lower <= 4 * s;
    bool w_inside = 4 * s + 4 <= upper;
    if (u_inside != w_inside) {
        *digits = s + (w_inside ? 1 : 0);
        *exp10 = k;
        return;
    }
    uint64_t mid = 4 * s + 2;  // both neighbours inside: take the nearer, ties to even
    bool round_up = vb > mid || (vb == mid && (s & 1) != 0);
    *digits = s + (round_up ? 1 : 0);
    *exp10 = k;
}

// Writes v's decimal digits (no leading zeros) to d and returns how many.
int write_uint64(uint64_t v, char* d) {
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (int i = 0; i < n; ++i) d[i] = tmp[n - 1 - i];
    return n;
}

// dtoa mode 0 for finite ax > 0: the fewest digits that read back as ax (d must hold 24 chars).
int shortest_digits(double ax, char* d, int* decpt) {
    uint64_t bits;
    std::memcpy(&bits, &ax, sizeof bits);
    uint64_t digits;
    int exp10;
    schubfach(bits, &digits, &exp10);
    int n = write_uint64(digits, d);
    *decpt = n + exp10;
    return strip_trailing_zeros(d, n);
}

// Digits of a value that snprintf printed with "%.Nf" (dtoa mode 3), compacted in place at the front
// of s. Leading and trailing zeros are dropped; a result that rounded to zero has n == 0, decpt 0.
int compact_fixed(char* s, int* decpt) {
    int len_int = 0;
    while (s[len_int] >= '0' && s[len_int] <= '9') ++len_int;
    const char* frac = s[len_int] != '\0' ? s + len_int + 1 : s + len_int;  // skip the point
    int n = 0;
    int dp = len_int;
    if (len_int == 1 && s[0] == '0') {  // below one: the decimal exponent comes from the fraction
        dp = 0;
        while (*frac == '0') {
            ++frac;
            --dp;
        }
    } else {
        n = len_int;  // the integer digits are already in place
    }
    while (*frac != '\0') s[n++] = *frac++;
    n = strip_trailing_zeros(s, n);
    *decpt = n == 0 ? 0 : dp;
    return n;
}

// A digit string that is either in a small inline buffer or, for large precisions, on the heap.
struct DigitBuffer {
    char small[72];
    std::string big;
    char* data = small;

    char* reserve(size_t size) {
        if (size > sizeof small) {
            big.resize(size);
            data = big.data();
        }
        return data;
    }
};

// ---- Fixed precision: exact integer fast path ---------------------------------------------------------
// For the everyday cases ('.2f', '.6g', '%.3e' of values below 2^53) the correctly rounded digits are
// round-half-even(ax * 10^nd) for some 0 <= nd <= 22, computed exactly in 128 bits: ax = m * 2^-s
// with m < 2^53, and m * 10^22 < 2^127. Everything else goes to snprintf, which is exact but slow
// (several hundred ns natively, more under wasm's soft-float long double).

Uint128 pow10_u128(int k) {
    Uint128 p = 1;
    for (int i = 0; i < k; ++i) p *= 10;
    return p;
}

// round-half-even(ax * 10^nd) for 0 < ax < 2^53, 0 <= nd <= 22; false if ax is too small (< 2^-73).
bool scaled_round(double ax, int nd, Uint128* q) {
    uint64_t bits;
    std::memcpy(&bits, &ax, sizeof bits);
    int biased = static_cast<int>(bits >> 52);
    int shift = 1075 - biased;  // ax = m * 2^-shift; ax < 2^53 makes shift >= 0
    if (biased == 0 || shift > 125) return false;
    uint64_t m = (bits & ((uint64_t(1) << 52) - 1)) | (uint64_t(1) << 52);
    Uint128 n = static_cast<Uint128>(m) * pow10_u128(nd);
    if (shift == 0) {
        *q = n;
        return true;
    }
    Uint128 r = n >> shift;
    Uint128 rem = n - (r << shift);
    Uint128 half = static_cast<Uint128>(1) << (shift - 1);
    if (rem > half || (rem == half && (r & 1) != 0)) ++r;
    *q = r;
    return true;
}

int write_uint128(Uint128 v, char* d) {
    const uint64_t k1e19 = 10000000000000000000u;
    if (v <= UINT64_MAX) return write_uint64(static_cast<uint64_t>(v), d);
    int n = write_uint64(static_cast<uint64_t>(v / k1e19), d);  // v < 2^127, so v / 10^19 < 2^64
    uint64_t low = static_cast<uint64_t>(v % k1e19);
    for (int i = 18; i >= 0; --i) {
        d[n + i] = static_cast<char>('0' + low % 10);
        low /= 10;
    }
    return n + 19;
}

// Digits of q * 10^-nd in dtoa's convention.
int scaled_digits(Uint128 q, int nd, char* d, int* decpt) {
    if (q == 0) {
        *decpt = 0;
        return 0;
    }
    int n = write_uint128(q, d);
    *decpt = n - nd;
    return strip_trailing_zeros(d, n);
}

// dtoa mode 3 (nd digits after the point) or mode 2 (n significant digits) through scaled_round;
// d must hold 48 chars. False when the case is outside the fast path's range.
bool rounded_digits_fast(double ax, int mode, int n, char* d, int* count, int* decpt) {
    if (ax >= 9007199254740992.0) return false;
    Uint128 q;
    if (mode == 3) {
        if (n > 22 || !scaled_round(ax, n, &q)) return false;
        *count = scaled_digits(q, n, d, decpt);
        return true;
    }
    // n significant digits = n - 1 - E digits after the point, E = floor(log10(ax)). The estimate from
    // the binary exponent is E or E - 1; too small shows as a result above 10^n. Exactly 10^n is a
    // carry (9.99 -> 10.0) and means the same value either way.
    uint64_t bits;
    std::memcpy(&bits, &ax, sizeof bits);
    int e2 = static_cast<int>(bits >> 52) - 1023;
    int e10 = (e2 * 1262611) >> 22;
    for (int attempt = 0; attempt < 2; ++attempt, ++e10) {
        int nd = n - 1 - e10;
        if (nd < 0 || nd > 22 || !scaled_round(ax, nd, &q)) return false;
        if (q <= pow10_u128(n)) {
            *count = scaled_digits(q, nd, d, decpt);
            return true;
        }
    }
    return false;
}

// dtoa mode 2 (n significant digits) or mode 3 (n digits after the point) of finite ax >= 0.
int rounded_digits(double ax, int mode, int n, DigitBuffer* buf, int* decpt) {
    if (ax == 0) {
        buf->data[0] = '0';
        *decpt = 1;
        return 1;
    }
    int count;
    if (rounded_digits_fast(ax, mode, n, buf->data, &count, decpt)) return count;
    if (mode == 2) {
        size_t size = static_cast<size_t>(n) + 16;
        char* s = buf->reserve(size);
        std::snprintf(s, size, "%.*e", n - 1, ax);
        return strip_trailing_zeros(s, read_e_format(s, s, decpt));
    }
    size_t size = static_cast<size_t>(n) + DBL_MAX_10_EXP + 8;
    char* s = buf->reserve(size);
    std::snprintf(s, size, "%.*f", n, ax);
    return compact_fixed(s, decpt);
}

// ---- Layout -----------------------------------------------------------------------------------------

void append_zeros(int64_t count, std::string* out) {
    if (count > 0) out->append(static_cast<size_t>(count), '0');
}

// CPython's format_float_short after the digits are known: places the decimal point, pads with zeros
// on either side, and adds the exponent. `code` is 'e', 'f', 'g' or 'r' (lower case).
void layout_digits(const char* digits, int64_t n, int64_t decpt, bool negative, char code, int64_t precision,
                   unsigned flags, bool upper, std::string* out) {
    bool add_dot_0 = (flags & kDtsfAddDot0) != 0;
    bool alt = (flags & kDtsfAlt) != 0;
    int64_t vdigits_end = n;
    bool use_exp = false;
    switch (code) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
        if (alt) vdigits_end = precision;
        break;
    default:  // 'r': exponent from 1e16 on, as repr does
        use_exp = decpt <= -4 || decpt > 16;
        break;
    }
    int64_t exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    int64_t min_end = (!use_exp && add_dot_0) ? decpt + 1 : decpt;
    if (vdigits_end < min_end) vdigits_end = min_end;

    if (negative) {
        out->push_back('-');
    } else if (flags & kDtsfSign) {
        out->push_back('+');
    }
    if (decpt <= 0) {
        append_zeros(decpt - vdigits_start, out);
        out->push_back('.');
        append_zeros(-decpt, out);
    } else {
        append_zeros(-vdigits_start, out);
    }
    if (0 < decpt && decpt <= n) {
        out->append(digits, static_cast<size_t>(decpt));
        out->push_back('.');
        out->append(digits + decpt, static_cast<size_t>(n - decpt));
    } else {
        out->append(digits, static_cast<size_t>(n));
    }
    if (n < decpt) {
        append_zeros(decpt - n, out);
        out->push_back('.');
        append_zeros(vdigits_end - decpt, out);
    } else {
        append_zeros(vdigits_end - n, out);
    }
    if (out->back() == '.' && !alt) out->pop_back();
    if (use_exp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', static_cast<int>(exp));
        out->append(buf);
    }
}

void append_nonfinite(double x, unsigned flags, bool upper, std::string* out) {
    bool nan = std::isnan(x);
    if (!nan && std::signbit(x)) {
        out->push_back('-');
    } else if (flags & kDtsfSign) {
        out->push_back('+');  // a nan's own sign is ignored, as in CPython
    }
    out->append(nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
}

// True for ASCII whitespace as CPython's Py_ISSPACE (what float() strips).
bool is_ascii_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

}  // namespace

void double_to_string(double x, char code, int precision, unsigned flags, std::string* out) {
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char lower = upper ? static_cast<char>(code - 'A' + 'a') : code;
    int mode = lower == 'f' ? 3 : lower == 'r' ? 0 : 2;
    if (lower == 'e') ++precision;
    if (lower == 'g' && precision == 0) precision = 1;
    if (!std::isfinite(x)) {
        append_nonfinite(x, flags, upper, out);
        return;
    }
    bool negative = std::signbit(x);
    double ax = std::fabs(x);
    DigitBuffer buf;
    int decpt = 1;
    int n = 1;
    if (ax == 0) {
        buf.data[0] = '0';  // dtoa's zero: "0" with the point after it
    } else if (mode == 0) {
        n = shortest_digits(ax, buf.data, &decpt);
    } else {
        n = rounded_digits(ax, mode, precision, &buf, &decpt);
    }
    if ((flags & kDtsfNoNegZero) && negative && (n == 0 || (n == 1 && buf.data[0] == '0'))) negative = false;
    layout_digits(buf.data, n, decpt, negative, lower, precision, flags, upper, out);
}

std::string float_repr(double x) {
    // Integral values below 1e16 print as their integer digits plus ".0": the common case in loops.
    double ax = std::fabs(x);
    if (ax < 1e16 && ax == std::floor(ax)) {
        char buf[24];
        char* end = buf + sizeof buf;
        char* p = end;
        *--p = '0';
        *--p = '.';
        uint64_t v = static_cast<uint64_t>(ax);
        do {
            *--p = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v != 0);
        if (std::signbit(x)) *--p = '-';
        return std::string(p, static_cast<size_t>(end - p));
    }
    std::string out;
    double_to_string(x, 'r', 0, kDtsfAddDot0, &out);
    return out;
}

namespace {

// Maps s to ASCII the way CPython's _PyUnicode_TransformDecimalAndSpaceToASCII does before float()
// and int() parse: Unicode whitespace becomes ' ', Unicode decimal digits their ASCII digit. Returns
// false for any other non-ASCII character (CPython turns it into '?', which never parses).
bool transform_to_ascii(std::string_view s, std::string* out) {
    out->reserve(s.size());
    size_t pos = 0;
    while (pos < s.size()) {
        char32_t cp = numfmt_detail::utf8_next(s, &pos);
        if (cp < 0x80) {
            out->push_back(static_cast<char>(cp));
        } else if (numfmt_detail::is_unicode_space(cp)) {
            out->push_back(' ');
        } else {
            int v = numfmt_detail::decimal_value(cp);
            if (v < 0) return false;
            out->push_back(static_cast<char>('0' + v));
        }
    }
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Copies a run of digits with single underscores between digits (Python's digitpart) to *dst;
// returns how many digits it copied. It stops before an underscore that is not followed by a digit,
// which then fails the parse.
int scan_digitpart(const char** p, const char* end, std::string* dst) {
    int n = 0;
    const char* s = *p;
    while (s < end) {
        if (is_digit(*s)) {
            dst->push_back(*s++);
            ++n;
        } else if (*s == '_' && n > 0 && s + 1 < end && is_digit(s[1])) {
            ++s;
        } else {
            break;
        }
    }
    *p = s;
    return n;
}

// Clinger's fast path for a validated "[-]digits[.digits][e[+-]digits]": when the digits fit in 53
// bits and the power of ten is at most 22, both are exact doubles and one multiplication or division
// rounds correctly. Covers most literals and user input without strtod (slow on musl's soft long
// double in wasm). Returns false when the slow path is needed.
bool parse_exact_fast(const std::string& clean, double* out) {
    const char* p = clean.c_str();
    bool negative = *p == '-';
    if (negative) ++p;
    uint64_t mantissa = 0;
    int64_t frac_digits = 0;
    bool in_fraction = false;
    for (; *p != '\0' && *p != 'e'; ++p) {
        if (*p == '.') {
            in_fraction = true;
            continue;
        }
        mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
        if (mantissa > (uint64_t(1) << 53)) return false;
        frac_digits += in_fraction ? 1 : 0;
    }
    int64_t exponent = 0;
    if (*p == 'e') {
        bool exp_negative = p[1] == '-';
        p += (p[1] == '-' || p[1] == '+') ? 2 : 1;
        for (; *p != '\0'; ++p) {
            exponent = exponent * 10 + (*p - '0');
            if (exponent > 1000) return false;
        }
        if (exp_negative) exponent = -exponent;
    }
    static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    int64_t e10 = exponent - frac_digits;
    if (e10 < -22 || e10 > 22) return false;
    double v = static_cast<double>(mantissa);
    v = e10 >= 0 ? v * kPow10[e10] : v / kPow10[-e10];
    *out = negative ? -v : v;
    return true;
}

bool equals_ignore_case(const char* p, const char* end, const char* word) {
    size_t len = std::strlen(word);
    if (static_cast<size_t>(end - p) != len) return false;
    for (size_t i = 0; i < len; ++i) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    return true;
}

}  // namespace

bool parse_float(std::string_view s, double* out) {
    std::string ascii;
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            if (!transform_to_ascii(s, &ascii)) return false;
            s = ascii;
            break;
        }
    }
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end && is_ascii_space(*p)) ++p;
    while (end > p && is_ascii_space(end[-1])) --end;
    if (p == end) return false;

    bool negative = *p == '-';
    if (*p == '+' || *p == '-') ++p;
    if (p < end && (*p == 'i' || *p == 'I' || *p == 'n' || *p == 'N')) {
        double v;
        if (equals_ignore_case(p, end, "inf") || equals_ignore_case(p, end, "infinity")) {
            v = HUGE_VAL;
        } else if (equals_ignore_case(p, end, "nan")) {
            v = NAN;
        } else {
            return false;
        }
        *out = negative ? -v : v;
        return true;
    }
    // Validate Python's grammar while copying a clean "-digits.digitsE-digits" for strtod, which
    // would otherwise also accept hex floats, "nan(...)" and underscore-free prefixes.
    std::string clean;
    clean.reserve(static_cast<size_t>(end - p) + 2);
    if (negative) clean.push_back('-');
    int mantissa_digits = scan_digitpart(&p, end, &clean);
    if (p < end && *p == '.') {
        ++p;
        clean.push_back('.');
        mantissa_digits += scan_digitpart(&p, end, &clean);
    }
    if (mantissa_digits == 0) return false;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        clean.push_back('e');
        if (p < end && (*p == '+' || *p == '-')) clean.push_back(*p++);
        if (scan_digitpart(&p, end, &clean) == 0) return false;
    }
    if (p != end) return false;
    if (!parse_exact_fast(clean, out)) *out = std::strtod(clean.c_str(), nullptr);
    return true;
}

}  // namespace krait
