// test_bigint.cpp — unit tests for core/bigint.h, Krait's arbitrary-precision integers.
// Expected values come from CPython 3.12 (hash(), str(), float(), /, pow ...). Random operands come from a
// splitmix64 generator that the generating Python script reproduced exactly, so one table row stands for
// operands thousands of bits long; each result is compared through its Python hash (a residue mod 2^61-1).

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "bigint.h"

using namespace krait;

namespace {

// ---- helpers ----

BigInt I(int64_t v) {
    return big_from_int64(v);
}

BigInt B(const char* decimal) {
    BigInt r;
    bool ok = big_from_string(decimal, 10, &r);
    REQUIRE(ok);
    return r;
}

std::string S(const BigInt& a, int base = 10) {
    return big_to_string(a, base);
}

BigInt pow2(uint64_t n) {
    return big_shl(I(1), n);
}

BigInt ipow(int64_t base, uint64_t exp) {
    return big_pow(I(base), exp);
}

std::string i128_str(__int128 v) {
    if (v == 0) return "0";
    bool neg = v < 0;
    unsigned __int128 m = neg ? -(unsigned __int128)v : (unsigned __int128)v;
    std::string s;
    while (m != 0) {
        s.insert(s.begin(), char('0' + int(m % 10)));
        m /= 10;
    }
    return neg ? "-" + s : s;
}

uint64_t dbits(double d) {
    uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
}

// splitmix64, mirrored by the Python script that produced the expected values.
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

// A value below 2^nbits built from 64-bit draws (least significant first), then a draw for the sign.
BigInt random_big(Rng& r, uint64_t nbits) {
    BigInt v;
    for (uint64_t i = 0; i < (nbits + 63) / 64; i++) {
        uint64_t w = r.next();
        v.mag.push_back(uint32_t(w));
        v.mag.push_back(uint32_t(w >> 32));
    }
    v.mag.resize(size_t((nbits + 31) / 32));
    if (nbits % 32) v.mag.back() &= (uint32_t(1) << (nbits % 32)) - 1;
    v.neg = r.next() & 1;
    v.normalize();
    return v;
}

uint64_t fnv1a(const std::string& s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

// Python floor division on machine words, for cross-checking.
void floor_divmod(__int128 a, __int128 b, __int128* q, __int128* r) {
    *q = a / b;
    *r = a % b;
    if (*r != 0 && ((*r < 0) != (b < 0))) {
        *q -= 1;
        *r += b;
    }
}

BigInt factorial(int n) {
    BigInt r = I(1);
    for (int i = 2; i <= n; i++) r = big_mul(r, I(i));
    return r;
}

}  // namespace

// ---- small values against __int128 ----

TEST_CASE("bigint: arithmetic on word-sized values agrees with __int128", "[bigint]") {
    Rng rng{42};
    for (int iter = 0; iter < 20000; iter++) {
        // Random widths, so small, mid-sized and extreme values (INT64_MIN included) all occur.
        int64_t a = int64_t(rng.next()) >> (rng.next() % 64);
        int64_t b = int64_t(rng.next()) >> (rng.next() % 64);
        if (iter == 0) a = INT64_MIN, b = -1;
        BigInt A = I(a), Bb = I(b);
        __int128 a1 = a, b1 = b;
        REQUIRE(S(big_add(A, Bb)) == i128_str(a1 + b1));
        REQUIRE(S(big_sub(A, Bb)) == i128_str(a1 - b1));
        REQUIRE(S(big_mul(A, Bb)) == i128_str(a1 * b1));
        REQUIRE(big_compare(A, Bb) == (a < b ? -1 : a > b ? 1 : 0));
        REQUIRE(big_compare_int64(A, b) == (a < b ? -1 : a > b ? 1 : 0));
        REQUIRE(big_fits_int64(A));
        REQUIRE(big_to_int64(A) == a);
        REQUIRE(big_hash(A) == hash_int64(a));
        if (b != 0) {
            __int128 q, r;
            floor_divmod(a1, b1, &q, &r);
            BigInt Q, R;
            big_divmod(A, Bb, &Q, &R);
            REQUIRE(S(Q) == i128_str(q));
            REQUIRE(S(R) == i128_str(r));
        }
        // Python's bitwise ops on negatives are C++'s on two's complement words; >> on signed is floor.
        REQUIRE(big_to_int64(big_and(A, Bb)) == (a & b));
        REQUIRE(big_to_int64(big_or(A, Bb)) == (a | b));
        REQUIRE(big_to_int64(big_xor(A, Bb)) == (a ^ b));
        REQUIRE(big_to_int64(big_invert(A)) == ~a);
        unsigned k = unsigned(rng.next() % 70);
        REQUIRE(big_to_int64(big_shr(A, k)) == (k < 64 ? a >> k : (a < 0 ? -1 : 0)));
        if (k < 64) REQUIRE(S(big_shl(A, k)) == i128_str(a1 * (__int128(1) << k)));
        double d;
        REQUIRE(big_to_double(A, &d));
        REQUIRE(d == double(a));  // the hardware conversion rounds half-even, like CPython
    }
}

TEST_CASE("bigint: int64 boundaries", "[bigint]") {
    BigInt max = I(INT64_MAX), min = I(INT64_MIN);
    REQUIRE(S(max) == "9223372036854775807");
    REQUIRE(S(min) == "-9223372036854775808");
    REQUIRE_FALSE(big_fits_int64(big_add(max, I(1))));
    REQUIRE_FALSE(big_fits_int64(big_sub(min, I(1))));
    REQUIRE(big_fits_int64(big_negate(big_add(max, I(1)))));
    REQUIRE(big_compare_int64(big_add(max, I(1)), INT64_MAX) == 1);
    REQUIRE(big_compare_int64(big_sub(min, I(1)), INT64_MIN) == -1);
    REQUIRE(S(big_from_uint64(UINT64_MAX)) == "18446744073709551615");
    REQUIRE(hash_int64(INT64_MIN) == -4);
    REQUIRE(hash_int64(INT64_MAX) == 3);
    REQUIRE(big_is_zero(I(0)));
    REQUIRE(big_sign(I(-3)) == -1);
    REQUIRE(big_sign(I(0)) == 0);
    REQUIRE(big_negate(I(0)) == I(0));
    REQUIRE_FALSE(big_negate(I(0)).neg);
}

// ---- big random values against CPython ----

namespace {
struct BigCase {
    uint64_t seed, abits, bbits, shift;
    // hash of a+b, a-b, a*b, a//b, a%b, a&b, a|b, a^b, a<<shift, a>>shift, ~a
    int64_t hashes[11];
    uint64_t product_str_fnv;  // FNV-1a of str(a*b)
};

// Produced by CPython 3.12 from the same splitmix64 operands.
const BigCase kBigCases[] = {
    {1, 70, 33, 37,
     {1227844338348692722, 1227844346343401224, -1718746383223026810, -182589330198, -344636209,
      1227844340064196093, -1715503371, -1227844341779699464, 21321390354197641, 5310533999,
      -1227844342346046974},
     0x53303d9ac3f1ce4aull},
    {2, 200, 64, 74,
     {-2003355963184524109, -956402532967878841, -943124013166311205, -1667254413954560343,
      1231431927220627434, 622631587976093748, -320144541946923906, -942776129923017654, -1354100803853382793,
      -1522473457323735988, 1479879248076201474},
     0xd5afaa640ab4c833ull},
    {3, 1000, 999, 111,
     {1163908462939867407, 206524942148440520, 508380016338783658, 1, 206524942148440520, 1610880347086011766,
      1858871125067549592, 247990777981537826, 1562520699212179937, 2197168869088014108,
      -1838138207151000940},
     0x148f7e8614978eddull},
    {4, 1300, 1290, 148,
     {-2025594728849834571, -822731127881092347, 1134069541244997166, 3410, -436158467633893978,
      -967758968791075051, -1057835760058759520, 2215766217946009482, -945196951324357780,
      -951977956755076994, 1424162928365463458},
     0x9d6c46b363f6a87aull},
    {5, 3000, 1500, 185,
     {-954591640007245092, -1701868563956929196, 2134087233908406863, 1090449880749491630,
      -2187337526443456075, -30908946646337987, -923682693360907105, 1413069262499124833, -701234389500960674,
      -107879889253363383, 1328230101982087143},
     0x1149159c3b0c6716ull},
    {6, 5000, 4000, 22,
     {-115398487879364204, -2057277334060177277, 1814748158916665932, 2249144712895616770,
      -1779097863668963145, -1811941193557889540, -609300303535168615, 1202640890022720925,
      -342934553142109925, -1900935192026696741, 2239259415576617715},
     0xfb23646668c77a8aull},
    {7, 9000, 1200, 59,
     {-131863960653540180, -1113084089269648796, 1017809391521630248, 2021862413130094262,
      -1358358480096321594, -1974686877965242534, -463020091901991597, 1511666786063250937,
      -155618506240398622, -1395653806841207429, 622474024961594487},
     0x242cfa67a9374ed0ull},
    {8, 2500, 64, 96,
     {937440759136940054, 1929932331925256697, 429463763076811939, 2049336883494982892, 1735456446025727769,
      582179381612450306, 355261377524489748, 2078925005125733393, 944252068902638668, 1736288818072511763,
      -280765040924251401},
     0xc4365834895deb1cull},
    {9, 64, 2000, 133,
     {-788194100036393361, 598662473873824356, -1493473379314893787, -2, -788194100036393361,
      865623629109420101, -1653817729145813462, -213598349041539612, 1916270592693324715, 0,
      -1058155691525562474},
     0x2a3f2e43ee789289ull},
    {10, 1500, 40, 170,
     {-1313760353557462264, -1313761721584341916, -2085678598868186667, -158187996792347392, 15126831176,
      5370855442, -1313760358928317706, -1313760364299173148, -597450271800418636, -1933144512161130936,
      1313761037570902089},
     0xe562f7cee9040a76ull},
};
}  // namespace

TEST_CASE("bigint: big random values match CPython", "[bigint]") {
    for (const BigCase& c : kBigCases) {
        INFO("seed " << c.seed);
        Rng rng{c.seed};
        BigInt a = random_big(rng, c.abits), b = random_big(rng, c.bbits);
        if (big_is_zero(b)) b = I(1);
        BigInt q, r;
        big_divmod(a, b, &q, &r);
        BigInt results[11] = {big_add(a, b), big_sub(a, b), big_mul(a, b), q, r, big_and(a, b), big_or(a, b),
                              big_xor(a, b), big_shl(a, c.shift), big_shr(a, c.shift), big_invert(a)};
        for (int i = 0; i < 11; i++) {
            INFO("result " << i);
            REQUIRE(big_hash(results[i]) == c.hashes[i]);
        }
        REQUIRE(fnv1a(S(results[2])) == c.product_str_fnv);
        // Identities that tie the operations together.
        REQUIRE(big_add(big_mul(q, b), r) == a);
        REQUIRE(big_sub(big_add(a, b), b) == a);
        REQUIRE(big_floordiv(big_mul(a, b), b) == a);
        REQUIRE(big_add(big_and(a, b), big_or(a, b)) == big_add(a, b));
        REQUIRE(big_shr(big_shl(a, c.shift), c.shift) == a);
    }
}

// ---- multiplication algorithms ----

TEST_CASE("bigint: Karatsuba agrees with schoolbook", "[bigint]") {
    Rng rng{7};
    const size_t sizes[][2] = {{39, 39}, {40, 40}, {41, 80}, {100, 100}, {150, 41}, {333, 120}, {257, 256},
                               {600, 45}, {90, 89}};
    for (auto& sz : sizes) {
        BigInt a = random_big(rng, sz[0] * 32), b = random_big(rng, sz[1] * 32);
        // Reference product by plain long multiplication, independent of the library.
        BigInt ref;
        ref.mag.assign(a.mag.size() + b.mag.size(), 0);
        for (size_t i = 0; i < a.mag.size(); i++) {
            uint64_t carry = 0;
            for (size_t j = 0; j < b.mag.size(); j++) {
                uint64_t t = uint64_t(a.mag[i]) * b.mag[j] + ref.mag[i + j] + carry;
                ref.mag[i + j] = uint32_t(t);
                carry = t >> 32;
            }
            ref.mag[i + b.mag.size()] = uint32_t(carry);
        }
        ref.neg = a.neg != b.neg;
        ref.normalize();
        REQUIRE(big_mul(a, b) == ref);
        REQUIRE(big_mul(b, a) == ref);
    }
    // Squares with all-ones limbs stress every carry path.
    BigInt ones = big_sub(pow2(32 * 200), I(1));
    REQUIRE(big_mul(ones, ones) == big_add(big_sub(pow2(32 * 400), pow2(32 * 200 + 1)), I(1)));
}

// ---- known values ----

TEST_CASE("bigint: known big values match CPython's str()", "[bigint]") {
    REQUIRE(S(pow2(200)) == "1606938044258990275541962092341162602522202993782792835301376");
    REQUIRE(S(ipow(3, 100)) == "515377520732011331036461129765621272702107522001");
    REQUIRE(S(factorial(100)) ==
            "9332621544394415268169923885626670049071596826438162146859296389521759999322991560894146397615"
            "6518286253697920827223758251185210916864000000000000000000000000");
    REQUIRE(S(ipow(-3, 3)) == "-27");
    BigInt f2000 = factorial(2000);
    std::string s = S(f2000);
    REQUIRE(s.size() == 5736);
    REQUIRE(s.substr(0, 40) == "3316275092450633241175393380576324038281");
    REQUIRE(big_hash(f2000) == 129753603633882750);
    REQUIRE(B(s.c_str()) == f2000);
    std::string p = S(pow2(10000));
    REQUIRE(p.size() == 3011);
    REQUIRE(p.substr(0, 30) == "199506311688075838488374216268");
    REQUIRE(fnv1a(p) == 0x40f0dc8ab4146624ull);
}

TEST_CASE("bigint: factorial(2000) and printing 2**10000 take milliseconds", "[bigint]") {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; i++) {
        BigInt f = factorial(2000);
        std::string s = S(pow2(10000));
        REQUIRE(!big_is_zero(f));
        REQUIRE(s.size() == 3011);
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // Generous (shared machines, -O0 builds); catches only an accidental blow-up.
    REQUIRE(ms < 1000.0);
}

// ---- division ----

TEST_CASE("bigint: floor division and modulo take Python's signs", "[bigint]") {
    struct Row { int64_t a, b, q, r; };
    const Row rows[] = {{7, 2, 3, 1},   {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1},
                        {6, 3, 2, 0},   {-6, 3, -2, 0}, {6, -3, -2, 0},  {0, -5, 0, 0},
                        {1, 5, 0, 1},   {-1, 5, -1, 4}, {1, -5, -1, -4}, {-1, -5, 0, -1}};
    for (const Row& row : rows) {
        BigInt q, r;
        big_divmod(I(row.a), I(row.b), &q, &r);
        REQUIRE(q == I(row.q));
        REQUIRE(r == I(row.r));
    }
    // Multi-limb divisor, every sign combination: a = q*b + r with r on b's side.
    BigInt a = big_add(ipow(3, 150), I(12345)), b = ipow(7, 40);
    for (int sa = 0; sa < 2; sa++) {
        for (int sb = 0; sb < 2; sb++) {
            BigInt x = sa ? big_negate(a) : a, y = sb ? big_negate(b) : b, q, r;
            big_divmod(x, y, &q, &r);
            REQUIRE(big_add(big_mul(q, y), r) == x);
            REQUIRE(big_compare(big_abs(r), big_abs(y)) < 0);
            REQUIRE((big_is_zero(r) || r.neg == y.neg));
            REQUIRE(big_floordiv(x, y) == q);
            REQUIRE(big_mod(x, y) == r);
        }
    }
    REQUIRE(S(big_floordiv(B("-100000000000000000000000000000"), I(7))) == "-14285714285714285714285714286");
    REQUIRE(S(big_mod(B("-100000000000000000000000000000"), I(7))) == "2");
    REQUIRE(big_mod(big_negate(pow2(100)), pow2(100)) == I(0));
    REQUIRE(big_floordiv(big_negate(pow2(100)), pow2(100)) == I(-1));
}

namespace {
struct DivCase { uint64_t seed, abits, bbits; bool ok; uint64_t bits; };
// bit patterns of a / b from CPython 3.12 (subnormal, -0.0 and near-overflow results included)
const DivCase kDivCases[] = {
    {11, 60, 54, true, 0xc0259465e3069452ull},   {12, 300, 250, true, 0x43006a24384937f2ull},
    {13, 2000, 1990, true, 0xc0b2e3688c6730e4ull}, {14, 100, 1150, true, 0x0000000000b94399ull},
    {15, 1200, 190, true, 0xfeec8fb7c5f460c4ull}, {16, 54, 54, true, 0xbfe4f6cc34fbb9dfull},
    {17, 3000, 2950, true, 0xc3214a75d03279eeull}, {18, 20, 1100, true, 0x8000000000000000ull},
    {19, 1100, 77, true, 0xffd9c4e2c1816d79ull},  {20, 80, 1140, true, 0x0000000000003e43ull},
};
}  // namespace

TEST_CASE("bigint: true division is correctly rounded", "[bigint]") {
    double d = 0;
    REQUIRE(big_truediv(ipow(10, 400), ipow(10, 399), &d));
    REQUIRE(d == 10.0);
    REQUIRE(big_truediv(I(1), I(3), &d));
    REQUIRE(d == 1.0 / 3.0);
    REQUIRE(big_truediv(I(-7), I(2), &d));
    REQUIRE(d == -3.5);
    REQUIRE_FALSE(big_truediv(ipow(10, 400), I(7), &d));
    REQUIRE(big_truediv(I(1), ipow(10, 320), &d));
    REQUIRE(d == 1e-320);
    REQUIRE(big_truediv(I(1), ipow(10, 400), &d));
    REQUIRE(dbits(d) == dbits(0.0));
    REQUIRE(big_truediv(I(-1), ipow(10, 400), &d));
    REQUIRE(dbits(d) == dbits(-0.0));
    REQUIRE(big_truediv(I(0), I(-5), &d));
    REQUIRE(dbits(d) == dbits(-0.0));
    // Just below the overflow threshold rounds to DBL_MAX; the threshold itself overflows.
    BigInt below = big_sub(big_sub(pow2(1024), pow2(970)), I(1));
    REQUIRE(big_truediv(big_mul(below, ipow(3, 5)), ipow(3, 5), &d));
    REQUIRE(d == std::numeric_limits<double>::max());
    REQUIRE_FALSE(big_truediv(big_sub(pow2(1025), pow2(971)), I(2), &d));
    for (const DivCase& c : kDivCases) {
        INFO("seed " << c.seed);
        Rng rng{c.seed};
        BigInt a = random_big(rng, c.abits), b = random_big(rng, c.bbits);
        REQUIRE(big_truediv(a, b, &d) == c.ok);
        if (c.ok) REQUIRE(dbits(d) == c.bits);
    }
}

// ---- conversion to double ----

namespace {
struct FloatCase { uint64_t seed, abits; bool ok; uint64_t bits; };
const FloatCase kFloatCases[] = {  // float(a) from CPython 3.12
    {21, 54, true, 0xc324152b6fd04b8eull},   {22, 64, true, 0x43e901bc1f3a9ac2ull},
    {23, 65, true, 0x43fe8d7da001b018ull},   {24, 100, true, 0x4627702b97575592ull},
    {25, 1000, true, 0x7e44548aee367318ull}, {26, 1023, true, 0xffb8834167355de8ull},
    {27, 1024, true, 0xffc28a6c2189c2a3ull}, {28, 1025, true, 0xff90be0448e9aba9ull},
    {29, 200, true, 0xcc631c3735cce4ccull},  {30, 55, true, 0x435b95debc9c8374ull},
};

double to_double(const BigInt& a) {
    double d = 0;
    REQUIRE(big_to_double(a, &d));
    return d;
}
}  // namespace

TEST_CASE("bigint: to_double rounds half to even and reports overflow", "[bigint]") {
    const double two53 = 9007199254740992.0;
    REQUIRE(to_double(big_add(pow2(53), I(1))) == two53);            // tie, round to even (down)
    REQUIRE(to_double(big_add(pow2(53), I(3))) == two53 + 4);        // tie, round to even (up)
    REQUIRE(to_double(big_add(pow2(64), pow2(11))) == std::ldexp(1.0, 64));  // tie at 65 bits
    REQUIRE(to_double(big_add(big_add(pow2(64), pow2(11)), I(1))) == std::ldexp(1.0, 64) + 4096.0);
    REQUIRE(to_double(big_add(pow2(100), pow2(47))) == std::ldexp(1.0, 100));  // exact half, even
    REQUIRE(to_double(big_add(big_add(pow2(100), pow2(47)), I(1))) ==           // sticky bit far below
            std::ldexp(1.0, 100) + std::ldexp(1.0, 48));
    REQUIRE(to_double(big_add(pow2(100), big_mul(I(3), pow2(47)))) ==           // half, odd: up
            std::ldexp(1.0, 100) + std::ldexp(1.0, 49));
    REQUIRE(to_double(big_negate(big_add(pow2(53), I(3)))) == -(two53 + 4));
    REQUIRE(to_double(pow2(1023)) == std::ldexp(1.0, 1023));
    REQUIRE(to_double(big_sub(big_sub(pow2(1024), pow2(970)), I(1))) == std::numeric_limits<double>::max());
    double d = 0;
    REQUIRE_FALSE(big_to_double(pow2(1024), &d));
    REQUIRE_FALSE(big_to_double(big_negate(pow2(1024)), &d));
    REQUIRE_FALSE(big_to_double(big_sub(pow2(1024), pow2(970)), &d));  // rounds up to 2^1024
    REQUIRE(to_double(I(0)) == 0.0);
    for (const FloatCase& c : kFloatCases) {
        INFO("seed " << c.seed);
        Rng rng{c.seed};
        BigInt a = random_big(rng, c.abits);
        REQUIRE(big_to_double(a, &d) == c.ok);
        if (c.ok) REQUIRE(dbits(d) == c.bits);
    }
}

TEST_CASE("bigint: from_double truncates; compare_double is exact", "[bigint]") {
    REQUIRE(big_from_double(-0.5) == I(0));
    REQUIRE_FALSE(big_from_double(-0.5).neg);
    REQUIRE(big_from_double(-2.75) == I(-2));
    REQUIRE(big_from_double(1e20) == B("100000000000000000000"));
    REQUIRE(big_from_double(std::ldexp(1.0, 200)) == pow2(200));
    REQUIRE(big_from_double(-std::numeric_limits<double>::max()) ==
            big_negate(big_sub(pow2(1024), pow2(971))));
    REQUIRE(big_from_double(18446744073709551616.0) == pow2(64));
    REQUIRE(big_compare_double(pow2(200), std::ldexp(1.0, 200)) == 0);
    REQUIRE(big_compare_double(big_add(pow2(200), I(1)), std::ldexp(1.0, 200)) == 1);
    REQUIRE(big_compare_double(I(2), 2.5) == -1);
    REQUIRE(big_compare_double(I(-2), -2.5) == 1);
    REQUIRE(big_compare_double(I(-3), -2.5) == -1);
    REQUIRE(big_compare_double(pow2(2000), HUGE_VAL) == -1);
    REQUIRE(big_compare_double(big_negate(pow2(2000)), -HUGE_VAL) == 1);
    REQUIRE(big_compare_double(big_add(pow2(53), I(1)), 9007199254740992.0) == 1);
}

// ---- bits ----

TEST_CASE("bigint: bitwise ops on negatives and shifts match CPython", "[bigint]") {
    BigInt p100 = pow2(100), t50 = ipow(3, 50);
    REQUIRE(S(big_and(p100, big_negate(t50)), 16) == "10000000000000000000000000");
    REQUIRE(S(big_or(big_negate(p100), t50)) == "-1267649882330241709644114435127");
    REQUIRE(S(big_xor(big_sub(big_negate(p100), I(7)), big_negate(t50))) ==
            "1267651318126217093349291975630");
    REQUIRE(S(big_invert(p100)) == "-1267650600228229401496703205377");
    REQUIRE(S(big_shr(big_sub(big_negate(p100), I(1)), 3)) == "-158456325028528675187087900673");
    REQUIRE(big_shr(big_negate(p100), 100) == I(-1));
    REQUIRE(big_shr(big_sub(big_negate(p100), I(1)), 100) == I(-2));
    REQUIRE(big_shr(big_negate(t50), 1000) == I(-1));
    REQUIRE(big_shr(t50, 1000) == I(0));
    REQUIRE(big_shr(I(-1), UINT64_MAX) == I(-1));
    REQUIRE(big_shl(I(0), 1000) == I(0));
    REQUIRE(big_and(I(-1), t50) == t50);
    REQUIRE(big_or(I(-1), t50) == I(-1));
    REQUIRE(big_xor(t50, t50) == I(0));
    REQUIRE(big_and(big_negate(pow2(64)), big_negate(pow2(32))) == big_negate(pow2(64)));
    REQUIRE(big_invert(I(-1)) == I(0));
    REQUIRE(big_bit_length(I(0)) == 0);
    REQUIRE(big_bit_length(I(-255)) == 8);
    REQUIRE(big_bit_length(pow2(100)) == 101);
    REQUIRE(big_bit_count(big_sub(pow2(100), I(1))) == 100);
    REQUIRE(big_bit_count(I(-5)) == 2);
}

// ---- powers, gcd, isqrt ----

TEST_CASE("bigint: pow, modular pow, gcd and isqrt", "[bigint]") {
    REQUIRE(big_pow(I(0), 0) == I(1));
    REQUIRE(big_pow(I(0), 5) == I(0));
    REQUIRE(big_pow(I(-1), 7) == I(-1));
    REQUIRE(big_pow(I(-2), 64) == pow2(64));
    REQUIRE(big_pow(I(-2), 63) == I(INT64_MIN));
    REQUIRE(big_pow(I(10), 30) == B("1000000000000000000000000000000"));
    REQUIRE(big_pow(I(-7), 3) == I(-343));
    BigInt x = B("12345678901234567890");
    REQUIRE(big_pow(x, 3) == big_mul(x, big_mul(x, x)));

    BigInt r;
    REQUIRE(big_powmod(I(3), ipow(10, 30), I(1000000007), &r));
    REQUIRE(r == I(965115194));
    REQUIRE(big_powmod(big_add(pow2(100), I(1)), I(-1), ipow(3, 60), &r));
    REQUIRE(S(r) == "23494492402910722440830889980");
    REQUIRE(big_powmod(I(-5), big_add(pow2(70), I(3)), big_negate(big_sub(pow2(89), I(1))), &r));
    REQUIRE(S(r) == "-295777406840685793639365833");
    REQUIRE(big_powmod(I(2), I(3), I(-5), &r));
    REQUIRE(r == I(-2));
    REQUIRE(big_powmod(I(3), I(-1), I(-7), &r));
    REQUIRE(r == I(-2));
    REQUIRE(big_powmod(I(0), I(-1), I(1), &r));  // modulus 1 wins over "not invertible"
    REQUIRE(r == I(0));
    REQUIRE_FALSE(big_powmod(I(2), I(-1), I(4), &r));
    REQUIRE_FALSE(big_powmod(I(0), I(-3), I(7), &r));
    REQUIRE(big_powmod(I(5), I(0), I(7), &r));
    REQUIRE(r == I(1));

    REQUIRE(S(big_gcd(big_mul(pow2(100), ipow(3, 40)), big_mul(ipow(6, 70), I(5)))) ==
            "14353237968448109868972222216943775514624");
    REQUIRE(big_gcd(I(0), I(0)) == I(0));
    REQUIRE(big_gcd(I(-12), I(0)) == I(12));
    REQUIRE(big_gcd(I(-12), I(-18)) == I(6));

    REQUIRE(S(big_isqrt(ipow(10, 101))) == "316227766016837933199889354443271853371955513932521");
    REQUIRE(S(big_isqrt(big_sub(pow2(200), I(1)))) == "1267650600228229401496703205375");
    REQUIRE(big_isqrt(pow2(200)) == pow2(100));
    REQUIRE(big_isqrt(I(0)) == I(0));
    Rng rng{99};
    for (int i = 0; i < 200; i++) {
        BigInt n = big_abs(random_big(rng, 1 + rng.next() % 5000));
        BigInt s = big_isqrt(n), s1 = big_add(s, I(1));
        REQUIRE(big_compare(big_mul(s, s), n) <= 0);
        REQUIRE(big_compare(big_mul(s1, s1), n) > 0);
    }
}

// ---- hashing ----

TEST_CASE("bigint: hash equals CPython's hash()", "[bigint]") {
    REQUIRE(big_hash(big_sub(pow2(61), I(1))) == 0);
    REQUIRE(big_hash(I(-1)) == -2);
    REQUIRE(hash_int64(-1) == -2);
    REQUIRE(hash_int64(-2) == -2);
    REQUIRE(hash_int64(0) == 0);
    REQUIRE(big_hash(pow2(100)) == 549755813888);
    REQUIRE(big_hash(big_negate(pow2(100))) == -549755813888);
    REQUIRE(big_hash(ipow(3, 100)) == 1175369268131054105);
    REQUIRE(big_hash(pow2(61)) == 1);
    REQUIRE(big_hash(big_negate(pow2(61))) == -2);
    REQUIRE(big_hash(pow2(63)) == 4);
    REQUIRE(big_hash(big_negate(pow2(63))) == -4);
    REQUIRE(big_hash(big_negate(big_sub(pow2(61), I(2)))) == -2305843009213693950);
}

// ---- text ----

TEST_CASE("bigint: strings round-trip in every base", "[bigint]") {
    REQUIRE(S(I(-255), 16) == "-ff");
    REQUIRE(S(I(8), 8) == "10");
    REQUIRE(S(I(5), 2) == "101");
    REQUIRE(S(I(0), 2) == "0");
    REQUIRE(S(I(35), 36) == "z");
    REQUIRE(S(pow2(64), 16) == "10000000000000000");
    REQUIRE(S(big_sub(pow2(100), I(1)), 8) == "1" + std::string(33, '7'));
    REQUIRE(S(ipow(10, 27)) == "1" + std::string(27, '0'));
    Rng rng{5};
    for (int base = 2; base <= 36; base++) {
        for (int i = 0; i < 30; i++) {
            BigInt a = random_big(rng, rng.next() % 700);
            BigInt back;
            REQUIRE(big_from_string(S(a, base), base, &back));
            REQUIRE(back == a);
        }
    }
    BigInt v;
    REQUIRE(big_from_string("DeadBeef", 16, &v));
    REQUIRE(v == I(0xdeadbeef));
    REQUIRE(big_from_string("+0007", 10, &v));
    REQUIRE(v == I(7));
    REQUIRE(big_from_string("-0", 10, &v));
    REQUIRE(v == I(0));
    REQUIRE_FALSE(v.neg);
    REQUIRE(big_from_string("Z", 36, &v));
    REQUIRE(v == I(35));
    REQUIRE(big_from_string("-777777777777777777777777", 8, &v));
    REQUIRE(v == big_negate(big_sub(pow2(72), I(1))));
    REQUIRE(big_from_string("11111111111111111111111111111111111111111111111111111111111111111", 2, &v));
    REQUIRE(v == big_sub(pow2(65), I(1)));
    v = I(123);
    REQUIRE_FALSE(big_from_string("12a", 10, &v));
    REQUIRE_FALSE(big_from_string("", 10, &v));
    REQUIRE_FALSE(big_from_string("-", 10, &v));
    REQUIRE_FALSE(big_from_string("z", 35, &v));
    REQUIRE_FALSE(big_from_string("102", 2, &v));
    REQUIRE_FALSE(big_from_string("1_000", 10, &v));
    REQUIRE_FALSE(big_from_string(" 1", 10, &v));
    REQUIRE(v == I(123));  // untouched on failure
}

TEST_CASE("bigint: CPython's 4300-digit limit", "[bigint]") {
    const uint64_t lim = kBigDefaultMaxStrDigits;
    BigInt p = ipow(10, lim);
    REQUIRE_FALSE(big_str_digits_exceed(big_sub(p, I(1)), lim));
    REQUIRE_FALSE(big_str_digits_exceed(big_negate(big_sub(p, I(1))), lim));
    REQUIRE(big_str_digits_exceed(p, lim));
    REQUIRE(big_str_digits_exceed(big_negate(p), lim));
    REQUIRE_FALSE(big_str_digits_exceed(p, 0));  // 0 = unlimited
    REQUIRE_FALSE(big_str_digits_exceed(I(0), 1));
    REQUIRE(big_str_digits_exceed(I(10), 1));
    REQUIRE(big_str_digits_exceed(pow2(100000), lim));
    REQUIRE_FALSE(big_str_digits_exceed(pow2(1000), lim));
    REQUIRE(big_parse_digits_exceed(4301, 10, lim));
    REQUIRE_FALSE(big_parse_digits_exceed(4300, 10, lim));
    REQUIRE(big_parse_digits_exceed(5000, 3, lim));
    REQUIRE_FALSE(big_parse_digits_exceed(5000, 16, lim));
    REQUIRE_FALSE(big_parse_digits_exceed(5000, 10, 0));
    REQUIRE(big_str_limit_message(lim) ==
            "Exceeds the limit (4300 digits) for integer string conversion; "
            "use sys.set_int_max_str_digits() to increase the limit");
    REQUIRE(big_parse_limit_message(lim, 5000) ==
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
            "use sys.set_int_max_str_digits() to increase the limit");
}

TEST_CASE("bigint: result size estimates bound the real sizes", "[bigint]") {
    REQUIRE(big_pow_result_bits(I(10), 1000) >= big_bit_length(ipow(10, 1000)));
    REQUIRE(big_pow_result_bits(I(-1), UINT64_MAX) == 1);
    REQUIRE(big_pow_result_bits(pow2(100), UINT64_MAX / 2) == UINT64_MAX);
    REQUIRE(big_shl_result_bits(I(3), 100) == 102);
    REQUIRE(big_shl_result_bits(I(0), UINT64_MAX) == 0);
    REQUIRE(big_shl_result_bits(I(1), UINT64_MAX) == UINT64_MAX);
    REQUIRE(big_mul_result_bits(pow2(100), pow2(50)) >= big_bit_length(pow2(150)));
}
