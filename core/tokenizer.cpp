// Krait's tokenizer. The control flow deliberately follows CPython 3.12's Parser/tokenizer.c
// (tok_get_normal_mode / tok_get_fstring_mode) so that token boundaries, error messages and error
// locations agree with CPython, including its quirks. Comments name the CPython construct a
// piece of code corresponds to when that explains a non-obvious choice.
#include "tokenizer.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace krait {

namespace {

constexpr int kTabSize = 8;           // CPython's tok->tabsize
constexpr int kAltTabSize = 1;        // ALTTABSIZE, for the tabs/spaces consistency check
constexpr int kMaxIndent = 100;       // MAXINDENT
constexpr int kMaxLevel = 200;        // MAXLEVEL: nested brackets
constexpr int kMaxFStringLevel = 150; // MAXFSTRINGLEVEL: nested f-strings
constexpr int kMaxExprNesting = 3;    // MAX_EXPR_NESTING: replacement fields nested in format specs
constexpr int kEOF = -1;

bool is_id_start_byte(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_id_char_byte(int c) {
    return is_id_start_byte(c) || (c >= '0' && c <= '9');
}
bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

struct KeywordEntry {
    const char* text;
    TokKind kind;
};

const KeywordEntry kKeywords[] = {
    {"False", TokKind::KwFalse},
    {"None", TokKind::KwNone},
    {"True", TokKind::KwTrue},
    {"and", TokKind::KwAnd},
    {"as", TokKind::KwAs},
    {"assert", TokKind::KwAssert},
    {"async", TokKind::KwAsync},
    {"await", TokKind::KwAwait},
    {"break", TokKind::KwBreak},
    {"class", TokKind::KwClass},
    {"continue", TokKind::KwContinue},
    {"def", TokKind::KwDef},
    {"del", TokKind::KwDel},
    {"elif", TokKind::KwElif},
    {"else", TokKind::KwElse},
    {"except", TokKind::KwExcept},
    {"finally", TokKind::KwFinally},
    {"for", TokKind::KwFor},
    {"from", TokKind::KwFrom},
    {"global", TokKind::KwGlobal},
    {"if", TokKind::KwIf},
    {"import", TokKind::KwImport},
    {"in", TokKind::KwIn},
    {"is", TokKind::KwIs},
    {"lambda", TokKind::KwLambda},
    {"nonlocal", TokKind::KwNonlocal},
    {"not", TokKind::KwNot},
    {"or", TokKind::KwOr},
    {"pass", TokKind::KwPass},
    {"raise", TokKind::KwRaise},
    {"return", TokKind::KwReturn},
    {"try", TokKind::KwTry},
    {"while", TokKind::KwWhile},
    {"with", TokKind::KwWith},
    {"yield", TokKind::KwYield},
};

TokKind keyword_kind(std::string_view name) {
    if (name.size() < 2 || name.size() > 8) return TokKind::Name;
    char c = name[0];
    // Keywords start with a lowercase letter or F, N, T.
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T')) return TokKind::Name;
    for (const KeywordEntry& k : kKeywords)
        // strncmp stops at k.text's end, so k.text[name.size()] is only read when in bounds.
        if (k.text[0] == c && std::strncmp(k.text, name.data(), name.size()) == 0 &&
            k.text[name.size()] == '\0')
            return k.kind;
    return TokKind::Name;
}

// CPython's _PyToken_OneChar / TwoChars / ThreeChars.
TokKind one_char(int c) {
    switch (c) {
    case '(': return TokKind::LPar;
    case ')': return TokKind::RPar;
    case '[': return TokKind::LSqb;
    case ']': return TokKind::RSqb;
    case ':': return TokKind::Colon;
    case ',': return TokKind::Comma;
    case ';': return TokKind::Semi;
    case '+': return TokKind::Plus;
    case '-': return TokKind::Minus;
    case '*': return TokKind::Star;
    case '/': return TokKind::Slash;
    case '|': return TokKind::VBar;
    case '&': return TokKind::Amper;
    case '<': return TokKind::Less;
    case '>': return TokKind::Greater;
    case '=': return TokKind::Equal;
    case '.': return TokKind::Dot;
    case '%': return TokKind::Percent;
    case '{': return TokKind::LBrace;
    case '}': return TokKind::RBrace;
    case '~': return TokKind::Tilde;
    case '^': return TokKind::Circumflex;
    case '@': return TokKind::At;
    case '!': return TokKind::Exclamation;
    default: return TokKind::Unknown;
    }
}

TokKind two_chars(int c1, int c2) {
    switch (c1) {
    case '!': return c2 == '=' ? TokKind::NotEqual : TokKind::Unknown;
    case '%': return c2 == '=' ? TokKind::PercentEqual : TokKind::Unknown;
    case '&': return c2 == '=' ? TokKind::AmperEqual : TokKind::Unknown;
    case '*': return c2 == '*' ? TokKind::DoubleStar : c2 == '=' ? TokKind::StarEqual : TokKind::Unknown;
    case '+': return c2 == '=' ? TokKind::PlusEqual : TokKind::Unknown;
    case '-': return c2 == '=' ? TokKind::MinEqual : c2 == '>' ? TokKind::RArrow : TokKind::Unknown;
    case '/': return c2 == '/' ? TokKind::DoubleSlash : c2 == '=' ? TokKind::SlashEqual : TokKind::Unknown;
    case ':': return c2 == '=' ? TokKind::ColonEqual : TokKind::Unknown;
    case '<':
        return c2 == '<'   ? TokKind::LeftShift
               : c2 == '=' ? TokKind::LessEqual
               : c2 == '>' ? TokKind::LessGreater
                           : TokKind::Unknown;
    case '=': return c2 == '=' ? TokKind::EqEqual : TokKind::Unknown;
    case '>': return c2 == '=' ? TokKind::GreaterEqual : c2 == '>' ? TokKind::RightShift : TokKind::Unknown;
    case '@': return c2 == '=' ? TokKind::AtEqual : TokKind::Unknown;
    case '^': return c2 == '=' ? TokKind::CircumflexEqual : TokKind::Unknown;
    case '|': return c2 == '=' ? TokKind::VBarEqual : TokKind::Unknown;
    default: return TokKind::Unknown;
    }
}

TokKind three_chars(int c1, int c2, int c3) {
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.')) return TokKind::Unknown;
    if (c1 == '*' && c2 == '*') return TokKind::DoubleStarEqual;
    if (c1 == '/' && c2 == '/') return TokKind::DoubleSlashEqual;
    if (c1 == '<' && c2 == '<') return TokKind::LeftShiftEqual;
    if (c1 == '>' && c2 == '>') return TokKind::RightShiftEqual;
    if (c1 == '.' && c2 == '.' && c3 == '.') return TokKind::Ellipsis;
    return TokKind::Unknown;
}

// CPython's strict valid_utf8(): length of the sequence at s[i], 0 if invalid.
int valid_utf8(std::string_view s, size_t i) {
    auto at = [&](size_t k) -> unsigned { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = at(i);
    int expected;
    if (c < 0x80) return 1;
    if (c < 0xE0) {
        if (c < 0xC2) return 0;
        expected = 1;
    } else if (c < 0xF0) {
        if (c == 0xE0 && at(i + 1) < 0xA0) return 0;
        if (c == 0xED && at(i + 1) >= 0xA0) return 0;
        expected = 2;
    } else if (c < 0xF5) {
        if (at(i + 1) < 0x90 ? c == 0xF0 : c == 0xF4) return 0;
        expected = 3;
    } else {
        return 0;
    }
    for (int k = 1; k <= expected; ++k)
        if (at(i + k) < 0x80 || at(i + k) >= 0xC0) return 0;
    return expected + 1;
}

// ---------------------------------------------------------------------------------------------
// Source decoding: BOM, coding cookie, newline normalisation, then null bytes and UTF-8 checks.

std::string lower_dashed(std::string_view s) {
    std::string r;
    for (char c : s) r += c == '_' ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return r;
}

// CPython's get_coding_spec() on one line; returns the raw encoding name or "".
std::string coding_spec(std::string_view line) {
    size_t i = 0;
    for (; i + 6 < line.size(); ++i) {
        if (line[i] == '#') break;
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\f') return "";
    }
    for (; i + 6 < line.size(); ++i) {
        if (line.compare(i, 6, "coding") != 0) continue;
        size_t t = i + 6;
        if (line[t] != ':' && line[t] != '=') continue;
        do ++t;
        while (t < line.size() && (line[t] == ' ' || line[t] == '\t'));
        size_t begin = t;
        while (t < line.size() && (isalnum(static_cast<unsigned char>(line[t])) || line[t] == '-' ||
                                   line[t] == '_' || line[t] == '.'))
            ++t;
        if (begin < t) return std::string(line.substr(begin, t - begin));
    }
    return "";
}

// CPython's get_normal_name(): "utf-8", "iso-8859-1" or the name unchanged.
std::string cpython_normal_name(const std::string& raw) {
    std::string s = lower_dashed(raw.substr(0, 12));
    if (s == "utf-8" || s.rfind("utf-8-", 0) == 0) return "utf-8";
    if (s == "latin-1" || s == "iso-8859-1" || s == "iso-latin-1" || s.rfind("latin-1-", 0) == 0 ||
        s.rfind("iso-8859-1-", 0) == 0 || s.rfind("iso-latin-1-", 0) == 0)
        return "iso-8859-1";
    return raw;
}

// The encoding Krait decodes with: CPython's names plus the aliases Python's codec registry
// accepts for the same codecs; "" for anything else.
std::string normal_encoding_name(const std::string& raw) {
    std::string n = cpython_normal_name(raw);
    if (n != raw) return n;
    std::string s = lower_dashed(raw);
    if (s == "utf8" || s == "u8" || s == "utf" || s == "cp65001") return "utf-8";
    if (s == "latin1" || s == "iso8859-1" || s == "l1" || s == "cp819" || s == "8859" || s == "latin")
        return "iso-8859-1";
    if (s == "ascii" || s == "us-ascii" || s == "646") return "ascii";
    return raw;
}

bool blank_or_comment(std::string_view line) {
    for (char c : line) {
        if (c == '#' || c == '\n' || c == '\r') return true;
        if (c != ' ' && c != '\t' && c != '\f') return false;
    }
    return true;
}

std::string_view raw_line(std::string_view s, size_t from) {
    size_t e = from;
    while (e < s.size() && s[e] != '\n' && s[e] != '\r') ++e;
    if (e < s.size()) ++e;
    return s.substr(from, e - from);
}

// Finds the coding cookie of the first two lines ("" when absent).
std::string find_cookie(std::string_view in) {
    std::string_view l1 = raw_line(in, 0);
    std::string spec = coding_spec(l1);
    if (spec.empty() && blank_or_comment(l1) && l1.size() < in.size())
        spec = coding_spec(raw_line(in, l1.size()));
    return spec;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Character classes (see tokenizer.h).

uint32_t utf8_decode(std::string_view s, size_t i, int* len) {
    int n = valid_utf8(s, i);
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Lone surrogates (from "\ud800" escapes) are stored as 3-byte sequences ("WTF-8"), which
    // strict UTF-8 rejects; decode them too.
    if (n == 0 && c == 0xED && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80)
        n = 3;
    if (n <= 1) {
        *len = 1;
        return c;
    }
    *len = n;
    uint32_t cp = n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return cp;
}

void utf8_append(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

struct Range {
    uint32_t lo, hi;
};

bool in_ranges(uint32_t cp, const Range* r, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (cp >= r[i].lo && cp <= r[i].hi) return true;
    return false;
}

// Code points that are not printable: separators (Z*), controls (Cc), format (Cf), surrogates,
// private use, and the non-characters. Unassigned code points are treated as printable.
const Range kNonPrintable[] = {
    {0x80, 0xA0},       {0xAD, 0xAD},       {0x600, 0x605},     {0x61C, 0x61C},     {0x6DD, 0x6DD},
    {0x70F, 0x70F},     {0x890, 0x891},     {0x8E2, 0x8E2},     {0x1680, 0x1680},   {0x180E, 0x180E},
    {0x2000, 0x200F},   {0x2028, 0x202F},   {0x205F, 0x206F},   {0x3000, 0x3000},   {0xD800, 0xF8FF},
    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0xFFFE, 0xFFFF},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
    {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
};

// Blocks and code points that are neither letters nor digits nor combining marks (punctuation,
// symbols, spaces, ...). Everything else above U+007F is accepted in identifiers.
const Range kNotIdentifier[] = {
    {0x80, 0xA9},       {0xAB, 0xB4},       {0xB6, 0xB9},        {0xBB, 0xBF},     {0xD7, 0xD7},
    {0xF7, 0xF7},       {0x2C2, 0x2C5},     {0x2D2, 0x2DF},      {0x2E5, 0x2EB},   {0x2ED, 0x2ED},
    {0x2EF, 0x2FF},     {0x375, 0x375},     {0x37E, 0x37E},      {0x384, 0x385},   {0x3F6, 0x3F6},
    {0x482, 0x482},     {0x55A, 0x55F},     {0x589, 0x58A},      {0x58D, 0x58F},   {0x5BE, 0x5BE},
    {0x5C0, 0x5C0},     {0x5C3, 0x5C3},     {0x5C6, 0x5C6},      {0x5F3, 0x5F4},   {0x600, 0x60F},
    {0x61B, 0x61F},     {0x66A, 0x66D},     {0x6D4, 0x6D4},      {0x6DD, 0x6DE},   {0x6E9, 0x6E9},
    {0x6FD, 0x6FE},     {0x700, 0x70F},     {0x7F6, 0x7F9},      {0x964, 0x965},   {0x970, 0x970},
    {0xE3F, 0xE3F},     {0xE4F, 0xE4F},     {0xE5A, 0xE5B},      {0x10FB, 0x10FB}, {0x1360, 0x1368},
    {0x166D, 0x166E},   {0x1680, 0x1680},   {0x169B, 0x169C},    {0x16EB, 0x16ED}, {0x17D4, 0x17D6},
    {0x17D8, 0x17DB},   {0x1800, 0x180A},   {0x180E, 0x180E},    {0x1FBD, 0x1FBD}, {0x1FBF, 0x1FC1},
    {0x1FCD, 0x1FCF},   {0x1FDD, 0x1FDF},   {0x1FED, 0x1FEF},    {0x1FFD, 0x1FFE}, {0x2000, 0x203E},
    {0x2041, 0x2053},   {0x2055, 0x2070},   {0x2072, 0x207E},    {0x2080, 0x208F}, {0x20A0, 0x20CF},
    {0x2100, 0x2101},   {0x2103, 0x2106},   {0x2108, 0x2109},    {0x2114, 0x2114}, {0x2116, 0x2117},
    {0x211E, 0x2123},   {0x2125, 0x2125},   {0x2127, 0x2127},    {0x2129, 0x2129}, {0x213A, 0x213B},
    {0x2140, 0x2144},   {0x214A, 0x214D},   {0x214F, 0x215F},    {0x2189, 0x2BFF}, {0x2CE5, 0x2CEA},
    {0x2CF9, 0x2CFF},   {0x2D70, 0x2D70},   {0x2E00, 0x2E7F},    {0x2E80, 0x2FFF}, {0x3000, 0x3004},
    {0x3008, 0x3020},   {0x3030, 0x3030},   {0x3036, 0x3037},    {0x303D, 0x303F}, {0x309B, 0x309C},
    {0x30A0, 0x30A0},   {0x30FB, 0x30FB},   {0x3190, 0x319F},    {0x31C0, 0x31EF}, {0x3200, 0x33FF},
    {0x4DC0, 0x4DFF},   {0xA490, 0xA4CF},   {0xA4FE, 0xA4FF},    {0xA60D, 0xA60F}, {0xA673, 0xA673},
    {0xA67E, 0xA67E},   {0xA6F2, 0xA6F7},   {0xA700, 0xA716},    {0xA720, 0xA721}, {0xA789, 0xA78A},
    {0xA828, 0xA82B},   {0xA830, 0xA839},   {0xA874, 0xA877},    {0xA8CE, 0xA8CF}, {0xA8F8, 0xA8FA},
    {0xA8FC, 0xA8FC},   {0xA92E, 0xA92F},   {0xA95F, 0xA95F},    {0xA9C1, 0xA9CD}, {0xA9DE, 0xA9DF},
    {0xAA5C, 0xAA5F},   {0xAA77, 0xAA79},   {0xAADE, 0xAADF},    {0xAAF0, 0xAAF1}, {0xAB5B, 0xAB5B},
    {0xAB6A, 0xAB6B},   {0xABEB, 0xABEB},   {0xD800, 0xF8FF},    {0xFB29, 0xFB29}, {0xFBB2, 0xFBC2},
    {0xFD3E, 0xFD4F},   {0xFDCF, 0xFDCF},   {0xFDFC, 0xFDFF},    {0xFE10, 0xFE1F}, {0xFE30, 0xFE32},
    {0xFE35, 0xFE4C},   {0xFE50, 0xFE6F},   {0xFEFF, 0xFEFF},    {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF3E},   {0xFF40, 0xFF40},   {0xFF5B, 0xFF65},    {0xFFE0, 0xFFFF}, {0x10100, 0x1013F},
    {0x1F000, 0x1FBFF}, {0xE0000, 0xE00FF}, {0xE01F0, 0x10FFFF},
};

// Combining marks, digits and connector punctuation: allowed after the first character only.
const Range kContinueOnly[] = {
    {0x300, 0x36F},   {0x483, 0x489},   {0x591, 0x5BD},   {0x5BF, 0x5BF},     {0x5C1, 0x5C2},
    {0x5C4, 0x5C5},   {0x5C7, 0x5C7},   {0x610, 0x61A},   {0x64B, 0x669},     {0x670, 0x670},
    {0x6D6, 0x6DC},   {0x6DF, 0x6E4},   {0x6E7, 0x6E8},   {0x6EA, 0x6ED},     {0x6F0, 0x6F9},
    {0x900, 0x903},   {0x93A, 0x93C},   {0x93E, 0x94F},   {0x951, 0x957},     {0x962, 0x963},
    {0x966, 0x96F},   {0xE31, 0xE31},   {0xE34, 0xE3A},   {0xE47, 0xE4E},     {0xE50, 0xE59},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x203F, 0x2040}, {0x2054, 0x2054},   {0x20D0, 0x20FF},
    {0x302A, 0x302F}, {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},   {0xFE33, 0xFE34},
    {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19}, {0xFF3F, 0xFF3F}, {0x1D7CE, 0x1D7FF}, {0xE0100, 0xE01EF},
};

} // namespace

bool unicode_is_printable(uint32_t cp) {
    if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
    return !in_ranges(cp, kNonPrintable, sizeof kNonPrintable / sizeof kNonPrintable[0]);
}

bool unicode_is_xid_continue(uint32_t cp) {
    if (cp < 0x80) return is_id_char_byte(static_cast<int>(cp));
    if (in_ranges(cp, kContinueOnly, sizeof kContinueOnly / sizeof kContinueOnly[0])) return true;
    if (!unicode_is_printable(cp)) return false;
    return !in_ranges(cp, kNotIdentifier, sizeof kNotIdentifier / sizeof kNotIdentifier[0]);
}

bool unicode_is_xid_start(uint32_t cp) {
    if (cp < 0x80) return is_id_start_byte(static_cast<int>(cp));
    if (in_ranges(cp, kContinueOnly, sizeof kContinueOnly / sizeof kContinueOnly[0])) return false;
    return unicode_is_xid_continue(cp);
}

const char* token_kind_name(TokKind k) {
    switch (k) {
#define KRAIT_TOKEN_NAME_CASE(kind, spelling)                                                                \
    case TokKind::kind: return #kind;
        KRAIT_TOKEN_KINDS(KRAIT_TOKEN_NAME_CASE)
#undef KRAIT_TOKEN_NAME_CASE
    }
    return "?";
}

const char* token_kind_spelling(TokKind k) {
    switch (k) {
#define KRAIT_TOKEN_SPELLING_CASE(kind, spelling)                                                            \
    case TokKind::kind: return spelling;
        KRAIT_TOKEN_KINDS(KRAIT_TOKEN_SPELLING_CASE)
#undef KRAIT_TOKEN_SPELLING_CASE
    }
    return "";
}

std::string_view TokenStream::line_text(int lineno) const {
    if (lineno < 1 || lineno > line_count()) return {};
    size_t b = line_starts[static_cast<size_t>(lineno - 1)];
    size_t e = lineno < line_count() ? line_starts[static_cast<size_t>(lineno)] : source.size();
    while (e > b && source[e - 1] == '\n') --e;
    return std::string_view(source).substr(b, e - b);
}

std::string TokenStream::error_line_text(int lineno) const {
    std::string s(line_text(lineno));
    if (bom && lineno == 1) s.insert(0, "\xEF\xBB\xBF");
    return s;
}

SyntaxErrorInfo TokenStream::make_error(const std::string& type, const std::string& msg, int lineno, int col1,
                                        int end_lineno, int end_col1, bool text_with_newline) const {
    SyntaxErrorInfo e;
    e.type = type;
    e.msg = msg;
    e.filename = filename;
    e.lineno = lineno;
    e.end_lineno = end_lineno;
    std::string line = error_line_text(lineno);
    e.text = line;
    if (text_with_newline && lineno <= line_count()) e.text += '\n';
    // CPython's _PyPegen_byte_offset_to_character_offset(): decode the first col1 bytes of the
    // line as read from the file (newline included), clipped to its length + 1 (the terminating
    // NUL then counts as one more character). Without a cookie or BOM CPython skips this and
    // keeps byte offsets.
    std::string full = line + "\n";
    auto to_chars = [&](int c1) {
        if (c1 <= 0 || !has_encoding) return c1;
        if (c1 > static_cast<int>(full.size())) return utf8_char_count(full, full.size()) + 1;
        return utf8_char_count(full, static_cast<size_t>(c1));
    };
    e.offset = to_chars(col1);
    e.end_offset = to_chars(end_col1);
    return e;
}

// ---------------------------------------------------------------------------------------------
// The tokenizer proper.

namespace {

class Tokenizer {
public:
    explicit Tokenizer(TokenStream& ts) : ts_(ts), src_(ts.source) {}

    void run(size_t limit, const SyntaxErrorInfo* limit_error);

private:
    // One entry of CPython's tok_mode_stack: regular mode or an f-string being scanned.
    struct Mode {
        bool fstring = false;         // false: the bottom, regular mode entry
        bool in_fstring_part = false; // TOK_FSTRING_MODE (true) vs TOK_REGULAR_MODE inside it
        char quote = 0;
        int quote_size = 0;
        bool raw = false;
        uint32_t start = 0; // offset of the f-string's prefix
        int start_line = 0;
        int curly_bracket_depth = 0;
        int curly_bracket_expr_start_depth = -1;
        bool expr_ended = false; // CPython's last_expr_end != -1
    };

    TokenStream& ts_;
    const std::string& src_;
    size_t end_ = 0; // reading stops here (start of a line with a null byte or bad UTF-8)
    const SyntaxErrorInfo* limit_error_ = nullptr;
    size_t pos_ = 0;               // tok->cur
    size_t buf_start_ = 0;         // start of CPython's file line buffer (first line of a '\\' chain)
    mutable size_t line_hint_ = 0; // index into line_starts of the last line_of() answer
    size_t furthest_ = 0;          // furthest position read: its line is CPython's tok->lineno
    bool atbol_ = true;
    int pendin_ = 0;
    std::vector<int> indstack_{0};
    std::vector<int> altindstack_{0};
    struct Paren {
        char ch;
        int line;
        int col;
    };
    std::vector<Paren> parens_;
    std::vector<Mode> modes_{Mode{}};
    bool failed_ = false;
    bool done_ = false;

    // ---- reading ----
    int nextc() {
        if (pos_ >= end_) {
            if (limit_error_ && !failed_) fail_with(*limit_error_, true);
            return kEOF;
        }
        int c = static_cast<unsigned char>(src_[pos_++]);
        if (pos_ > furthest_) furthest_ = pos_;
        return c;
    }
    void backup(int c) {
        if (c != kEOF) --pos_;
    }
    int peekc() {
        int c = nextc();
        backup(c);
        return c;
    }

    // ---- positions ----
    // Line of a byte offset. Queries move mostly forward, so a cached index beats a binary search.
    int line_of(size_t off) const {
        const std::vector<uint32_t>& ls = ts_.line_starts;
        size_t n = ls.size();
        if (n == 0) return 0;
        size_t i = line_hint_;
        if (i >= n) i = n - 1;
        if (ls[i] > off) {
            if (i > 0 && ls[i - 1] <= off) {
                line_hint_ = i - 1;
                return static_cast<int>(i);
            }
            auto it = std::upper_bound(ls.begin(), ls.end(), static_cast<uint32_t>(off));
            line_hint_ = static_cast<size_t>(it - ls.begin()) - 1;
            return static_cast<int>(line_hint_ + 1);
        }
        while (i + 1 < n && ls[i + 1] <= off) ++i;
        line_hint_ = i;
        return static_cast<int>(i + 1);
    }
    size_t line_start(int line) const { return ts_.line_starts[static_cast<size_t>(line - 1)]; }
    // CPython's tok->lineno: the line of the last character read.
    int cur_line() const { return line_of(furthest_ == 0 ? 0 : furthest_ - 1); }
    int col_of(size_t off, int line) const { return static_cast<int>(off - line_start(line)); }

    // ---- emitting ----
    Mode& mode() { return modes_.back(); }
    bool inside_fstring() const { return modes_.size() > 1; }
    void emit(TokKind kind, size_t start, size_t end);
    void emit_layout(TokKind kind); // Indent/Dedent/EndMarker: no text, CPython col -1

    // ---- errors ----
    void fail_with(const SyntaxErrorInfo& e, bool is_exception);
    // CPython's syntaxerror(): located at the cursor `cur` on `line`.
    void error_at(const std::string& msg, int line, size_t cur);
    void error_at_cursor(const std::string& msg) { error_at(msg, cur_line(), pos_); }
    void error_range(const std::string& msg, int col, int end_col);
    void deferred_error(const std::string& type, const std::string& msg, int col1, int end_col1);
    void fail_unclosed();
    void warn(const std::string& msg) { ts_.warnings.push_back({msg, cur_line()}); }

    // ---- scanning ----
    void next_token();
    void normal_mode();
    void fstring_mode();
    bool indentation();
    bool continuation_line();
    void identifier_or_prefix(int c, size_t start);
    bool verify_identifier(size_t start);
    void number(int c, size_t start);
    bool decimal_tail(int* c);
    bool radix_digits(int base, int* cp);
    bool verify_end_of_number(int c, const char* kind);
    bool lookahead(const char* test);
    void string(int quote, size_t start);
    void fstring_start(int quote, size_t start);
    bool punctuation(int c, size_t start);
};

void Tokenizer::emit(TokKind kind, size_t start, size_t end) {
    if (failed_) return;
    Token t;
    t.kind = kind;
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.lineno = line_of(start);
    t.col = col_of(start, t.lineno);
    // Like CPython, a token ends where the tokenizer's cursor is (which can differ from the end
    // of its text: "{{" in f-strings, a newline read ahead).
    t.end_lineno = cur_line();
    t.end_col = col_of(pos_, t.end_lineno);
    if (t.end_col < 0 || t.end_lineno < t.lineno) {
        t.end_lineno = line_of(end > start ? end - 1 : start);
        t.end_col = col_of(end, t.end_lineno);
    }
    t.cursor_col = col_of(pos_, cur_line());
    t.paren_level = static_cast<int32_t>(parens_.size());
    if (kind == TokKind::Name) t.kind = keyword_kind(ts_.text(t));
    ts_.tokens.push_back(t);
}

void Tokenizer::emit_layout(TokKind kind) {
    Token t;
    t.kind = kind;
    t.start = t.end = static_cast<uint32_t>(pos_);
    t.lineno = t.end_lineno = std::max(1, cur_line());
    t.col = t.end_col = -1;
    // At end of file CPython's file reader has emptied its buffer, so errors located at these
    // tokens get column 0 there.
    t.cursor_col = (ts_.line_starts.empty() || pos_ >= end_) ? 0 : col_of(pos_, t.lineno);
    t.paren_level = static_cast<int32_t>(parens_.size());
    ts_.tokens.push_back(t);
}

void Tokenizer::fail_with(const SyntaxErrorInfo& e, bool is_exception) {
    if (failed_) return;
    failed_ = true;
    ts_.error = e;
    ts_.error_is_exception = is_exception;
    ts_.error_in_fstring = inside_fstring();
    if (!parens_.empty()) {
        ts_.unclosed_char = parens_.back().ch;
        ts_.unclosed_line = parens_.back().line;
        ts_.unclosed_col = parens_.back().col;
    }
    Token t;
    t.kind = TokKind::Error;
    t.start = t.end = static_cast<uint32_t>(std::min(pos_, src_.size()));
    t.lineno = t.end_lineno = std::max(1, cur_line());
    t.col = t.end_col = -1;
    t.paren_level = static_cast<int32_t>(parens_.size());
    ts_.tokens.push_back(t);
}

void Tokenizer::error_at(const std::string& msg, int line, size_t cur) {
    // offset = characters between the line start and the cursor; text = the line.
    SyntaxErrorInfo e;
    e.type = "SyntaxError";
    e.msg = msg;
    e.filename = ts_.filename;
    e.lineno = e.end_lineno = line;
    std::string_view text = ts_.line_text(line);
    e.text = std::string(text);
    size_t ls = line_start(line);
    int chars = utf8_char_count(std::string_view(src_).substr(ls), cur - ls);
    e.offset = e.end_offset = chars;
    fail_with(e, true);
}

void Tokenizer::error_range(const std::string& msg, int col, int end_col) {
    int line = cur_line();
    SyntaxErrorInfo e;
    e.type = "SyntaxError";
    e.msg = msg;
    e.filename = ts_.filename;
    e.lineno = e.end_lineno = line;
    e.text = std::string(ts_.line_text(line));
    e.offset = col;
    e.end_offset = end_col;
    fail_with(e, true);
}

// Errors the tokenizer signals without raising (CPython's E_DEDENT, E_TABSPACE, E_TOODEEP, E_EOF,
// E_LINECONT): the parser raises them through RAISE_ERROR_KNOWN_LOCATION, so `col1` is a 1-based
// byte offset converted like a parser error's.
void Tokenizer::deferred_error(const std::string& type, const std::string& msg, int col1, int end_col1) {
    int line = std::max(1, cur_line());
    fail_with(ts_.make_error(type, msg, line, col1, line, end_col1), false);
}

// E_EOF inside brackets: the parser reports "'(' was never closed" at the innermost one.
void Tokenizer::fail_unclosed() {
    const Paren& p = parens_.back();
    std::string msg = std::string("'") + p.ch + "' was never closed";
    fail_with(ts_.make_error("SyntaxError", msg, p.line, p.col + 1, p.line, 0, false), false);
}

void Tokenizer::run(size_t limit, const SyntaxErrorInfo* limit_error) {
    end_ = limit;
    limit_error_ = limit_error;
    while (!failed_ && !done_) next_token();
}

void Tokenizer::next_token() {
    if (mode().fstring && mode().in_fstring_part)
        fstring_mode();
    else
        normal_mode();
}

// CPython's tok_continuation_line(): after a backslash, only a newline may follow.
bool Tokenizer::continuation_line() {
    int c = nextc();
    if (failed_) return false;
    if (c != '\n') {
        // E_LINECONT, reported at the character after the backslash.
        // Reported at the character after the backslash, counted from the start of CPython's line
        // buffer, which still holds the earlier lines of a backslash-continued line.
        deferred_error("SyntaxError", "unexpected character after line continuation character",
                       static_cast<int>(pos_ - buf_start_), 0);
        return false;
    }
    c = nextc();
    if (failed_) return false;
    if (c == kEOF && !parens_.empty()) {
        fail_unclosed();
        return false;
    }
    if (c == kEOF) {
        // E_EOF at level 0: "unexpected EOF while parsing" at the end of the last line.
        int line = std::max(1, cur_line());
        deferred_error("SyntaxError", "unexpected EOF while parsing",
                       static_cast<int>(pos_ - line_start(line)), -1);
        return false;
    }
    backup(c);
    return true;
}

// Measures the indentation of a new line and queues Indent/Dedent tokens (CPython's atbol block).
// Returns false after an error.
bool Tokenizer::indentation() {
    int col = 0, altcol = 0, cont_line_col = 0;
    atbol_ = false;
    buf_start_ = pos_;
    int c;
    for (;;) {
        c = nextc();
        if (failed_) return false;
        if (c == ' ') {
            ++col;
            ++altcol;
        } else if (c == '\t') {
            col = (col / kTabSize + 1) * kTabSize;
            altcol = (altcol / kAltTabSize + 1) * kAltTabSize;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            cont_line_col = cont_line_col ? cont_line_col : col;
            if (!continuation_line()) return false;
        } else {
            break;
        }
    }
    backup(c);
    bool blankline = (c == '#' || c == '\n');
    if (blankline || !parens_.empty()) return true;
    if (cont_line_col) col = altcol = cont_line_col;
    if (col == indstack_.back()) {
        if (altcol != altindstack_.back()) {
            deferred_error("TabError", "inconsistent use of tabs and spaces in indentation", 1, 0);
            return false;
        }
    } else if (col > indstack_.back()) {
        if (static_cast<int>(indstack_.size()) >= kMaxIndent) {
            deferred_error("IndentationError", "too many levels of indentation", 1, 0);
            return false;
        }
        if (altcol <= altindstack_.back()) {
            deferred_error("TabError", "inconsistent use of tabs and spaces in indentation", 1, 0);
            return false;
        }
        ++pendin_;
        indstack_.push_back(col);
        altindstack_.push_back(altcol);
    } else {
        while (indstack_.size() > 1 && col < indstack_.back()) {
            --pendin_;
            indstack_.pop_back();
            altindstack_.pop_back();
        }
        if (col != indstack_.back()) {
            // E_DEDENT: CPython moves the cursor to the end of the line before reporting.
            int line = cur_line();
            deferred_error("IndentationError", "unindent does not match any outer indentation level",
                           static_cast<int>(ts_.line_text(line).size()) + 1, -1);
            return false;
        }
        if (altcol != altindstack_.back()) {
            deferred_error("TabError", "inconsistent use of tabs and spaces in indentation", 1, 0);
            return false;
        }
    }
    return true;
}

void Tokenizer::normal_mode() {
    for (;;) { // CPython's `nextline:` loop
        bool blankline = false;
        if (atbol_) {
            if (!indentation()) return;
            int c = peekc();
            blankline = (c == '#' || c == '\n');
        }
        if (pendin_ != 0) {
            if (pendin_ < 0) {
                ++pendin_;
                emit_layout(TokKind::Dedent);
            } else {
                --pendin_;
                emit_layout(TokKind::Indent);
            }
            return;
        }
        for (;;) { // CPython's `again:` loop
            int c;
            do c = nextc();
            while (c == ' ' || c == '\t' || c == '\f');
            if (failed_) return;
            size_t start = c == kEOF ? pos_ : pos_ - 1;
            if (c == '#') {
                while (c != kEOF && c != '\n') c = nextc();
                if (failed_) return;
            }
            if (c == kEOF) {
                if (!parens_.empty()) {
                    fail_unclosed();
                    return;
                }
                emit_layout(TokKind::EndMarker);
                done_ = true;
                return;
            }
            if (is_id_start_byte(c)) {
                identifier_or_prefix(c, start);
                return;
            }
            if (c == '\n') {
                atbol_ = true;
                if (blankline || !parens_.empty()) break; // goto nextline
                emit(TokKind::Newline, start, pos_);      // from a comment's "#" if any, like CPython
                return;
            }
            if (c == '.') {
                int c2 = nextc();
                if (is_digit(c2)) {
                    backup(c2);
                    number('.', start);
                    return;
                }
                if (c2 == '.') {
                    int c3 = nextc();
                    if (c3 == '.') {
                        emit(TokKind::Ellipsis, start, pos_);
                        return;
                    }
                    backup(c3);
                }
                backup(c2);
                emit(TokKind::Dot, start, pos_);
                return;
            }
            if (is_digit(c)) {
                number(c, start);
                return;
            }
            if (c == '"' || c == '\'') {
                string(c, start);
                return;
            }
            if (c == '\\') {
                if (!continuation_line()) return;
                continue; // goto again
            }
            punctuation(c, start);
            return;
        }
    }
}

void Tokenizer::identifier_or_prefix(int c, size_t start) {
    // CPython accepts b, r, u, f prefixes in the combinations below (rb, Br, fR, ... but not ub).
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = true;
        else
            break;
        c = nextc();
        if (c == '"' || c == '\'') {
            if (saw_f)
                fstring_start(c, start);
            else
                string(c, start);
            return;
        }
    }
    bool nonascii = false;
    while (is_id_char_byte(c)) {
        if (c >= 128) nonascii = true;
        c = nextc();
    }
    backup(c);
    if (failed_) return;
    if (nonascii && !verify_identifier(start)) return;
    emit(TokKind::Name, start, pos_);
}

// CPython's verify_identifier(): reports the first character that cannot be part of a name.
bool Tokenizer::verify_identifier(size_t start) {
    std::string_view s = std::string_view(src_).substr(start, pos_ - start);
    size_t i = 0;
    bool first = true;
    while (i < s.size()) {
        int len = 1;
        uint32_t cp = utf8_decode(s, i, &len);
        bool ok = first ? unicode_is_xid_start(cp) : unicode_is_xid_continue(cp);
        if (!ok) {
            pos_ = start + i + static_cast<size_t>(len);
            char buf[64];
            if (unicode_is_printable(cp)) {
                std::string ch;
                utf8_append(ch, cp);
                std::snprintf(buf, sizeof buf, "' (U+%04X)", cp);
                error_at_cursor("invalid character '" + ch + buf);
            } else {
                std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
                error_at_cursor(buf);
            }
            return false;
        }
        first = false;
        i += static_cast<size_t>(len);
    }
    return true;
}

// CPython's lookahead(): does `test` follow, not followed by an identifier character?
bool Tokenizer::lookahead(const char* test) {
    size_t save = pos_;
    const char* s = test;
    bool res = false;
    for (;;) {
        int c = nextc();
        if (*s == 0) {
            res = !is_id_char_byte(c);
        } else if (c == *s) {
            ++s;
            continue;
        }
        break;
    }
    pos_ = save;
    return res;
}

// CPython's verify_end_of_number(): a number directly followed by a name is an error, except
// before the keywords that can legally follow a number (then only a SyntaxWarning).
bool Tokenizer::verify_end_of_number(int c, const char* kind) {
    bool r = false;
    if (c == 'a')
        r = lookahead("nd");
    else if (c == 'e')
        r = lookahead("lse");
    else if (c == 'f')
        r = lookahead("or");
    else if (c == 'i') {
        int c2 = nextc();
        r = (c2 == 'f' || c2 == 'n' || c2 == 's');
        backup(c2);
    } else if (c == 'o')
        r = lookahead("r");
    else if (c == 'n')
        r = lookahead("ot");
    if (r) {
        backup(c);
        warn(std::string("invalid ") + kind + " literal");
        nextc();
    } else if (c != kEOF && c < 128 && is_id_char_byte(c)) {
        backup(c);
        error_at_cursor(std::string("invalid ") + kind + " literal");
        return false;
    }
    return true;
}

// CPython's tok_decimal_tail(): digits with single underscores between them.
bool Tokenizer::decimal_tail(int* cp) {
    int c;
    for (;;) {
        do c = nextc();
        while (is_digit(c));
        if (c != '_') break;
        c = nextc();
        if (!is_digit(c)) {
            backup(c);
            error_at_cursor("invalid decimal literal");
            return false;
        }
    }
    *cp = c;
    return true;
}

// The digits of a 0o / 0b literal (the prefix letter was just read), with CPython's messages.
// On success *cp is the character after the literal, already checked by verify_end_of_number.
bool Tokenizer::radix_digits(int base, int* cp) {
    const char* kind = base == 8 ? "octal" : "binary";
    auto ok_digit = [&](int ch) { return ch >= '0' && ch < '0' + base; };
    auto bad_digit = [&](int ch) {
        error_at_cursor(std::string("invalid digit '") + static_cast<char>(ch) + "' in " + kind + " literal");
        return false;
    };
    int c = nextc();
    do {
        if (c == '_') c = nextc();
        if (!ok_digit(c)) {
            if (is_digit(c)) return bad_digit(c);
            backup(c);
            error_at_cursor(std::string("invalid ") + kind + " literal");
            return false;
        }
        do c = nextc();
        while (ok_digit(c));
    } while (c == '_');
    if (is_digit(c)) return bad_digit(c);
    if (!verify_end_of_number(c, kind)) return false;
    *cp = c;
    return true;
}

void Tokenizer::number(int c, size_t start) {
    auto finish = [&](int last) {
        backup(last);
        if (!failed_) emit(TokKind::Number, start, pos_);
    };
    if (c == '.') {
        c = nextc(); // the first digit of the fraction
        goto fraction_part;
    }
    if (c == '0') {
        c = nextc();
        if (c == 'x' || c == 'X') {
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (!is_xdigit(c)) {
                    backup(c);
                    error_at_cursor("invalid hexadecimal literal");
                    return;
                }
                do c = nextc();
                while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(c, "hexadecimal")) return;
            return finish(c);
        }
        if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
            if (!radix_digits(c == 'o' || c == 'O' ? 8 : 2, &c)) return;
            return finish(c);
        }
        // Maybe an old-style octal; in any case "0" itself is a fine literal.
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc();
                if (!is_digit(c)) {
                    backup(c);
                    error_at_cursor("invalid decimal literal");
                    return;
                }
            }
            if (c != '0') break;
            c = nextc();
        }
        size_t zeros_end = pos_;
        if (is_digit(c)) {
            nonzero = true;
            if (!decimal_tail(&c)) return;
        }
        if (c == '.') {
            c = nextc();
            goto fraction_part;
        }
        if (c == 'e' || c == 'E') goto exponent_part;
        if (c == 'j' || c == 'J') goto imaginary_part;
        if (nonzero) {
            backup(c);
            int line = cur_line();
            error_range("leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
                        "octal integers",
                        col_of(start, line) + 1, col_of(zeros_end, line));
            return;
        }
        if (!verify_end_of_number(c, "decimal")) return;
        return finish(c);
    }
    // Decimal
    backup(c);
    if (!decimal_tail(&c)) return;
    if (c == '.') {
        c = nextc();
        goto fraction_part;
    }
    goto after_fraction;

fraction_part:
    if (is_digit(c)) {
        backup(c);
        if (!decimal_tail(&c)) return;
    }
after_fraction:
    if (c == 'e' || c == 'E') {
    exponent_part:
        int e = c;
        c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!is_digit(c)) {
                backup(c);
                error_at_cursor("invalid decimal literal");
                return;
            }
        } else if (!is_digit(c)) {
            backup(c);
            if (!verify_end_of_number(e, "decimal")) return;
            backup(e);
            emit(TokKind::Number, start, pos_);
            return;
        }
        backup(c);
        if (!decimal_tail(&c)) return;
    }
    if (c == 'j' || c == 'J') {
    imaginary_part:
        c = nextc();
        if (!verify_end_of_number(c, "imaginary")) return;
    } else if (!verify_end_of_number(c, "decimal")) {
        return;
    }
    finish(c);
}

void Tokenizer::string(int quote, size_t start) {
    int first_line = line_of(start);
    int quote_size = 1;
    int end_quote_size = 0;
    int c = nextc();
    if (c == quote) {
        c = nextc();
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; // empty string
    }
    if (c != quote) backup(c);
    while (end_quote_size != quote_size) {
        // Skip ordinary characters in bulk (long string literals are common).
        if (end_quote_size == 0) {
            size_t p = pos_;
            while (p < end_) {
                char ch = src_[p];
                if (ch == quote || ch == '\\' || ch == '\n') break;
                ++p;
            }
            pos_ = p;
            if (pos_ > furthest_) furthest_ = pos_;
        }
        c = nextc();
        if (failed_) return;
        if (c == kEOF || (quote_size == 1 && c == '\n')) {
            // Report from the string's start, like CPython (which rewinds to tok->start + 1).
            int detected = cur_line();
            if (inside_fstring() && mode().quote == quote && mode().quote_size == quote_size) {
                error_at("f-string: expecting '}'", first_line, start + 1);
                return;
            }
            char buf[96];
            std::snprintf(buf, sizeof buf, "%s (detected at line %d)",
                          quote_size == 3 ? "unterminated triple-quoted string literal"
                                          : "unterminated string literal",
                          detected);
            error_at(buf, first_line, start + 1);
            return;
        }
        if (c == quote) {
            ++end_quote_size;
        } else {
            end_quote_size = 0;
            if (c == '\\') nextc(); // skip the escaped character
        }
    }
    emit(TokKind::String, start, pos_);
}

void Tokenizer::fstring_start(int quote, size_t start) {
    int quote_size = 1;
    int after = nextc();
    if (after == quote) {
        int after2 = nextc();
        if (after2 == quote) {
            quote_size = 3;
        } else {
            backup(after2);
            backup(after);
        }
    } else {
        backup(after);
    }
    if (modes_.size() >= static_cast<size_t>(kMaxFStringLevel)) {
        error_at_cursor("too many nested f-strings");
        return;
    }
    emit(TokKind::FStringStart, start, pos_);
    Mode m;
    m.fstring = true;
    m.in_fstring_part = true;
    m.quote = static_cast<char>(quote);
    m.quote_size = quote_size;
    char p0 = src_[start], p1 = src_[start + 1];
    m.raw = (p0 == 'r' || p0 == 'R') || p1 == 'r' || p1 == 'R';
    m.start = static_cast<uint32_t>(start);
    m.start_line = line_of(start);
    modes_.push_back(m);
}

// Operators and brackets, with CPython's bracket matching and f-string bookkeeping.
bool Tokenizer::punctuation(int c, size_t start) {
    Mode& m = mode();
    bool in_fexpr = m.fstring && m.curly_bracket_expr_start_depth >= 0;
    if ((c == ':' || c == '}' || c == '!' || c == '{') && m.fstring && in_fexpr) {
        int cursor = m.curly_bracket_depth - (c != '{');
        if (cursor == 0) {
            if (c == '{')
                m.expr_ended = false;
            else
                m.expr_ended = true;
        }
        if (c == ':' && cursor == m.curly_bracket_expr_start_depth) {
            m.in_fstring_part = true; // the format spec follows
            emit(TokKind::Colon, start, pos_);
            return true;
        }
    }
    // Two- and three-character operators.
    {
        int c2 = nextc();
        TokKind k2 = two_chars(c, c2);
        if (k2 != TokKind::Unknown) {
            int c3 = nextc();
            TokKind k3 = three_chars(c, c2, c3);
            if (k3 != TokKind::Unknown)
                k2 = k3;
            else
                backup(c3);
            emit(k2, start, pos_);
            return true;
        }
        backup(c2);
    }
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (static_cast<int>(parens_.size()) >= kMaxLevel) {
            error_at_cursor("too many nested parentheses");
            return false;
        }
        parens_.push_back({static_cast<char>(c), cur_line(), col_of(start, line_of(start))});
        if (inside_fstring()) ++m.curly_bracket_depth;
        break;
    case ')':
    case ']':
    case '}': {
        if (inside_fstring() && m.curly_bracket_depth == 0 && c == '}') {
            error_at_cursor("f-string: single '}' is not allowed");
            return false;
        }
        if (parens_.empty()) {
            error_at_cursor(std::string("unmatched '") + static_cast<char>(c) + "'");
            return false;
        }
        Paren open = parens_.back();
        parens_.pop_back();
        char o = open.ch;
        if (!((o == '(' && c == ')') || (o == '[' && c == ']') || (o == '{' && c == '}'))) {
            if (inside_fstring() && o == '{' &&
                m.curly_bracket_depth - 1 == m.curly_bracket_expr_start_depth) {
                error_at_cursor(std::string("f-string: unmatched '") + static_cast<char>(c) + "'");
                return false;
            }
            char buf[128];
            if (open.line != cur_line())
                std::snprintf(buf, sizeof buf,
                              "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                              c, o, open.line);
            else
                std::snprintf(buf, sizeof buf,
                              "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
            error_at_cursor(buf);
            return false;
        }
        if (inside_fstring()) {
            --m.curly_bracket_depth;
            if (c == '}' && m.curly_bracket_depth == m.curly_bracket_expr_start_depth) {
                --m.curly_bracket_expr_start_depth;
                m.in_fstring_part = true;
            }
        }
        break;
    }
    default: break;
    }
    if (c < 0x20 || c == 0x7F) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", c);
        error_at_cursor(buf);
        return false;
    }
    emit(one_char(c), start, pos_);
    return true;
}

// CPython's tok_get_fstring_mode(): literal text of an f-string (or of a format spec).
void Tokenizer::fstring_mode() {
    Mode& m = mode();
    size_t start = pos_;
    int start_char = nextc();
    if (failed_) return;
    if (start_char == '{') {
        int peek1 = nextc();
        backup(peek1);
        backup(start_char);
        if (peek1 != '{') {
            ++m.curly_bracket_expr_start_depth;
            if (m.curly_bracket_expr_start_depth >= kMaxExprNesting) {
                error_at_cursor("f-string: expressions nested too deeply");
                return;
            }
            m.in_fstring_part = false;
            normal_mode();
            return;
        }
    } else {
        backup(start_char);
    }
    // At the closing quote(s)?
    {
        size_t save = pos_;
        int i = 0;
        for (; i < m.quote_size; ++i) {
            int q = nextc();
            if (q != m.quote) break;
        }
        if (i == m.quote_size) {
            emit(TokKind::FStringEnd, start, pos_);
            modes_.pop_back();
            return;
        }
        pos_ = save;
    }
    int end_quote_size = 0;
    bool unicode_escape = false;
    while (end_quote_size != m.quote_size) {
        int c = nextc();
        if (failed_) return;
        bool in_format_spec = m.expr_ended && m.curly_bracket_expr_start_depth >= 0;
        if (c == kEOF || (m.quote_size == 1 && c == '\n')) {
            if (in_format_spec && c == '\n') {
                backup(c);
                m.in_fstring_part = false;
                emit(TokKind::FStringMiddle, start, pos_);
                return;
            }
            char buf[96];
            std::snprintf(buf, sizeof buf, "%s (detected at line %d)",
                          m.quote_size == 3 ? "unterminated triple-quoted f-string literal"
                                            : "unterminated f-string literal",
                          cur_line());
            error_at(buf, m.start_line, m.start + 1);
            return;
        }
        if (c == m.quote) {
            ++end_quote_size;
            continue;
        }
        end_quote_size = 0;
        if (c == '{') {
            int peek = nextc();
            if (peek != '{' || in_format_spec) {
                backup(peek);
                backup(c);
                ++m.curly_bracket_expr_start_depth;
                if (m.curly_bracket_expr_start_depth >= kMaxExprNesting) {
                    error_at_cursor("f-string: expressions nested too deeply");
                    return;
                }
                m.in_fstring_part = false;
                emit(TokKind::FStringMiddle, start, pos_);
            } else {
                emit(TokKind::FStringMiddle, start, pos_ - 1); // keeps one '{' of "{{"
            }
            return;
        }
        if (c == '}') {
            if (unicode_escape) {
                emit(TokKind::FStringMiddle, start, pos_);
                return;
            }
            int peek = nextc();
            if (peek == '}' && !in_format_spec) {
                emit(TokKind::FStringMiddle, start, pos_ - 1); // keeps one '}' of "}}"
            } else {
                backup(peek);
                backup(c);
                m.in_fstring_part = false;
                emit(TokKind::FStringMiddle, start, pos_);
            }
            return;
        }
        if (c == '\\') {
            int peek = nextc();
            if (peek == '{' || peek == '}') {
                if (!m.raw) warn(std::string("invalid escape sequence '\\") + static_cast<char>(peek) + "'");
                backup(peek);
                continue;
            }
            if (!m.raw && peek == 'N') {
                peek = nextc();
                if (peek == '{')
                    unicode_escape = true;
                else
                    backup(peek);
            }
        }
    }
    // Emit the text before the closing quotes; FStringEnd comes next time.
    pos_ -= static_cast<size_t>(m.quote_size);
    emit(TokKind::FStringMiddle, start, pos_);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Entry point: decode the bytes, find the first unreadable line, tokenize up to it.

namespace {

SyntaxErrorInfo unlocated_error(const std::string& msg, const std::string& filename) {
    SyntaxErrorInfo e;
    e.type = "SyntaxError";
    e.msg = msg;
    e.filename = filename;
    return e;
}

// A stream holding only the error that stopped decoding.
void fail_decoding(TokenStream& ts, const SyntaxErrorInfo& e) {
    ts.error = e;
    ts.error_is_exception = true;
    ts.decode_failed = true;
    Token t;
    t.kind = TokKind::Error;
    t.lineno = t.end_lineno = std::max(1, e.lineno);
    ts.tokens.push_back(t);
}

// Strips a BOM, applies the coding cookie (utf-8 and ascii are read as UTF-8, latin-1 is
// transcoded) and normalises newlines (CRLF and CR become LF) into ts.source, then indexes the
// lines. Returns false after recording an encoding error.
bool decode_source(std::string_view in, TokenStream& ts, std::string* encoding) {
    bool bom = in.size() >= 3 && static_cast<unsigned char>(in[0]) == 0xEF &&
               static_cast<unsigned char>(in[1]) == 0xBB && static_cast<unsigned char>(in[2]) == 0xBF;
    if (bom) in.remove_prefix(3);
    std::string cookie = find_cookie(in);
    *encoding = cookie.empty() ? "" : normal_encoding_name(cookie);
    ts.bom = bom;
    ts.has_encoding = bom || !cookie.empty();
    if (!encoding->empty() && *encoding != "utf-8" && *encoding != "iso-8859-1" && *encoding != "ascii") {
        fail_decoding(ts, unlocated_error("encoding problem: " + cookie, ts.filename));
        return false;
    }
    if (bom && !cookie.empty() && cpython_normal_name(cookie) != "utf-8") {
        fail_decoding(ts, unlocated_error("encoding problem: " + cpython_normal_name(cookie) + " with BOM",
                                          ts.filename));
        return false;
    }
    std::string& s = ts.source;
    s.reserve(in.size() + 1);
    bool latin1 = *encoding == "iso-8859-1";
    if (!latin1 && std::memchr(in.data(), '\r', in.size()) == nullptr) s.assign(in); // the usual case
    for (size_t i = s.size() == in.size() ? in.size() : 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '\r') {
            s += '\n';
            if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
        } else if (latin1 && static_cast<unsigned char>(c) >= 0x80) {
            utf8_append(s, static_cast<unsigned char>(c));
        } else {
            s += c;
        }
    }
    // CPython reads a missing final newline as present.
    if (!s.empty() && s.back() != '\n') s += '\n';
    if (!s.empty()) ts.line_starts.push_back(0);
    for (size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '\n') ts.line_starts.push_back(static_cast<uint32_t>(i + 1));
    return true;
}

// The reason CPython's UTF-8 decoder gives for the bad sequence starting at s[i].
const char* utf8_error_reason(const std::string& s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0xC2 || c > 0xF4) return "invalid start byte";
    size_t need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    for (size_t k = 1; k <= need; k++) {
        if (i + k >= s.size()) return "unexpected end of data";
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return "invalid continuation byte";
    }
    return "invalid continuation byte";  // overlong or surrogate encodings
}

// With an encoding declared, CPython decodes string literals on their own: the position it reports counts from
// the literal's opening quote when the bad byte is inside one (the nearest quote before it on the line).
size_t decode_error_position(const std::string& s, size_t line_begin, size_t i) {
    for (size_t q = i; q > line_begin; q--)
        if (s[q - 1] == '"' || s[q - 1] == '\'') return i - q;
    return i - line_begin;
}

// CPython finds null bytes and invalid UTF-8 when it reads the offending line. Returns the offset
// of that line's start (where tokenizing must stop, reporting *err) or the source size.
size_t first_unreadable_line(const TokenStream& ts, const std::string& encoding, SyntaxErrorInfo* err) {
    const std::string& s = ts.source;
    int line = 1;
    size_t line_begin = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c > '\n' && c < 0x80) { // the common case
            ++i;
            continue;
        }
        if (c == '\n') {
            ++line;
            line_begin = ++i;
            continue;
        }
        if (c == 0) {
            *err = unlocated_error("source code cannot contain null bytes", ts.filename);
            err->lineno = err->end_lineno = line;
            size_t e = line_begin;
            while (e < s.size() && s[e] != '\n' && s[e] != '\0') ++e;
            err->text = s.substr(line_begin, e - line_begin);
            return line_begin;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        int n = valid_utf8(s, i);
        if (n == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%.2x", c);
            std::string msg =
                encoding.empty()
                    ? "Non-UTF-8 code starting with '\\x" + std::string(hex) + "' in file " + ts.filename +
                          " on line " + std::to_string(line) +
                          ", but no encoding declared; see https://peps.python.org/pep-0263/ for details"
                    : "(unicode error) 'utf-8' codec can't decode byte 0x" + std::string(hex) + " in position " +
                          std::to_string(decode_error_position(s, line_begin, i)) + ": " + utf8_error_reason(s, i);
            *err = unlocated_error(msg, ts.filename);
            return line_begin;
        }
        i += static_cast<size_t>(n);
    }
    return s.size();
}

} // namespace

TokenStream tokenize(std::string_view in, const std::string& filename) {
    TokenStream ts;
    ts.filename = filename;
    std::string encoding;
    if (!decode_source(in, ts, &encoding)) return ts;
    SyntaxErrorInfo limit_error;
    size_t limit = first_unreadable_line(ts, encoding, &limit_error);
    bool has_limit_error = limit < ts.source.size();
    if (has_limit_error && limit == 0) {
        fail_decoding(ts, limit_error);
        return ts;
    }
    ts.tokens.reserve(ts.source.size() / 4 + 16);
    Tokenizer tok(ts);
    tok.run(limit, has_limit_error ? &limit_error : nullptr);
    return ts;
}

} // namespace krait
