// str_methods.cpp — the slots and methods of str (searching, splitting, case mapping, classification,
// padding, encoding) and the str iterators. Formatting (str.format, %, __format__) lives in str_format.cpp.
//
// Used by: every Python program through the slots set in init_str_methods. Strings are UTF-8 with a
// code-point length (StrObject). Searching works on bytes (UTF-8 is self-synchronizing, so a byte match of
// valid UTF-8 is a code-point match) and converts offsets only at the edges; ASCII strings take byte fast
// paths throughout.
//
// Unicode coverage: simple (one-to-one) case mappings for ASCII, Latin-1, Latin Extended-A/B, Latin Extended
// Additional, Greek and Greek Extended, Cyrillic, Armenian and fullwidth Latin; the full mappings of
// SpecialCasing for the characters in kSpecialCases (ß, İ, ŉ, ǰ, ΐ, ΰ, և, ẖ..ẚ, ẞ and the Latin ligatures);
// Greek final sigma in lower() (without skipping case-ignorable characters). Letter, digit and numeric
// tests cover those scripts and the major blocks of others (Hebrew, Arabic, Devanagari, Thai, CJK, kana,
// Hangul); other code points count as non-letters. An approximation of the Unicode database, by design.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slice.h"

namespace krait {

Value str_mod(Value fmt, Value args); // str_format.cpp
void init_str_format();               // str_format.cpp

namespace {

StrObject* s_index;
TypeObject* t_str_iterator;
TypeObject* t_str_ascii_iterator;

// ---- Unicode approximations ----

struct Range {
    uint32_t lo, hi;
};

bool in_ranges(uint32_t c, const Range* r, size_t n) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

const Range kAlpha[] = {
    {0x41, 0x5A},     {0x61, 0x7A},       {0xAA, 0xAA},     {0xB5, 0xB5},     {0xBA, 0xBA},
    {0xC0, 0xD6},     {0xD8, 0xF6},       {0xF8, 0x2C1},    {0x2C6, 0x2D1},   {0x2E0, 0x2E4},
    {0x370, 0x374},   {0x376, 0x377},     {0x37A, 0x37D},   {0x37F, 0x37F},   {0x386, 0x386},
    {0x388, 0x38A},   {0x38C, 0x38C},     {0x38E, 0x3A1},   {0x3A3, 0x3F5},   {0x3F7, 0x481},
    {0x48A, 0x52F},   {0x531, 0x556},     {0x560, 0x588},   {0x5D0, 0x5EA},   {0x620, 0x64A},
    {0x671, 0x6D3},   {0x904, 0x939},     {0x958, 0x961},   {0xE01, 0xE30},   {0x10A0, 0x10FF},
    {0x1E00, 0x1F15}, {0x1F18, 0x1F1D},   {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F7D},
    {0x1F80, 0x1FBC}, {0x3041, 0x3096},   {0x30A1, 0x30FA}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
    {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},   {0xFB00, 0xFB06}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A},
    {0xFF66, 0xFF9D}, {0x20000, 0x2FA1F},
};

const Range kDecimal[] = {
    {0x30, 0x39},   {0x660, 0x669}, {0x6F0, 0x6F9},   {0x966, 0x96F},
    {0x9E6, 0x9EF}, {0xE50, 0xE59}, {0xFF10, 0xFF19}, {0x1D7CE, 0x1D7FF},
};

// Digits that are not decimal: superscripts, subscripts, circled digits.
const Range kDigitExtra[] = {
    {0xB2, 0xB3},     {0xB9, 0xB9},     {0x2070, 0x2070}, {0x2074, 0x2079}, {0x2080, 0x2089},
    {0x2460, 0x2468}, {0x2474, 0x247C}, {0x2488, 0x2490}, {0x2776, 0x277E},
};

// Numeric characters that are not digits: vulgar fractions, number forms, CJK numerals.
const Range kNumericExtra[] = {
    {0xBC, 0xBE},     {0x2150, 0x2189}, {0x2469, 0x2473}, {0x247D, 0x2487}, {0x2491, 0x249B},
    {0x3007, 0x3007}, {0x3021, 0x3029}, {0x4E00, 0x4E00}, {0x4E03, 0x4E03}, {0x4E07, 0x4E07},
    {0x4E09, 0x4E09}, {0x4E5D, 0x4E5D}, {0x4E8C, 0x4E8C}, {0x4E94, 0x4E94}, {0x5104, 0x5104},
    {0x5141, 0x5141}, {0x516B, 0x516B}, {0x516D, 0x516D}, {0x5341, 0x5341}, {0x5343, 0x5343},
    {0x56DB, 0x56DB}, {0x767E, 0x767E}, {0x96F6, 0x96F6},
};

#define RANGES(t) t, sizeof(t) / sizeof(t[0])

bool u_isspace(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
bool u_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return in_ranges(c, RANGES(kAlpha));
}
bool u_isdecimal(uint32_t c) {
    return c < 0x80 ? c >= '0' && c <= '9' : in_ranges(c, RANGES(kDecimal));
}
bool u_isdigit(uint32_t c) {
    return u_isdecimal(c) || (c >= 0x80 && in_ranges(c, RANGES(kDigitExtra)));
}
bool u_isnumeric(uint32_t c) {
    return u_isdigit(c) || (c >= 0x80 && in_ranges(c, RANGES(kNumericExtra)));
}
bool u_isalnum(uint32_t c) {
    return u_isalpha(c) || u_isnumeric(c);
}

bool u_isprintable(uint32_t c) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0xAD) return false;
    if (c < 0x2000) return c != 0x1680;
    if (c <= 0x200F || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F)) return false;
    if (c == 0x3000 || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB)) return false;
    return !((c >= 0xD800 && c <= 0xF8FF) || c >= 0xF0000);
}

// Pairs laid out as (upper, lower) at even/odd (or odd/even) code points.
int32_t pair_delta(uint32_t c, bool to_lower) {
    struct PairRange {
        uint32_t lo, hi;
        bool upper_even;
    };
    static const PairRange pairs[] = {
        {0x100, 0x12F, true},   {0x132, 0x137, true},   {0x139, 0x148, false}, {0x14A, 0x177, true},
        {0x179, 0x17E, false},  {0x1CD, 0x1DC, false},  {0x1DE, 0x1EF, true},  {0x1F4, 0x1F5, true},
        {0x1F8, 0x21F, true},   {0x222, 0x233, true},   {0x246, 0x24F, true},  {0x3D8, 0x3EF, true},
        {0x460, 0x481, true},   {0x48A, 0x4BF, true},   {0x4C1, 0x4CE, false}, {0x4D0, 0x52F, true},
        {0x1E00, 0x1E95, true}, {0x1EA0, 0x1EFF, true},
    };
    for (const PairRange& p : pairs) {
        if (c < p.lo || c > p.hi) continue;
        bool is_upper = ((c & 1) == 0) == p.upper_even;
        if (to_lower) return is_upper ? 1 : 0;
        return is_upper ? 0 : -1;
    }
    return 0;
}

// Greek Extended (U+1F00..U+1FFF): runs of code points whose simple case mapping adds `delta`.
struct DeltaRun {
    uint32_t lo, hi;
    int32_t delta;
};
const DeltaRun kGreekExtLower[] = {
    {0x1F08, 0x1F0F, -8},   {0x1F18, 0x1F1D, -8},   {0x1F28, 0x1F2F, -8},  {0x1F38, 0x1F3F, -8},
    {0x1F48, 0x1F4D, -8},   {0x1F59, 0x1F59, -8},   {0x1F5B, 0x1F5B, -8},  {0x1F5D, 0x1F5D, -8},
    {0x1F5F, 0x1F5F, -8},   {0x1F68, 0x1F6F, -8},   {0x1F88, 0x1F8F, -8},  {0x1F98, 0x1F9F, -8},
    {0x1FA8, 0x1FAF, -8},   {0x1FB8, 0x1FB9, -8},   {0x1FBA, 0x1FBB, -74}, {0x1FBC, 0x1FBC, -9},
    {0x1FC8, 0x1FCB, -86},  {0x1FCC, 0x1FCC, -9},   {0x1FD8, 0x1FD9, -8},  {0x1FDA, 0x1FDB, -100},
    {0x1FE8, 0x1FE9, -8},   {0x1FEA, 0x1FEB, -112}, {0x1FEC, 0x1FEC, -7},  {0x1FF8, 0x1FF9, -128},
    {0x1FFA, 0x1FFB, -126}, {0x1FFC, 0x1FFC, -9},
};
const DeltaRun kGreekExtUpper[] = {
    {0x1F00, 0x1F07, 8},   {0x1F10, 0x1F15, 8},     {0x1F20, 0x1F27, 8},   {0x1F30, 0x1F37, 8},
    {0x1F40, 0x1F45, 8},   {0x1F51, 0x1F51, 8},     {0x1F53, 0x1F53, 8},   {0x1F55, 0x1F55, 8},
    {0x1F57, 0x1F57, 8},   {0x1F60, 0x1F67, 8},     {0x1F70, 0x1F71, 74},  {0x1F72, 0x1F75, 86},
    {0x1F76, 0x1F77, 100}, {0x1F78, 0x1F79, 128},   {0x1F7A, 0x1F7B, 112}, {0x1F7C, 0x1F7D, 126},
    {0x1FB0, 0x1FB1, 8},   {0x1FBE, 0x1FBE, -7205}, {0x1FD0, 0x1FD1, 8},   {0x1FE0, 0x1FE1, 8},
    {0x1FE5, 0x1FE5, 7},
};

template <size_t N>
uint32_t apply_runs(const DeltaRun (&runs)[N], uint32_t c) {
    for (const DeltaRun& r : runs)
        if (c >= r.lo && c <= r.hi) return (uint32_t)((int32_t)c + r.delta);
    return c;
}

// Characters whose title, upper or casefold form is several characters (CPython's SpecialCasing subset).
struct SpecialCase {
    uint32_t cp;
    const char* title;
    const char* upper;
    const char* fold;
};
const SpecialCase kSpecialCases[] = {
    {0xDF, "Ss", "SS", "ss"},
    {0x149, "\xca\xbcN", "\xca\xbcN", "\xca\xbcn"},
    {0x1F0, "J\xcc\x8c", "J\xcc\x8c", "j\xcc\x8c"},
    {0x390, "\xce\x99\xcc\x88\xcc\x81", "\xce\x99\xcc\x88\xcc\x81", "\xce\xb9\xcc\x88\xcc\x81"},
    {0x3B0, "\xce\xa5\xcc\x88\xcc\x81", "\xce\xa5\xcc\x88\xcc\x81", "\xcf\x85\xcc\x88\xcc\x81"},
    {0x587, "\xd4\xb5\xd6\x82", "\xd4\xb5\xd5\x92", "\xd5\xa5\xd6\x82"},
    {0x1E96, "H\xcc\xb1", "H\xcc\xb1", "h\xcc\xb1"},
    {0x1E97, "T\xcc\x88", "T\xcc\x88", "t\xcc\x88"},
    {0x1E98, "W\xcc\x8a", "W\xcc\x8a", "w\xcc\x8a"},
    {0x1E99, "Y\xcc\x8a", "Y\xcc\x8a", "y\xcc\x8a"},
    {0x1E9A, "A\xca\xbe", "A\xca\xbe", "a\xca\xbe"},
    {0x1E9E, "\xe1\xba\x9e", "\xe1\xba\x9e", "ss"},
    {0xFB00, "Ff", "FF", "ff"},
    {0xFB01, "Fi", "FI", "fi"},
    {0xFB02, "Fl", "FL", "fl"},
    {0xFB03, "Ffi", "FFI", "ffi"},
    {0xFB04, "Ffl", "FFL", "ffl"},
    {0xFB05, "St", "ST", "st"},
    {0xFB06, "St", "ST", "st"},
};

const SpecialCase* special_case(uint32_t c) {
    if (c < 0xDF) return nullptr;
    for (const SpecialCase& sc : kSpecialCases)
        if (sc.cp == c) return &sc;
    return nullptr;
}

// The Latin digraphs DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz come in threes (upper, title, lower): the
// position of c in its triple, or -1.
int digraph_index(uint32_t c) {
    if (c >= 0x1C4 && c <= 0x1CC) return (int)((c - 0x1C4) % 3);
    if (c >= 0x1F1 && c <= 0x1F3) return (int)(c - 0x1F1);
    return -1;
}

// Simple lowercase mapping.
uint32_t u_lower(uint32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c < 0x100) return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    if (c == 0x130) return 'i';
    if (c == 0x178) return 0xFF;
    if (int d = digraph_index(c); d >= 0) return c - d + 2;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if ((c >= 0x391 && c <= 0x3A1) || (c >= 0x3A3 && c <= 0x3AB)) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c == 0x4C0) return 0x4CF;
    if (c >= 0x531 && c <= 0x556) return c + 48;
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;
    if (c >= 0x1F00 && c <= 0x1FFF) return apply_runs(kGreekExtLower, c);
    if (c == 0x1E9E) return 0xDF;
    return c + pair_delta(c, true);
}

// Simple uppercase (and titlecase) mapping.
uint32_t u_upper(uint32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (c < 0x100) {
        if (c == 0xB5) return 0x39C;
        if (c == 0xFF) return 0x178;
        return (c >= 0xE0 && c <= 0xFE && c != 0xF7) ? c - 32 : c;
    }
    if (c == 0x131) return 'I';
    if (c == 0x17F) return 'S';
    if (int d = digraph_index(c); d >= 0) return c - d;
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 37;
    if (c == 0x3CC) return 0x38C;
    if (c == 0x3CD || c == 0x3CE) return c - 63;
    if (c == 0x3C2) return 0x3A3;
    if ((c >= 0x3B1 && c <= 0x3C1) || (c >= 0x3C3 && c <= 0x3CB)) return c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    if (c == 0x4CF) return 0x4C0;
    if (c >= 0x561 && c <= 0x586) return c - 48;
    if (c >= 0xFF41 && c <= 0xFF5A) return c - 32;
    if (c >= 0x1F00 && c <= 0x1FFF) return apply_runs(kGreekExtUpper, c);
    return c + pair_delta(c, false);
}

bool u_istitlecase(uint32_t c) {
    return digraph_index(c) == 1;
}
bool u_isupper(uint32_t c) {
    return u_lower(c) != c && !u_istitlecase(c);
}
bool u_islower(uint32_t c) {
    if (u_istitlecase(c)) return false;
    if (u_upper(c) != c || c == 0x138 || c == 0xAA || c == 0xBA) return true;
    return special_case(c) && c != 0x1E9E;
}
bool u_iscased(uint32_t c) {
    return u_isupper(c) || u_islower(c) || u_istitlecase(c);
}
// Titlecase mapping: the digraphs have their own title form, everything else maps as upper.
uint32_t u_title(uint32_t c) {
    int d = digraph_index(c);
    return d >= 0 ? c - d + 1 : u_upper(c);
}

// ---- UTF-8 helpers ----

StrObject* SO(Value v) {
    return as<StrObject>(v);
}

std::vector<uint32_t> decode(std::string_view s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t len;
        out.push_back(utf8_decode(s.data() + i, &len));
        i += len;
    }
    return out;
}

size_t cp_count(const char* p, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
    return k;
}

size_t cp_to_byte(StrObject* s, int64_t cp) {
    return s->ascii ? (size_t)cp : str_byte_offset(s, cp);
}
int64_t byte_to_cp(StrObject* s, size_t b) {
    return s->ascii ? (int64_t)b : (int64_t)cp_count(s->data, b);
}

// Returns self for an exact str whose text did not change (as CPython does), else a new str.
Value result_str(Value self, const std::string& text) {
    if (type_of(self) == T.t_str && text.size() == SO(self)->nbytes &&
        memcmp(text.data(), SO(self)->data, text.size()) == 0)
        return self;
    return str_new(text);
}

Value empty_str() {
    return val(intern(""));
}

// A str of type `cls` (a subclass of str) holding `text`.
Value str_of_type(TypeObject* cls, std::string_view text) {
    if (cls == T.t_str) return str_new(text);
    auto* s = gc_new<StrObject>(cls, Kind::Str, text.size());
    if (!s) return raise_no_memory();
    s->hash = -1;
    s->nbytes = text.size();
    memcpy(s->data, text.data(), text.size());
    str_finish(s);
    return val(s);
}

// ---- argument helpers ----

template <NativeFn F>
Value STR(Value* args, size_t nargs, TupleObject* kw) {
    if (nargs == 0 || !is_kind(args[0], Kind::Str)) {
        if (nargs == 0) return raise(T.e_TypeError, "unbound method of 'str' objects needs an argument");
        return raise(T.e_TypeError, "descriptor for 'str' objects doesn't apply to a '%s' object",
                     type_name(args[0]));
    }
    return F(args, nargs, kw);
}

bool need_str(Value v, const char* prefix) {
    if (is_kind(v, Kind::Str)) return true;
    raise(T.e_TypeError, "%smust be str, not %s", prefix, type_name(v));
    return false;
}

// An optional start/end argument (None, an int, or an __index__ object; huge ints clamp).
bool opt_index(Value v, int64_t* out) {
    if (val_is_null(v) || val_is_none(v)) return true;
    if (is_kind(v, Kind::BigInt)) {
        *out = as<BigIntObject>(v)->value.neg ? INT64_MIN : INT64_MAX;
        return true;
    }
    if (val_is_int(v) || val_is_bool(v) || (val_is_obj(v) && !val_is_null(type_lookup(type_of(v), s_index))))
        return index_of(v, out);
    raise(T.e_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
}

// CPython's ADJUST_INDICES for start/end against a length in code points.
void adjust_indices(int64_t* start, int64_t* end, int64_t len) {
    if (*end > len)
        *end = len;
    else if (*end < 0 && (*end += len) < 0)
        *end = 0;
    if (*start < 0 && (*start += len) < 0) *start = 0;
}

// The (sub, start, end) arguments of find/count/index...: parsed, adjusted, and turned into byte offsets.
struct SubRange {
    int64_t start, end;  // code points, adjusted
    size_t bstart, bend; // the same as byte offsets (bend < bstart means an empty range)
};

bool parse_range(StrObject* s, Value* args, size_t nargs, size_t first, SubRange* r) {
    r->start = 0;
    r->end = INT64_MAX;
    if (nargs > first && !opt_index(args[first], &r->start)) return false;
    if (nargs > first + 1 && !opt_index(args[first + 1], &r->end)) return false;
    adjust_indices(&r->start, &r->end, (int64_t)s->length);
    r->bstart = r->start <= (int64_t)s->length ? cp_to_byte(s, r->start) : s->nbytes + 1;
    r->bend = r->end >= r->start ? cp_to_byte(s, r->end) : 0;
    return true;
}

// ---- slots ----

Value str_repr_slot(Value self) {
    return str_repr(SO(self));
}

Value str_str_slot(Value self) {
    return type_of(self) == T.t_str ? self : str_new(SO(self)->view());
}

bool str_hash_slot(Value self, int64_t* out) {
    *out = str_hash(SO(self));
    return true;
}

Value str_richcompare(Value self, Value other, CmpOpT op) {
    if (!is_kind(other, Kind::Str)) return g_not_implemented;
    StrObject* a = SO(self);
    StrObject* b = SO(other);
    if (op == CmpOpT::EQ) return val_from_bool(str_eq(a, b));
    if (op == CmpOpT::NE) return val_from_bool(!str_eq(a, b));
    int c = str_compare(a, b);
    switch (op) {
    case CmpOpT::LT: return val_from_bool(c < 0);
    case CmpOpT::LE: return val_from_bool(c <= 0);
    case CmpOpT::GT: return val_from_bool(c > 0);
    default: return val_from_bool(c >= 0);
    }
}

// `str * n`: OverflowError when the byte count overflows, MemoryError when merely too large.
Value str_times(Value s, Value count) {
    int64_t n;
    if (is_kind(count, Kind::BigInt)) {
        const BigInt& b = as<BigIntObject>(count)->value;
        if (b.neg) return empty_str();
        if (!big_fits_int64(b))
            return raise(T.e_OverflowError, "cannot fit 'int' into an index-sized integer");
        n = big_to_int64(b);
    } else if (!index_of(count, &n)) {
        return VAL_NULL;
    }
    size_t nb = SO(s)->nbytes;
    if (n > 0 && nb > 0 && (uint64_t)n > (uint64_t)INT64_MAX / nb)
        return raise(T.e_OverflowError, "repeated string is too long");
    if (n == 1 && type_of(s) != T.t_str) return str_new(SO(s)->view());
    return str_repeat(s, n);
}

bool is_index_like(Value v) {
    return val_is_int(v) || val_is_bool(v) || is_kind(v, Kind::BigInt) ||
           (val_is_obj(v) && !val_is_null(type_lookup(type_of(v), s_index)));
}

Value str_binop(Value self, Value other, BinOpT op, bool reflected) {
    switch (op) {
    case BinOpT::Add:
        if (!is_kind(other, Kind::Str)) return g_not_implemented;
        return reflected ? str_concat(other, self) : str_concat(self, other);
    case BinOpT::Mul:
        if (is_index_like(other)) return str_times(self, other);
        if (!reflected) {
            TypeObject* ot = type_of(other);
            if (ot->binop && ot != type_of(self)) {
                Value r = ot->binop(other, self, op, true);
                if (!val_same(r, g_not_implemented)) return r;
            }
        }
        return raise(T.e_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(other));
    case BinOpT::Mod: return reflected ? g_not_implemented : str_mod(self, other);
    default: return g_not_implemented;
    }
}

Value str_getslice(StrObject* s, Value key) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, (int64_t)s->length, &start, &stop, &step, &n)) return VAL_NULL;
    if (step == 1) return n <= 0 ? empty_str() : str_substr(s, start, start + n);
    if (n <= 0) return empty_str();
    std::string out;
    if (s->ascii) {
        out.resize((size_t)n);
        for (int64_t k = 0; k < n; k++) out[(size_t)k] = s->data[start + k * step];
        return str_new(out);
    }
    std::vector<uint32_t> cps = decode(s->view());
    for (int64_t k = 0; k < n; k++) utf8_append(out, cps[(size_t)(start + k * step)]);
    return str_new(out);
}

Value str_getitem(Value self, Value key) {
    StrObject* s = SO(self);
    int64_t i;
    switch (seq_key(key, &i)) {
    case SeqKey::Index:
        if (!seq_normalize(&i, (int64_t)s->length)) return raise(T.e_IndexError, "string index out of range");
        return str_char_at(s, i);
    case SeqKey::Slice: return str_getslice(s, key);
    case SeqKey::BadType:
        return raise(T.e_TypeError, "string indices must be integers, not '%s'", type_name(key));
    case SeqKey::Error: break;
    }
    return VAL_NULL;
}

bool str_len(Value self, int64_t* out) {
    *out = (int64_t)SO(self)->length;
    return true;
}

int str_truth(Value self) {
    return SO(self)->nbytes != 0;
}

int str_contains(Value self, Value item) {
    if (!is_kind(item, Kind::Str)) {
        raise(T.e_TypeError, "'in <string>' requires string as left operand, not %s", type_name(item));
        return -1;
    }
    return SO(self)->view().find(SO(item)->view()) != std::string_view::npos;
}

// str_ascii_iterator: `index` is the byte position. str_iterator: `index` is the byte offset of the next code
// point. Both release `src` when exhausted.
Value str_ascii_iter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    StrObject* s = SO(it->src);
    if (it->index < (int64_t)s->nbytes)
        return str_from_codepoint(static_cast<unsigned char>(s->data[it->index++]));
    it->src = VAL_NULL;
    return VAL_NULL;
}

Value str_iter_next(IterObject* it) {
    if (val_is_null(it->src)) return VAL_NULL;
    StrObject* s = SO(it->src);
    if (it->index < (int64_t)s->nbytes) {
        size_t len;
        uint32_t c = utf8_decode(s->data + it->index, &len);
        it->index += (int64_t)len;
        return str_from_codepoint(c);
    }
    it->src = VAL_NULL;
    return VAL_NULL;
}

Value str_iter(Value self) {
    if (SO(self)->ascii) return make_iter(t_str_ascii_iterator, str_ascii_iter_next, self, VAL_NULL, 0, 0, 1);
    return make_iter(t_str_iterator, str_iter_next, self, VAL_NULL, 0, 0, 1);
}

// str(bytes, encoding[, errors]): UTF-8, ASCII and Latin-1 decoding.
Value decode_bytes(Value b, Value encoding, Value errors);

Value str_new_fn(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[3];
    if (!bind_args("str", args, nargs, kwnames, {"object", "encoding", "errors"}, 0, a)) return VAL_NULL;
    Value r;
    if (!val_is_null(a[1]) || !val_is_null(a[2])) {
        r = decode_bytes(val_is_null(a[0]) ? VAL_NULL : a[0], a[1], a[2]);
    } else {
        r = val_is_null(a[0]) ? empty_str() : obj_str(a[0]);
    }
    if (val_is_null(r) || cls == T.t_str) return r;
    Root rr(r);
    return str_of_type(cls, SO(r)->view());
}

// ---- searching ----

// find / rfind / index / rindex: the code point index of sub within [start, end), or -1.
bool search(Value* args, size_t nargs, const char* name, bool reverse, int64_t* out) {
    if (!args_takes(name, nargs - 1, 1, 3) || !need_str(args[1], "")) return false;
    StrObject* s = SO(args[0]);
    std::string_view sub = SO(args[1])->view();
    SubRange r;
    if (!parse_range(s, args, nargs, 2, &r)) return false;
    *out = -1;
    if (r.start > (int64_t)s->length || r.bend < r.bstart || r.bend - r.bstart < sub.size()) return true;
    std::string_view hay(s->data + r.bstart, r.bend - r.bstart);
    size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
    if (pos != std::string_view::npos) *out = byte_to_cp(s, r.bstart + pos);
    return true;
}

Value str_m_find(Value* args, size_t nargs, TupleObject*) {
    int64_t i;
    return search(args, nargs, "find", false, &i) ? int_from_i64(i) : VAL_NULL;
}
Value str_m_rfind(Value* args, size_t nargs, TupleObject*) {
    int64_t i;
    return search(args, nargs, "rfind", true, &i) ? int_from_i64(i) : VAL_NULL;
}
Value str_m_index(Value* args, size_t nargs, TupleObject*) {
    int64_t i;
    if (!search(args, nargs, "index", false, &i)) return VAL_NULL;
    return i < 0 ? raise(T.e_ValueError, "substring not found") : int_from_i64(i);
}
Value str_m_rindex(Value* args, size_t nargs, TupleObject*) {
    int64_t i;
    if (!search(args, nargs, "rindex", true, &i)) return VAL_NULL;
    return i < 0 ? raise(T.e_ValueError, "substring not found") : int_from_i64(i);
}

// Non-overlapping occurrences of sub in text, at most `limit` (negative: unlimited).
int64_t count_in(std::string_view text, std::string_view sub, int64_t limit) {
    int64_t n = 0;
    for (size_t pos = 0; limit < 0 || n < limit; n++) {
        pos = text.find(sub, pos);
        if (pos == std::string_view::npos) break;
        pos += sub.size();
    }
    return n;
}

Value str_m_count(Value* args, size_t nargs, TupleObject*) {
    if (!args_takes("count", nargs - 1, 1, 3) || !need_str(args[1], "")) return VAL_NULL;
    StrObject* s = SO(args[0]);
    StrObject* sub = SO(args[1]);
    SubRange r;
    if (!parse_range(s, args, nargs, 2, &r)) return VAL_NULL;
    if (r.start > (int64_t)s->length || r.end < r.start) return int_from_i64(0);
    if (sub->nbytes == 0) return int_from_i64(r.end - r.start + 1);
    return int_from_i64(count_in(std::string_view(s->data + r.bstart, r.bend - r.bstart), sub->view(), -1));
}

// startswith / endswith with a str or a tuple of strs (CPython's tailmatch, in code points).
Value affix_test(Value* args, size_t nargs, bool ends) {
    const char* name = ends ? "endswith" : "startswith";
    if (!args_takes(name, nargs - 1, 1, 3)) return VAL_NULL;
    StrObject* s = SO(args[0]);
    SubRange r;
    if (!parse_range(s, args, nargs, 2, &r)) return VAL_NULL;
    Value what = args[1];
    bool tuple = is_kind(what, Kind::Tuple);
    if (!tuple && !is_kind(what, Kind::Str))
        return raise(T.e_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                     type_name(what));
    size_t n = tuple ? as<TupleObject>(what)->size : 1;
    for (size_t i = 0; i < n; i++) {
        Value p = tuple ? as<TupleObject>(what)->items[i] : what;
        if (!is_kind(p, Kind::Str))
            return raise(T.e_TypeError, "tuple for %s must only contain str, not %s", name, type_name(p));
        int64_t plen = (int64_t)SO(p)->length;
        if (r.end - plen < r.start) continue;
        if (plen == 0) return VAL_TRUE;
        size_t at = cp_to_byte(s, ends ? r.end - plen : r.start);
        std::string_view pv = SO(p)->view();
        if (at + pv.size() <= s->nbytes && memcmp(s->data + at, pv.data(), pv.size()) == 0) return VAL_TRUE;
    }
    return VAL_FALSE;
}

Value str_m_startswith(Value* args, size_t nargs, TupleObject*) {
    return affix_test(args, nargs, false);
}
Value str_m_endswith(Value* args, size_t nargs, TupleObject*) {
    return affix_test(args, nargs, true);
}

Value str_m_replace(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("replace", nargs - 1, 2, 3)) return VAL_NULL;
    for (int i = 1; i <= 2; i++)
        if (!is_kind(args[i], Kind::Str))
            return raise(T.e_TypeError, "replace() argument %d must be str, not %s", i, type_name(args[i]));
    int64_t limit = -1;
    if (nargs == 4 && !index_of(args[3], &limit)) return VAL_NULL;
    std::string_view s = SO(args[0])->view(), from = SO(args[1])->view(), to = SO(args[2])->view();
    std::string out;
    if (from.empty()) { // insert `to` before every code point and at the end
        int64_t n = 0;
        size_t i = 0;
        for (; i <= s.size() && (limit < 0 || n < limit); n++) {
            out += to;
            if (i == s.size()) {
                i++;
                break;
            }
            size_t len;
            utf8_decode(s.data() + i, &len);
            out.append(s.data() + i, len);
            i += len;
        }
        if (i < s.size()) out.append(s.substr(i));
        return result_str(args[0], out);
    }
    size_t pos = 0;
    for (int64_t n = 0; limit < 0 || n < limit; n++) {
        size_t hit = s.find(from, pos);
        if (hit == std::string_view::npos) break;
        out.append(s.substr(pos, hit - pos));
        out += to;
        pos = hit + from.size();
    }
    out.append(s.substr(pos));
    return result_str(args[0], out);
}

// ---- splitting ----

// Parses (sep=None, maxsplit=-1) for split/rsplit.
bool split_args(Value* args, size_t nargs, TupleObject* kwnames, const char* name, Value* sep,
                int64_t* maxsplit) {
    Value a[2];
    if (!bind_args(name, args + 1, nargs - 1, kwnames, {"sep", "maxsplit"}, 0, a)) return false;
    *sep = val_is_null(a[0]) ? VAL_NONE : a[0];
    if (!val_is_none(*sep)) {
        if (!is_kind(*sep, Kind::Str)) {
            raise(T.e_TypeError, "must be str or None, not %s", type_name(*sep));
            return false;
        }
        if (SO(*sep)->nbytes == 0) {
            raise(T.e_ValueError, "empty separator");
            return false;
        }
    }
    *maxsplit = -1;
    return val_is_null(a[1]) || index_of(a[1], maxsplit);
}

bool push_str(ListObject* l, std::string_view piece) {
    Value v = str_new(piece);
    return !val_is_null(v) && list_append(l, v);
}

// Byte length of the whitespace code point at p, or 0.
size_t space_at(const char* p, size_t avail) {
    unsigned char b = static_cast<unsigned char>(p[0]);
    if (b < 0x80) return u_isspace(b) ? 1 : 0;
    size_t len;
    uint32_t c = utf8_decode(p, &len);
    return len <= avail && u_isspace(c) ? len : 0;
}

// Byte length of the whitespace code point ending at p + end, or 0.
size_t space_before(const char* p, size_t end) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(p[start]) & 0xC0) == 0x80) start--;
    return space_at(p + start, end - start) == end - start ? end - start : 0;
}

Value split_whitespace(std::string_view s, int64_t maxsplit, ListObject* out) {
    size_t i = 0, n = s.size();
    for (int64_t k = 0;; k++) {
        for (size_t w; i < n && (w = space_at(s.data() + i, n - i)) != 0;) i += w;
        if (i == n) break;
        if (maxsplit >= 0 && k == maxsplit) {
            if (!push_str(out, s.substr(i))) return VAL_NULL;
            break;
        }
        size_t j = i;
        while (j < n && space_at(s.data() + j, n - j) == 0) j++;
        if (!push_str(out, s.substr(i, j - i))) return VAL_NULL;
        i = j;
    }
    return val(out);
}

Value rsplit_whitespace(std::string_view s, int64_t maxsplit, ListObject* out) {
    size_t end = s.size();
    for (int64_t k = 0;; k++) {
        for (size_t w; end > 0 && (w = space_before(s.data(), end)) != 0;) end -= w;
        if (end == 0) break;
        if (maxsplit >= 0 && k == maxsplit) {
            if (!push_str(out, s.substr(0, end))) return VAL_NULL;
            break;
        }
        size_t j = end;
        while (j > 0 && space_before(s.data(), j) == 0) {
            j--;
            while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) j--;
        }
        if (!push_str(out, s.substr(j, end - j))) return VAL_NULL;
        end = j;
    }
    std::reverse(out->items, out->items + out->size);
    return val(out);
}

Value str_m_split(Value* args, size_t nargs, TupleObject* kwnames) {
    Value sep;
    int64_t maxsplit;
    if (!split_args(args, nargs, kwnames, "split", &sep, &maxsplit)) return VAL_NULL;
    ListObject* out = list_new(0);
    if (!out) return VAL_NULL;
    Value ov = val(out);
    Root ro(ov);
    std::string_view s = SO(args[0])->view();
    if (val_is_none(sep)) return split_whitespace(s, maxsplit, out);
    std::string_view sp = SO(sep)->view();
    size_t pos = 0;
    for (int64_t k = 0; maxsplit < 0 || k < maxsplit; k++) {
        size_t hit = s.find(sp, pos);
        if (hit == std::string_view::npos) break;
        if (!push_str(out, s.substr(pos, hit - pos))) return VAL_NULL;
        pos = hit + sp.size();
    }
    return push_str(out, s.substr(pos)) ? ov : VAL_NULL;
}

Value str_m_rsplit(Value* args, size_t nargs, TupleObject* kwnames) {
    Value sep;
    int64_t maxsplit;
    if (!split_args(args, nargs, kwnames, "rsplit", &sep, &maxsplit)) return VAL_NULL;
    ListObject* out = list_new(0);
    if (!out) return VAL_NULL;
    Value ov = val(out);
    Root ro(ov);
    std::string_view s = SO(args[0])->view();
    if (val_is_none(sep)) return rsplit_whitespace(s, maxsplit, out);
    std::string_view sp = SO(sep)->view();
    size_t end = s.size();
    for (int64_t k = 0; maxsplit < 0 || k < maxsplit; k++) {
        if (end < sp.size()) break;
        size_t hit = s.substr(0, end).rfind(sp);
        if (hit == std::string_view::npos) break;
        if (!push_str(out, s.substr(hit + sp.size(), end - hit - sp.size()))) return VAL_NULL;
        end = hit;
    }
    if (!push_str(out, s.substr(0, end))) return VAL_NULL;
    std::reverse(out->items, out->items + out->size);
    return ov;
}

// Byte length of the line break at p (\r\n counts as one), or 0.
size_t line_break_at(const char* p, size_t avail) {
    unsigned char b = static_cast<unsigned char>(p[0]);
    if (b == '\r') return avail > 1 && p[1] == '\n' ? 2 : 1;
    if (b == '\n' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1E)) return 1;
    if (b < 0x80) return 0;
    size_t len;
    uint32_t c = utf8_decode(p, &len);
    return c == 0x85 || c == 0x2028 || c == 0x2029 ? len : 0;
}

Value str_m_splitlines(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[1];
    if (!bind_args("splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, 0, a)) return VAL_NULL;
    int keep = val_is_null(a[0]) ? 0 : obj_truth(a[0]);
    if (keep < 0) return VAL_NULL;
    ListObject* out = list_new(0);
    if (!out) return VAL_NULL;
    Value ov = val(out);
    Root ro(ov);
    std::string_view s = SO(args[0])->view();
    size_t start = 0;
    for (size_t i = 0; i < s.size();) {
        size_t br = line_break_at(s.data() + i, s.size() - i);
        if (!br) {
            i++;
            continue;
        }
        if (!push_str(out, s.substr(start, (keep ? i + br : i) - start))) return VAL_NULL;
        i += br;
        start = i;
    }
    if (start < s.size() && !push_str(out, s.substr(start))) return VAL_NULL;
    return ov;
}

// partition / rpartition.
Value partition(Value* args, size_t nargs, bool reverse) {
    if (!args_exact_one(reverse ? "str.rpartition" : "str.partition", nargs - 1) || !need_str(args[1], ""))
        return VAL_NULL;
    std::string_view s = SO(args[0])->view(), sep = SO(args[1])->view();
    if (sep.empty()) return raise(T.e_ValueError, "empty separator");
    size_t hit = reverse ? s.rfind(sep) : s.find(sep);
    Value e = empty_str();
    if (hit == std::string_view::npos)
        return reverse ? tuple_pack({e, e, args[0]}) : tuple_pack({args[0], e, e});
    Value a = str_new(s.substr(0, hit));
    if (val_is_null(a)) return VAL_NULL;
    Root ra(a);
    Value b = str_new(s.substr(hit + sep.size()));
    if (val_is_null(b)) return VAL_NULL;
    return tuple_pack({a, args[1], b});
}

Value str_m_partition(Value* args, size_t nargs, TupleObject*) {
    return partition(args, nargs, false);
}
Value str_m_rpartition(Value* args, size_t nargs, TupleObject*) {
    return partition(args, nargs, true);
}

Value str_m_join(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("str.join", nargs - 1)) return VAL_NULL;
    Value it = args[1];
    if (!is_kind(it, Kind::List) && !is_kind(it, Kind::Tuple) && !type_of(it)->iter && !type_of(it)->getitem)
        return raise(T.e_TypeError, "can only join an iterable");
    return str_join(args[0], it);
}

// ---- stripping ----

// strip / lstrip / rstrip: which = 1 left, 2 right, 3 both.
Value strip(Value* args, size_t nargs, int which) {
    static const char* const names[] = {"", "lstrip", "rstrip", "strip"};
    if (!args_between(names[which], nargs - 1, 0, 1)) return VAL_NULL;
    Value chars = nargs == 2 ? args[1] : VAL_NONE;
    if (!val_is_none(chars) && !is_kind(chars, Kind::Str))
        return raise(T.e_TypeError, "%s arg must be None or str", names[which]);
    std::string_view s = SO(args[0])->view();
    std::vector<uint32_t> set;
    bool ws = val_is_none(chars);
    if (!ws) set = decode(SO(chars)->view());
    auto strippable = [&](uint32_t c) {
        return ws ? u_isspace(c) : std::find(set.begin(), set.end(), c) != set.end();
    };
    size_t i = 0, j = s.size();
    while ((which & 1) && i < j) {
        size_t len;
        uint32_t c = utf8_decode(s.data() + i, &len);
        if (!strippable(c)) break;
        i += len;
    }
    while ((which & 2) && j > i) {
        size_t k = j - 1;
        while (k > i && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) k--;
        size_t len;
        uint32_t c = utf8_decode(s.data() + k, &len);
        if (!strippable(c)) break;
        j = k;
    }
    if (i == 0 && j == s.size() && type_of(args[0]) == T.t_str) return args[0];
    return str_new(s.substr(i, j - i));
}

Value str_m_strip(Value* args, size_t nargs, TupleObject*) {
    return strip(args, nargs, 3);
}
Value str_m_lstrip(Value* args, size_t nargs, TupleObject*) {
    return strip(args, nargs, 1);
}
Value str_m_rstrip(Value* args, size_t nargs, TupleObject*) {
    return strip(args, nargs, 2);
}

Value affix_remove(Value* args, size_t nargs, bool suffix) {
    const char* name = suffix ? "removesuffix" : "removeprefix";
    if (!args_exact_one(suffix ? "str.removesuffix" : "str.removeprefix", nargs - 1)) return VAL_NULL;
    if (!is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "%s() argument must be str, not %s", name, type_name(args[1]));
    std::string_view s = SO(args[0])->view(), a = SO(args[1])->view();
    bool hit =
        suffix ? s.size() >= a.size() && s.substr(s.size() - a.size()) == a : s.substr(0, a.size()) == a;
    if (!hit || a.empty()) return type_of(args[0]) == T.t_str ? args[0] : str_new(s);
    return str_new(suffix ? s.substr(0, s.size() - a.size()) : s.substr(a.size()));
}

Value str_m_removeprefix(Value* args, size_t nargs, TupleObject*) {
    return affix_remove(args, nargs, false);
}
Value str_m_removesuffix(Value* args, size_t nargs, TupleObject*) {
    return affix_remove(args, nargs, true);
}

// ---- case mapping ----

// Greek capital sigma lowers to final sigma at the end of a word (CPython's handle_capital_sigma, without the
// case-ignorable skipping).
uint32_t lower_sigma(const std::vector<uint32_t>& cps, size_t i) {
    bool before = i > 0 && u_iscased(cps[i - 1]);
    bool after = i + 1 < cps.size() && u_iscased(cps[i + 1]);
    return before && !after ? 0x3C2 : 0x3C3;
}

void append_lower(std::string& out, const std::vector<uint32_t>& cps, size_t i) {
    uint32_t c = cps[i];
    if (c == 0x130)
        out += "i\xCC\x87"; // İ -> i + combining dot above
    else
        utf8_append(out, c == 0x3A3 ? lower_sigma(cps, i) : u_lower(c));
}

void append_upper(std::string& out, uint32_t c) {
    if (const SpecialCase* sc = special_case(c))
        out += sc->upper;
    else
        utf8_append(out, u_upper(c));
}

void append_title(std::string& out, uint32_t c) {
    if (const SpecialCase* sc = special_case(c))
        out += sc->title;
    else
        utf8_append(out, u_title(c));
}

enum class CaseOp { Lower, Upper, Swap, Title, Capitalize, Casefold };

// ASCII text maps byte by byte, straight into the new str.
void map_case_ascii(const char* in, char* out, size_t n, CaseOp op) {
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        char c = in[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        switch (op) {
        case CaseOp::Lower:
        case CaseOp::Casefold:
            if (up) c += 32;
            break;
        case CaseOp::Upper:
            if (low) c -= 32;
            break;
        case CaseOp::Swap: c = up ? c + 32 : low ? c - 32 : c; break;
        case CaseOp::Title:
            if (prev_cased && up)
                c += 32;
            else if (!prev_cased && low)
                c -= 32;
            prev_cased = up || low;
            break;
        case CaseOp::Capitalize:
            if (i == 0 && low)
                c -= 32;
            else if (i > 0 && up)
                c += 32;
            break;
        }
        out[i] = c;
    }
}

std::string map_case(std::string_view s, CaseOp op) {
    std::vector<uint32_t> cps = decode(s);
    std::string out;
    out.reserve(s.size());
    bool prev_cased = false;
    for (size_t i = 0; i < cps.size(); i++) {
        uint32_t c = cps[i];
        switch (op) {
        case CaseOp::Lower: append_lower(out, cps, i); break;
        case CaseOp::Upper: append_upper(out, c); break;
        case CaseOp::Swap:
            if (u_isupper(c))
                append_lower(out, cps, i);
            else if (u_islower(c))
                append_upper(out, c);
            else
                utf8_append(out, c);
            break;
        case CaseOp::Title:
            if (prev_cased)
                append_lower(out, cps, i);
            else
                append_title(out, c);
            prev_cased = u_iscased(c);
            break;
        case CaseOp::Capitalize:
            if (i == 0)
                append_title(out, c);
            else
                append_lower(out, cps, i);
            break;
        case CaseOp::Casefold:
            if (const SpecialCase* sc = special_case(c))
                out += sc->fold;
            else if (c == 0x3C2 || c == 0x3A3)
                utf8_append(out, 0x3C3);
            else if (c == 0xB5)
                utf8_append(out, 0x3BC);
            else if (c == 0x17F)
                out += 's';
            else
                append_lower(out, cps, i);
            break;
        }
    }
    return out;
}

template <CaseOp op>
Value str_m_case(Value* args, size_t nargs, TupleObject*) {
    static const char* const names[] = {"str.lower", "str.upper",      "str.swapcase",
                                        "str.title", "str.capitalize", "str.casefold"};
    if (!args_none(names[(int)op], nargs - 1)) return VAL_NULL;
    StrObject* s = SO(args[0]);
    if (!s->ascii) return result_str(args[0], map_case(s->view(), op));
    StrObject* r = str_alloc(s->nbytes);
    if (!r) return VAL_NULL;
    map_case_ascii(s->data, r->data, s->nbytes, op);
    if (type_of(args[0]) == T.t_str && memcmp(r->data, s->data, s->nbytes) == 0) return args[0];
    r->data[s->nbytes] = 0;
    r->ascii = true;
    r->length = s->nbytes;
    return val(r);
}

// ---- classification ----

template <bool (*Pred)(uint32_t)>
Value all_chars(Value* args, size_t nargs, const char* name) {
    if (!args_none(name, nargs - 1)) return VAL_NULL;
    std::string_view s = SO(args[0])->view();
    if (s.empty()) return VAL_FALSE;
    for (size_t i = 0; i < s.size();) {
        size_t len;
        if (!Pred(utf8_decode(s.data() + i, &len))) return VAL_FALSE;
        i += len;
    }
    return VAL_TRUE;
}

Value str_m_isdigit(Value* a, size_t n, TupleObject*) {
    return all_chars<u_isdigit>(a, n, "str.isdigit");
}
Value str_m_isdecimal(Value* a, size_t n, TupleObject*) {
    return all_chars<u_isdecimal>(a, n, "str.isdecimal");
}
Value str_m_isnumeric(Value* a, size_t n, TupleObject*) {
    return all_chars<u_isnumeric>(a, n, "str.isnumeric");
}
Value str_m_isalpha(Value* a, size_t n, TupleObject*) {
    return all_chars<u_isalpha>(a, n, "str.isalpha");
}
Value str_m_isalnum(Value* a, size_t n, TupleObject*) {
    return all_chars<u_isalnum>(a, n, "str.isalnum");
}
Value str_m_isspace(Value* a, size_t n, TupleObject*) {
    return all_chars<u_isspace>(a, n, "str.isspace");
}

Value str_m_isascii(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("str.isascii", nargs - 1)) return VAL_NULL;
    return val_from_bool(SO(args[0])->ascii);
}

Value str_m_isprintable(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("str.isprintable", nargs - 1)) return VAL_NULL;
    std::string_view s = SO(args[0])->view();
    for (size_t i = 0; i < s.size();) {
        size_t len;
        if (!u_isprintable(utf8_decode(s.data() + i, &len))) return VAL_FALSE;
        i += len;
    }
    return VAL_TRUE;
}

// isupper / islower: no cased character of the other kind, and at least one cased character.
Value case_test(Value* args, size_t nargs, bool upper) {
    if (!args_none(upper ? "str.isupper" : "str.islower", nargs - 1)) return VAL_NULL;
    std::string_view s = SO(args[0])->view();
    bool cased = false;
    for (size_t i = 0; i < s.size();) {
        size_t len;
        uint32_t c = utf8_decode(s.data() + i, &len);
        i += len;
        if (upper ? u_islower(c) : u_isupper(c)) return VAL_FALSE;
        cased = cased || (upper ? u_isupper(c) : u_islower(c));
    }
    return val_from_bool(cased);
}

Value str_m_isupper(Value* args, size_t nargs, TupleObject*) {
    return case_test(args, nargs, true);
}
Value str_m_islower(Value* args, size_t nargs, TupleObject*) {
    return case_test(args, nargs, false);
}

Value str_m_istitle(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("str.istitle", nargs - 1)) return VAL_NULL;
    std::string_view s = SO(args[0])->view();
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < s.size();) {
        size_t len;
        uint32_t c = utf8_decode(s.data() + i, &len);
        i += len;
        if (u_isupper(c) || u_istitlecase(c)) {
            if (prev_cased) return VAL_FALSE;
            prev_cased = cased = true;
        } else if (u_islower(c)) {
            if (!prev_cased) return VAL_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return val_from_bool(cased);
}

Value str_m_isidentifier(Value* args, size_t nargs, TupleObject*) {
    if (!args_none("str.isidentifier", nargs - 1)) return VAL_NULL;
    std::vector<uint32_t> cps = decode(SO(args[0])->view());
    if (cps.empty() || !(u_isalpha(cps[0]) || cps[0] == '_')) return VAL_FALSE;
    for (uint32_t c : cps)
        if (!(u_isalnum(c) || c == '_' || (c >= 0x300 && c <= 0x36F))) return VAL_FALSE;
    return VAL_TRUE;
}

// ---- padding ----

// The (width[, fillchar]) arguments of center/ljust/rjust.
bool pad_args(Value* args, size_t nargs, const char* name, int64_t* width, std::string* fill) {
    if (!args_between(name, nargs - 1, 1, 2)) return false;
    if (is_kind(args[1], Kind::BigInt)) {
        raise(T.e_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    if (!index_of(args[1], width)) return false;
    *fill = " ";
    if (nargs == 3) {
        if (!is_kind(args[2], Kind::Str)) {
            raise(T.e_TypeError, "The fill character must be a unicode character, not %s",
                  type_name(args[2]));
            return false;
        }
        if (SO(args[2])->length != 1) {
            raise(T.e_TypeError, "The fill character must be exactly one character long");
            return false;
        }
        *fill = std::string(SO(args[2])->view());
    }
    return true;
}

// Pads self with `left` and `right` copies of fill.
Value pad(Value self, int64_t left, int64_t right, const std::string& fill) {
    if (left <= 0 && right <= 0 && type_of(self) == T.t_str) return self;
    uint64_t total = (uint64_t)(left + right) * fill.size() + SO(self)->nbytes;
    if (total >= ((uint64_t)1 << 31)) return raise_no_memory();
    std::string out;
    out.reserve(total);
    for (int64_t i = 0; i < left; i++) out += fill;
    out += SO(self)->view();
    for (int64_t i = 0; i < right; i++) out += fill;
    return str_new(out);
}

Value str_m_center(Value* args, size_t nargs, TupleObject*) {
    int64_t width;
    std::string fill;
    if (!pad_args(args, nargs, "center", &width, &fill)) return VAL_NULL;
    int64_t marg = width - (int64_t)SO(args[0])->length;
    if (marg <= 0) return pad(args[0], 0, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(args[0], left, marg - left, fill);
}

Value str_m_ljust(Value* args, size_t nargs, TupleObject*) {
    int64_t width;
    std::string fill;
    if (!pad_args(args, nargs, "ljust", &width, &fill)) return VAL_NULL;
    return pad(args[0], 0, width - (int64_t)SO(args[0])->length, fill);
}

Value str_m_rjust(Value* args, size_t nargs, TupleObject*) {
    int64_t width;
    std::string fill;
    if (!pad_args(args, nargs, "rjust", &width, &fill)) return VAL_NULL;
    return pad(args[0], width - (int64_t)SO(args[0])->length, 0, fill);
}

Value str_m_zfill(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("str.zfill", nargs - 1)) return VAL_NULL;
    int64_t width;
    if (!index_of(args[1], &width)) return VAL_NULL;
    StrObject* s = SO(args[0]);
    int64_t fill = width - (int64_t)s->length;
    if (fill <= 0) return type_of(args[0]) == T.t_str ? args[0] : str_new(s->view());
    if (fill >= ((int64_t)1 << 31)) return raise_no_memory();
    std::string_view v = s->view();
    size_t sign = !v.empty() && (v[0] == '+' || v[0] == '-') ? 1 : 0;
    std::string out(v.substr(0, sign));
    out.append((size_t)fill, '0');
    out.append(v.substr(sign));
    return str_new(out);
}

Value str_m_expandtabs(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[1];
    if (!bind_args("expandtabs", args + 1, nargs - 1, kwnames, {"tabsize"}, 0, a)) return VAL_NULL;
    int64_t tab = 8;
    if (!val_is_null(a[0]) && !index_of(a[0], &tab)) return VAL_NULL;
    std::string_view s = SO(args[0])->view();
    if (s.find('\t') == std::string_view::npos) return type_of(args[0]) == T.t_str ? args[0] : str_new(s);
    std::string out;
    int64_t col = 0;
    for (size_t i = 0; i < s.size();) {
        size_t len;
        uint32_t c = utf8_decode(s.data() + i, &len);
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                if ((int64_t)out.size() + n >= ((int64_t)1 << 31)) return raise_no_memory();
                out.append((size_t)n, ' ');
                col += n;
            }
        } else {
            out.append(s.data() + i, len);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
        i += len;
    }
    return str_new(out);
}

// ---- translate / maketrans / encode ----

Value str_m_translate(Value* args, size_t nargs, TupleObject*) {
    if (!args_exact_one("str.translate", nargs - 1)) return VAL_NULL;
    Value table = args[1];
    std::vector<uint32_t> cps = decode(SO(args[0])->view());
    std::string out;
    for (uint32_t c : cps) {
        Value r = obj_getitem(table, int_from_i64(c));
        if (val_is_null(r)) {
            if (!err_matches(T.e_LookupError)) return VAL_NULL;
            err_clear();
            utf8_append(out, c);
            continue;
        }
        if (val_is_none(r)) continue;
        if (is_kind(r, Kind::Str)) {
            out += SO(r)->view();
            continue;
        }
        int64_t x;
        if (!is_int(r)) return raise(T.e_TypeError, "character mapping must return integer, None or str");
        if (!to_int64(r, &x, "mapping") || x < 0 || x > 0x10FFFF)
            return raise(T.e_ValueError, "character mapping must be in range(0x110000)");
        utf8_append(out, (uint32_t)x);
    }
    return result_str(args[0], out);
}

Value str_maketrans(Value* args, size_t nargs, TupleObject*) {
    if (!args_between("maketrans", nargs, 1, 3)) return VAL_NULL;
    DictObject* d = dict_new();
    if (!d) return VAL_NULL;
    Value dv = val(d);
    Root rd(dv);
    if (nargs == 1) {
        if (!is_kind(args[0], Kind::Dict))
            return raise(T.e_TypeError, "if you give only one argument to maketrans it must be a dict");
        Value k, v;
        for (uint32_t pos = 0; dict_next(as<DictObject>(args[0]), &pos, &k, &v);) {
            if (is_kind(k, Kind::Str)) {
                if (SO(k)->length != 1)
                    return raise(T.e_ValueError, "string keys in translate table must be of length 1");
                size_t len;
                k = int_from_i64(utf8_decode(SO(k)->data, &len));
            } else if (!is_int(k)) {
                return raise(T.e_TypeError, "keys in translate table must be strings or integers");
            }
            if (!dict_set(d, k, v)) return VAL_NULL;
        }
        return dv;
    }
    if (!is_kind(args[0], Kind::Str) || !is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "maketrans() argument must be str, not %s",
                     type_name(is_kind(args[0], Kind::Str) ? args[1] : args[0]));
    std::vector<uint32_t> x = decode(SO(args[0])->view()), y = decode(SO(args[1])->view());
    if (x.size() != y.size())
        return raise(T.e_ValueError, "the first two maketrans arguments must have equal length");
    for (size_t i = 0; i < x.size(); i++)
        if (!dict_set(d, int_from_i64(x[i]), int_from_i64(y[i]))) return VAL_NULL;
    if (nargs == 3) {
        if (!is_kind(args[2], Kind::Str))
            return raise(T.e_TypeError, "maketrans() argument 3 must be str, not %s", type_name(args[2]));
        for (uint32_t c : decode(SO(args[2])->view()))
            if (!dict_set(d, int_from_i64(c), VAL_NONE)) return VAL_NULL;
    }
    return dv;
}

// Normalized codec names: 0 utf-8, 1 ascii, 2 latin-1; -1 unknown (LookupError raised).
int codec_of(Value enc) {
    if (val_is_null(enc)) return 0;
    if (!is_kind(enc, Kind::Str)) {
        raise(T.e_TypeError, "str() argument 'encoding' must be str, not %s", type_name(enc));
        return -1;
    }
    std::string n;
    for (char c : SO(enc)->view()) n += c == '_' ? '-' : (char)tolower((unsigned char)c);
    if (n == "utf-8" || n == "utf8" || n == "u8") return 0;
    if (n == "ascii" || n == "us-ascii") return 1;
    if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1") return 2;
    raise(T.e_LookupError, "unknown encoding: %s", std::string(SO(enc)->view()).c_str());
    return -1;
}

Value bytes_from(std::string_view data) {
    auto* b = gc_new<BytesObject>(T.t_bytes, Kind::Bytes, data.size());
    if (!b) return raise_no_memory();
    b->hash = -1;
    b->size = data.size();
    memcpy(b->data, data.data(), data.size());
    b->data[data.size()] = 0;
    return val(b);
}

// Raises UnicodeEncodeError (encode) or UnicodeDecodeError with CPython's message and the exception's
// encoding, object, start, end and reason attributes. `unit` is the offending character (encode) or byte
// (decode).
Value raise_codec_error(bool encode, const char* encoding, Value object, int64_t start, int64_t end,
                        uint32_t unit, const char* reason) {
    Root ro(object);
    if (end - start > 1) {
        raise(encode ? T.e_UnicodeEncodeError : T.e_UnicodeDecodeError,
              "'%s' codec can't %s in position %lld-%lld: %s", encoding,
              encode ? "encode characters" : "decode bytes", (long long)start, (long long)end - 1, reason);
    } else if (encode) {
        char esc[16];
        snprintf(esc, sizeof esc, unit < 0x100 ? "\\x%02x" : unit < 0x10000 ? "\\u%04x" : "\\U%08x", unit);
        raise(T.e_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %lld: %s", encoding,
              esc, (long long)start, reason);
    } else {
        raise(T.e_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %lld: %s", encoding,
              unit, (long long)start, reason);
    }
    Value exc = err_fetch();
    Root re(exc);
    Value enc = str_new(encoding), why = str_new(reason);
    Root r1(enc), r2(why);
    if (!val_is_null(enc) && !val_is_null(why)) {
        obj_setattr(exc, intern("encoding"), enc);
        obj_setattr(exc, intern("object"), object);
        obj_setattr(exc, intern("start"), int_from_i64(start));
        obj_setattr(exc, intern("end"), int_from_i64(end));
        obj_setattr(exc, intern("reason"), why);
    }
    err_clear();
    err_restore(exc);
    return VAL_NULL;
}

// True when the code point at p (of byte length len) is a surrogate (U+D800..U+DFFF, stored as 3-byte UTF-8).
bool is_surrogate_at(const char* p, size_t len) {
    return len == 3 && static_cast<unsigned char>(p[0]) == 0xED && static_cast<unsigned char>(p[1]) >= 0xA0;
}

// UTF-8: everything but lone surrogates encodes as the text itself. ASCII and Latin-1 refuse code points from
// `limit` on. A run of consecutive unencodable characters is reported at once, as CPython does.
Value encode_text(Value self, int codec, std::string_view errors) {
    std::string_view s = SO(self)->view();
    uint32_t limit = codec == 1 ? 0x80 : 0x100;
    auto bad = [&](uint32_t c, const char* p, size_t len) {
        return codec == 0 ? is_surrogate_at(p, len) : c >= limit;
    };
    std::string out;
    size_t pos = 0;
    for (size_t i = 0, len; i < s.size(); pos++, i += len) {
        uint32_t c = utf8_decode(s.data() + i, &len);
        if (!bad(c, s.data() + i, len)) {
            if (codec == 0)
                out.append(s.data() + i, len);
            else
                out += (char)c;
        } else if (errors == "replace") {
            out += '?';
        } else if (errors == "surrogatepass" && codec == 0) {
            out.append(s.data() + i, len);
        } else if (errors != "ignore") {
            size_t end = pos + 1, l2;
            for (size_t j = i + len; j < s.size(); j += l2, end++) {
                uint32_t c2 = utf8_decode(s.data() + j, &l2);
                if (!bad(c2, s.data() + j, l2)) break;
            }
            return raise_codec_error(true,
                                     codec == 0   ? "utf-8"
                                     : codec == 1 ? "ascii"
                                                  : "latin-1",
                                     self, (int64_t)pos, (int64_t)end, c,
                                     codec == 0   ? "surrogates not allowed"
                                     : codec == 1 ? "ordinal not in range(128)"
                                                  : "ordinal not in range(256)");
        }
    }
    return bytes_from(out);
}

Value str_m_encode(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[2];
    if (!bind_args("encode", args + 1, nargs - 1, kwnames, {"encoding", "errors"}, 0, a)) return VAL_NULL;
    int codec = codec_of(a[0]);
    if (codec < 0) return VAL_NULL;
    StrObject* s = SO(args[0]);
    bool plain = s->ascii || (codec == 0 && s->view().find('\xED') == std::string_view::npos);
    if (plain) return bytes_from(s->view());
    return encode_text(args[0], codec, is_kind(a[1], Kind::Str) ? SO(a[1])->view() : "strict");
}

// Length of the valid UTF-8 sequence at p (1..4), or 0 with *why set.
size_t utf8_valid_at(const unsigned char* p, size_t avail, const char** why) {
    unsigned char b = p[0];
    size_t need = b < 0x80                   ? 1
                  : (b >= 0xC2 && b <= 0xDF) ? 2
                  : (b >= 0xE0 && b <= 0xEF) ? 3
                  : (b >= 0xF0 && b <= 0xF4) ? 4
                                             : 0;
    if (!need) {
        *why = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k < need; k++) {
        bool ok = k < avail && (p[k] & 0xC0) == 0x80;
        if (ok && k == 1) {
            if (b == 0xE0)
                ok = p[1] >= 0xA0;
            else if (b == 0xED)
                ok = p[1] <= 0x9F;
            else if (b == 0xF0)
                ok = p[1] >= 0x90;
            else if (b == 0xF4)
                ok = p[1] <= 0x8F;
        }
        if (!ok) {
            *why = k < avail ? "invalid continuation byte" : "unexpected end of data";
            return 0;
        }
    }
    return need;
}

Value decode_bytes(Value b, Value encoding, Value errors) {
    if (val_is_null(b)) return empty_str();
    if (is_kind(b, Kind::Str)) return raise(T.e_TypeError, "decoding str is not supported");
    if (!is_kind(b, Kind::Bytes))
        return raise(T.e_TypeError, "decoding to str: need a bytes-like object, %s found", type_name(b));
    int codec = codec_of(encoding);
    if (codec < 0) return VAL_NULL;
    std::string_view errs = is_kind(errors, Kind::Str) ? SO(errors)->view() : "strict";
    auto* bo = as<BytesObject>(b);
    auto* p = reinterpret_cast<const unsigned char*>(bo->data);
    std::string out;
    for (size_t i = 0; i < bo->size;) {
        const char* why = "ordinal not in range(128)";
        size_t len = codec == 0                    ? utf8_valid_at(p + i, bo->size - i, &why)
                     : (codec == 2 || p[i] < 0x80) ? 1
                                                   : 0;
        if (len) {
            if (codec == 2)
                utf8_append(out, p[i]);
            else
                out.append(bo->data + i, len);
            i += len;
            continue;
        }
        if (errs == "strict")
            return raise_codec_error(false, codec == 0 ? "utf-8" : "ascii", b, (int64_t)i, (int64_t)i + 1,
                                     p[i], why);
        if (errs == "replace") out += "\xEF\xBF\xBD";
        i++;
    }
    return str_new(out);
}

const MethodDef str_methods[] = {
    {"find", STR<str_m_find>, NF_NOKW},
    {"rfind", STR<str_m_rfind>, NF_NOKW},
    {"index", STR<str_m_index>, NF_NOKW},
    {"rindex", STR<str_m_rindex>, NF_NOKW},
    {"count", STR<str_m_count>, NF_NOKW},
    {"startswith", STR<str_m_startswith>, NF_NOKW},
    {"endswith", STR<str_m_endswith>, NF_NOKW},
    {"replace", STR<str_m_replace>, NF_NOKW},
    {"split", STR<str_m_split>, 0},
    {"rsplit", STR<str_m_rsplit>, 0},
    {"splitlines", STR<str_m_splitlines>, 0},
    {"partition", STR<str_m_partition>, NF_NOKW},
    {"rpartition", STR<str_m_rpartition>, NF_NOKW},
    {"join", STR<str_m_join>, NF_NOKW},
    {"strip", STR<str_m_strip>, NF_NOKW},
    {"lstrip", STR<str_m_lstrip>, NF_NOKW},
    {"rstrip", STR<str_m_rstrip>, NF_NOKW},
    {"removeprefix", STR<str_m_removeprefix>, NF_NOKW},
    {"removesuffix", STR<str_m_removesuffix>, NF_NOKW},
    {"lower", STR<str_m_case<CaseOp::Lower>>, NF_NOKW},
    {"upper", STR<str_m_case<CaseOp::Upper>>, NF_NOKW},
    {"swapcase", STR<str_m_case<CaseOp::Swap>>, NF_NOKW},
    {"title", STR<str_m_case<CaseOp::Title>>, NF_NOKW},
    {"capitalize", STR<str_m_case<CaseOp::Capitalize>>, NF_NOKW},
    {"casefold", STR<str_m_case<CaseOp::Casefold>>, NF_NOKW},
    {"isdigit", STR<str_m_isdigit>, NF_NOKW},
    {"isdecimal", STR<str_m_isdecimal>, NF_NOKW},
    {"isnumeric", STR<str_m_isnumeric>, NF_NOKW},
    {"isalpha", STR<str_m_isalpha>, NF_NOKW},
    {"isalnum", STR<str_m_isalnum>, NF_NOKW},
    {"isspace", STR<str_m_isspace>, NF_NOKW},
    {"isupper", STR<str_m_isupper>, NF_NOKW},
    {"islower", STR<str_m_islower>, NF_NOKW},
    {"istitle", STR<str_m_istitle>, NF_NOKW},
    {"isidentifier", STR<str_m_isidentifier>, NF_NOKW},
    {"isascii", STR<str_m_isascii>, NF_NOKW},
    {"isprintable", STR<str_m_isprintable>, NF_NOKW},
    {"center", STR<str_m_center>, NF_NOKW},
    {"ljust", STR<str_m_ljust>, NF_NOKW},
    {"rjust", STR<str_m_rjust>, NF_NOKW},
    {"zfill", STR<str_m_zfill>, NF_NOKW},
    {"expandtabs", STR<str_m_expandtabs>, 0},
    {"translate", STR<str_m_translate>, NF_NOKW},
    {"encode", STR<str_m_encode>, 0},
    {nullptr, nullptr, 0},
};


} // namespace

void init_str_methods() {
    s_index = intern("__index__");
    t_str_iterator = make_builtin_type("str_iterator", nullptr, Kind::Iter);
    t_str_ascii_iterator = make_builtin_type("str_ascii_iterator", nullptr, Kind::Iter);
    TypeObject* t = T.t_str;
    t->new_fn = str_new_fn;
    t->repr = str_repr_slot;
    t->str = str_str_slot;
    t->hash = str_hash_slot;
    t->richcompare = str_richcompare;
    t->binop = str_binop;
    t->getitem = str_getitem;
    t->length = str_len;
    t->truth = str_truth;
    t->contains = str_contains;
    t->iter = str_iter;
    add_methods(t, str_methods);
    auto* mk = gc_new<WrapperObject>(T.t_staticmethod, Kind::StaticMethod);
    gc_make_permanent(mk);
    mk->func = native_new("maketrans", str_maketrans, NF_NOKW);
    dict_set_str(t->dict, intern("maketrans"), val(mk));
    init_str_format();
}

} // namespace krait
