// numfmt_spec.cpp - the format-spec mini-language for Krait's format(), str.format and f-strings:
// parsing a spec and formatting floats, ints and strs with it.
//
// A port of CPython 3.12's Python/formatter_unicode.c, kept close to its structure (parse, then
// calc_number_widths / fill_number, then _PyUnicode_InsertThousandsGrouping) because the exact
// placement of fill, sign, prefix, zero padding and separators is easiest to trust when it follows
// the original step by step. Locale-dependent parts use the C locale ('n' never groups).
#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>

#include "numfmt.h"
#include "numfmt_detail.h"

namespace krait {

namespace {

using numfmt_detail::kMaxOutput;
using numfmt_detail::kMemoryErrorText;

constexpr char32_t kEnd = 0xFFFFFFFF;  // what SpecReader::peek returns past the end

// Reads a spec by code points, with the lookahead the grammar needs ("[[fill]align]").
struct SpecReader {
    std::string_view s;
    size_t pos = 0;

    char32_t peek(int ahead = 0) const {
        size_t p = pos;
        char32_t cp = kEnd;
        for (int k = 0; k <= ahead; ++k) {
            if (p >= s.size()) return kEnd;
            cp = numfmt_detail::utf8_next(s, &p);
        }
        return cp;
    }
    void advance() { numfmt_detail::utf8_next(s, &pos); }
    size_t remaining() const { return numfmt_detail::utf8_length(s.substr(pos)); }
};

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign(char32_t c) { return c == '+' || c == '-' || c == ' '; }

// A presentation type as CPython's messages quote it: 'x' when printable ASCII, else '\x..'.
std::string quote_code(char32_t c) {
    char buf[24];
    if (c > 32 && c < 128) {
        std::snprintf(buf, sizeof buf, "'%c'", static_cast<char>(c));
    } else {
        std::snprintf(buf, sizeof buf, "'\\x%x'", static_cast<unsigned>(c));
    }
    return buf;
}

std::string type_name_200(std::string_view type_name) {
    return std::string(type_name.substr(0, 200));
}

std::string unknown_code(char32_t type, std::string_view type_name) {
    return "Unknown format code " + quote_code(type) + " for object of type '" + type_name_200(type_name) +
           "'";
}

// CPython's get_integer: a run of (Unicode) decimal digits. Returns how many digits it read, or -1
// after setting *err when the value would overflow a 64-bit Py_ssize_t.
int get_integer(SpecReader* r, int64_t* result, std::string* err) {
    int64_t acc = 0;
    int count = 0;
    for (;; ++count) {
        char32_t c = r->peek();
        int digit = c == kEnd ? -1 : numfmt_detail::decimal_value(c);
        if (digit < 0) break;
        if (acc > (INT64_MAX - digit) / 10) {
            *err = "Too many decimal digits in format string";
            return -1;
        }
        acc = acc * 10 + digit;
        r->advance();
    }
    *result = acc;
    return count;
}

// The checks CPython makes on grouping once the type is known (PEP 378 and PEP 515).
bool check_grouping(const FormatSpec& f, std::string* err) {
    switch (f.type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return true;
    case 'b': case 'o': case 'x': case 'X':
        if (f.grouping == '_') return true;
        break;
    default:
        break;
    }
    *err = std::string("Cannot specify '") + f.grouping + "' with " + quote_code(f.type) + ".";
    return false;
}

// The sign, alignment, 'z', '#' and '0' fields, up to the width.
void parse_flags(SpecReader* r, char default_align, FormatSpec* f) {
    bool fill_specified = false;
    bool align_specified = false;
    if (is_align(r->peek(1))) {
        f->fill = r->peek(0);
        f->align = static_cast<char>(r->peek(1));
        fill_specified = align_specified = true;
        r->advance();
        r->advance();
    } else if (is_align(r->peek(0))) {
        f->align = static_cast<char>(r->peek(0));
        align_specified = true;
        r->advance();
    }
    if (is_sign(r->peek())) {
        f->sign = static_cast<char>(r->peek());
        r->advance();
    }
    if (r->peek() == 'z') {
        f->no_neg_zero = true;
        r->advance();
    }
    if (r->peek() == '#') {
        f->alternate = true;
        r->advance();
    }
    // The '0' shorthand: zero fill, and for numbers sign-aware padding, unless fill or align says
    // otherwise (CPython 3.10+ keeps an explicit alignment: format(1, '<05') == '10000').
    if (!fill_specified && r->peek() == '0') {
        f->fill = '0';
        if (!align_specified && default_align == '>') f->align = '=';
        r->advance();
    }
}

// The grouping characters between width and precision.
bool parse_grouping(SpecReader* r, FormatSpec* f, std::string* err) {
    static const char kBoth[] = "Cannot specify both ',' and '_'.";
    if (r->peek() == ',') {
        f->grouping = ',';
        r->advance();
    }
    if (r->peek() == '_') {
        if (f->grouping != 0) {
            *err = kBoth;
            return false;
        }
        f->grouping = '_';
        r->advance();
    }
    if (r->peek() == ',' && f->grouping == '_') {
        *err = kBoth;
        return false;
    }
    return true;
}

}  // namespace

bool parse_format_spec(std::string_view spec, FormatSpec* out, std::string* err, char default_type,
                       std::string_view type_name) {
    FormatSpec f;
    char default_align = default_type == 's' ? '<' : '>';
    f.align = default_align;
    f.type = static_cast<unsigned char>(default_type);
    SpecReader r{spec};
    parse_flags(&r, default_align, &f);
    int consumed = get_integer(&r, &f.width, err);
    if (consumed < 0) return false;
    if (consumed == 0) f.width = -1;
    if (!parse_grouping(&r, &f, err)) return false;
    if (r.peek() == '.') {
        r.advance();
        consumed = get_integer(&r, &f.precision, err);
        if (consumed < 0) return false;
        if (consumed == 0) {
            *err = "Format specifier missing precision";
            return false;
        }
    }
    size_t left = r.remaining();
    if (left > 1) {
        *err = "Invalid format specifier '" + std::string(spec) + "' for object of type '" +
               type_name_200(type_name) + "'";
        return false;
    }
    if (left == 1) f.type = r.peek();
    if (f.grouping != 0 && !check_grouping(f, err)) return false;
    *out = f;
    return true;
}

NumfmtErrorKind numfmt_error_kind(std::string_view message) {
    if (message == "%c arg not in range(0x110000)" ||
        message == "Python int too large to convert to C long" || message == "precision too large") {
        return NumfmtErrorKind::kOverflowError;
    }
    if (message.substr(0, 11) == "MemoryError") return NumfmtErrorKind::kMemoryError;
    return NumfmtErrorKind::kValueError;
}

namespace {

// ---- Number layout (calc_number_widths + fill_number) -----------------------------------------------

// A formatted number split the way CPython's number layout sees it:
// <sign><prefix><digits to group>[.]<remainder>, where the remainder is the fraction, exponent,
// '%', "inf"/"nan", or the character of a 'c' format.
struct NumberParts {
    char sign = 0;  // '-' for negative numbers, else 0
    std::string_view prefix;
    std::string_view digits;
    bool has_decimal = false;
    std::string_view remainder;
    int64_t remainder_cps = 0;  // code points in remainder
};

struct Grouping {
    int size = 0;  // 0: no grouping
    char sep = 0;
};

Grouping grouping_for(char grouping, char32_t type) {
    if (grouping == 0 || type == 'n') return {};
    bool by_four = grouping == '_' && (type == 'x' || type == 'X' || type == 'o' || type == 'b');
    return {by_four ? 4 : 3, grouping};
}

// Appends one group's worth (CPython's InsertThousandsGrouping_fill), building the digits backwards.
void fill_group(std::string_view digits, int64_t* digits_pos, int64_t n_chars, int64_t n_zeros,
                char sep, std::string* rev) {
    if (sep) rev->push_back(sep);
    for (int64_t k = 0; k < n_chars; ++k) rev->push_back(digits[static_cast<size_t>(--*digits_pos)]);
    rev->append(static_cast<size_t>(n_zeros), '0');
}

// CPython's _PyUnicode_InsertThousandsGrouping: groups `digits` from the right and pads them with
// zeros up to min_width, so zero padding gets separators too (format(1234, '08,') == '0,001,234';
// a separator never comes first, so the result may exceed min_width by one).
std::string group_digits(std::string_view digits, int64_t min_width, Grouping g) {
    std::string rev;
    int64_t remaining = static_cast<int64_t>(digits.size());
    int64_t digits_pos = remaining;
    if (min_width < 0) min_width = 0;
    bool use_sep = false;
    bool done = false;
    while (g.size > 0) {
        int64_t len = std::min<int64_t>(g.size, std::max<int64_t>(std::max(remaining, min_width), 1));
        int64_t n_zeros = std::max<int64_t>(0, len - remaining);
        int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
        fill_group(digits, &digits_pos, n_chars, n_zeros, use_sep ? g.sep : 0, &rev);
        use_sep = true;
        remaining -= n_chars;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) {
            done = true;
            break;
        }
        min_width -= 1;  // the separator's width
    }
    if (!done) {
        int64_t len = std::max<int64_t>(std::max(remaining, min_width), 1);
        int64_t n_zeros = std::max<int64_t>(0, len - remaining);
        int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
        fill_group(digits, &digits_pos, n_chars, n_zeros, use_sep ? g.sep : 0, &rev);
    }
    return std::string(rev.rbegin(), rev.rend());
}

// Lays out a number: | lpad | sign | prefix | spad | grouped digits | . | remainder | rpad |.
// Only one of the paddings is non-empty; '=' pads between sign/prefix and digits, and a '0' fill
// with '=' becomes zero padding inside the digit grouping instead.
void emit_number(const NumberParts& p, const FormatSpec& spec, Grouping g, std::string* out) {
    char align = spec.align ? spec.align : '>';
    char sign = p.sign;
    if (spec.sign == '+' || spec.sign == ' ') sign = p.sign == '-' ? '-' : spec.sign;
    int64_t non_digits = (sign ? 1 : 0) + static_cast<int64_t>(p.prefix.size()) + (p.has_decimal ? 1 : 0) +
                         p.remainder_cps;
    int64_t min_width = (spec.fill == '0' && align == '=') ? spec.width - non_digits : 0;
    // No digits only happens for 'c', inf and nan: CPython skips grouping (and its zero padding).
    std::string grouped = p.digits.empty() ? std::string() : group_digits(p.digits, min_width, g);
    int64_t padding = spec.width - (non_digits + static_cast<int64_t>(grouped.size()));
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    numfmt_detail::utf8_fill(spec.fill, lpad, out);
    if (sign) out->push_back(sign);
    out->append(p.prefix);
    numfmt_detail::utf8_fill(spec.fill, spad, out);
    out->append(grouped);
    if (p.has_decimal) out->push_back('.');
    out->append(p.remainder);
    numfmt_detail::utf8_fill(spec.fill, rpad, out);
}

// CPython's parse_number on double_to_string's output (after any sign): leading digits, then an
// optional '.', then everything else.
void split_number(std::string_view s, NumberParts* p) {
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    p->digits = s.substr(0, i);
    p->has_decimal = i < s.size() && s[i] == '.';
    if (p->has_decimal) ++i;
    p->remainder = s.substr(i);
    p->remainder_cps = static_cast<int64_t>(p->remainder.size());
}

bool too_large(int64_t n, std::string* err) {
    if (n <= kMaxOutput) return false;
    *err = kMemoryErrorText;
    return true;
}

// The checks CPython's format_long_internal makes for 'c', and the character itself.
bool char_for_c_format(bool negative, std::string_view digits, const FormatSpec& spec, std::string* text,
                       std::string* err) {
    if (spec.sign != 0) {
        *err = "Sign not allowed with integer format specifier 'c'";
        return false;
    }
    if (spec.alternate) {
        *err = "Alternate form (#) not allowed with integer format specifier 'c'";
        return false;
    }
    uint64_t v = 0;
    bool fits_long = digits.size() <= 19;
    for (char c : digits) v = v * 10 + static_cast<uint64_t>(c - '0');
    if (fits_long) fits_long = v <= uint64_t(INT64_MAX) + (negative ? 1 : 0);
    if (!fits_long) {
        *err = "Python int too large to convert to C long";
        return false;
    }
    if ((negative && v != 0) || v > 0x10FFFF) {
        *err = "%c arg not in range(0x110000)";
        return false;
    }
    numfmt_detail::utf8_append(static_cast<char32_t>(v), text);
    return true;
}

bool is_float_type(char32_t t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

}  // namespace

bool format_float(double x, const FormatSpec& spec, std::string* out, std::string* err,
                  std::string_view type_name) {
    char32_t type = spec.type;
    if (type != 0 && type != 'n' && !is_float_type(type)) {
        *err = unknown_code(type, type_name);
        return false;
    }
    if (spec.precision > INT_MAX) {
        *err = "precision too big";
        return false;
    }
    if (too_large(spec.precision, err) || too_large(spec.width, err)) return false;
    unsigned flags = (spec.alternate ? kDtsfAlt : 0) | (spec.no_neg_zero ? kDtsfNoNegZero : 0);
    int precision = static_cast<int>(spec.precision);
    int default_precision = 6;
    char code = static_cast<char>(type);
    if (type == 0) {
        // No type: repr when no precision is given, else 'g' that keeps at least one decimal.
        flags |= kDtsfAddDot0;
        code = 'r';
        default_precision = 0;
    } else if (type == 'n') {
        code = 'g';
    } else if (type == '%') {
        code = 'f';
        x *= 100;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (code == 'r') {
        code = 'g';
    }
    std::string buf;
    double_to_string(x, code, precision, flags, &buf);
    if (type == '%') buf.push_back('%');
    if (spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && spec.grouping == 0) {
        out->append(buf);  // CPython's fast path: nothing to pad, group or sign
        return true;
    }
    NumberParts parts;
    std::string_view body = buf;
    if (!body.empty() && body[0] == '-') {
        parts.sign = '-';
        body.remove_prefix(1);
    }
    split_number(body, &parts);
    emit_number(parts, spec, grouping_for(spec.grouping, type), out);
    return true;
}

int format_spec_int_base(const FormatSpec& spec) {
    switch (spec.type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    default: return is_float_type(spec.type) ? 0 : 10;
    }
}

bool format_integer(bool negative, std::string_view digits, const FormatSpec& spec, std::string* out,
                    std::string* err, std::string_view type_name) {
    char32_t type = spec.type ? spec.type : 'd';
    if (is_float_type(type)) {
        *err = "format_integer: float presentation types are the caller's (convert, then format_float)";
        return false;
    }
    bool int_type = type == 'b' || type == 'c' || type == 'd' || type == 'o' || type == 'x' || type == 'X' ||
                    type == 'n';
    if (!int_type) {
        *err = unknown_code(type, type_name);
        return false;
    }
    if (spec.precision != -1) {
        *err = "Precision not allowed in integer format specifier";
        return false;
    }
    if (spec.no_neg_zero) {
        *err = "Negative zero coercion (z) not allowed in integer format specifier";
        return false;
    }
    if (too_large(spec.width, err)) return false;
    NumberParts parts;
    std::string text;
    if (type == 'c') {
        if (!char_for_c_format(negative, digits, spec, &text, err)) return false;
        parts.remainder = text;  // CPython lays the character out as a "remainder" with no digits
        parts.remainder_cps = 1;
    } else {
        parts.sign = negative ? '-' : 0;
        if (spec.alternate && type != 'd' && type != 'n') {
            parts.prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
        }
        if (type == 'X') {
            text.assign(digits);
            for (char& c : text) {
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            }
            digits = text;
        }
        parts.digits = digits;
    }
    emit_number(parts, spec, grouping_for(spec.grouping, type), out);
    return true;
}

bool format_int64(int64_t value, const FormatSpec& spec, std::string* out, std::string* err,
                  std::string_view type_name) {
    int base = format_spec_int_base(spec);
    if (base == 0) return format_float(static_cast<double>(value), spec, out, err, type_name);
    bool negative = value < 0;
    uint64_t mag = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    char buf[72];
    char* end = buf + sizeof buf;
    char* p = end;
    do {
        *--p = "0123456789abcdef"[mag % static_cast<unsigned>(base)];
        mag /= static_cast<unsigned>(base);
    } while (mag != 0);
    std::string_view digits(p, static_cast<size_t>(end - p));
    return format_integer(negative, digits, spec, out, err, type_name);
}

bool format_string(std::string_view utf8, const FormatSpec& spec, std::string* out, std::string* err,
                   std::string_view type_name) {
    char32_t type = spec.type ? spec.type : 's';
    const char* problem = nullptr;
    if (type != 's') {
        *err = unknown_code(type, type_name);
        return false;
    }
    if (spec.sign == ' ') {
        problem = "Space not allowed in string format specifier";
    } else if (spec.sign != 0) {
        problem = "Sign not allowed in string format specifier";
    } else if (spec.no_neg_zero) {
        problem = "Negative zero coercion (z) not allowed in string format specifier";
    } else if (spec.alternate) {
        problem = "Alternate form (#) not allowed in string format specifier";
    } else if (spec.align == '=') {
        problem = "'=' alignment not allowed in string format specifier";
    }
    if (problem) {
        *err = problem;
        return false;
    }
    if (too_large(spec.width, err)) return false;
    int64_t len = static_cast<int64_t>(numfmt_detail::utf8_length(utf8));
    if (spec.precision >= 0 && len > spec.precision) {
        utf8 = utf8.substr(0, numfmt_detail::utf8_prefix_bytes(utf8, static_cast<size_t>(spec.precision)));
        len = spec.precision;
    }
    int64_t total = spec.width > len ? spec.width : len;
    char align = spec.align ? spec.align : '<';
    int64_t lpad = align == '>' ? total - len : align == '^' ? (total - len) / 2 : 0;
    numfmt_detail::utf8_fill(spec.fill, lpad, out);
    out->append(utf8);
    numfmt_detail::utf8_fill(spec.fill, total - len - lpad, out);
    return true;
}

}  // namespace krait
