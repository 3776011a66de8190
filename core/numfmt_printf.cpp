// numfmt_printf.cpp - the printf-style pieces of Krait's `str % args`: parsing one conversion spec
// and laying out a float, an int or a ready-made string the way CPython does.
//
// A port of CPython 3.12's unicode_format_arg_parse, formatfloat, _PyUnicode_FormatLong and
// unicode_format_arg_output (Objects/unicodeobject.c). The caller owns the outer loop: literal text,
// '%%', fetching the argument, type dispatch and the "unsupported format character" error.
#include <climits>

#include "numfmt.h"
#include "numfmt_detail.h"

namespace krait {

namespace {

// Walks the format string the way CPython's fmtpos/fmtcnt pair does. `exhausted` records that a read
// was attempted past the end, which is what makes CPython report "incomplete format".
struct FormatCursor {
    std::string_view s;
    size_t pos;
    char32_t ch = 0;
    bool exhausted = false;

    bool next() {
        if (pos >= s.size()) {
            exhausted = true;
            return false;
        }
        ch = numfmt_detail::utf8_next(s, &pos);
        return true;
    }
};

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// "(key)": balanced parentheses; the cursor stands on the '('.
bool parse_key(FormatCursor* c, PrintfSpec* out, std::string* err, PrintfArgSource* args) {
    ++c->pos;  // the '('
    size_t key_start = c->pos;
    int depth = 1;
    while (depth > 0 && c->next()) {
        if (c->ch == ')') {
            --depth;
        } else if (c->ch == '(') {
            ++depth;
        }
    }
    if (depth > 0) {
        *err = "incomplete format key";
        return false;
    }
    out->has_key = true;
    out->key = c->s.substr(key_start, c->pos - 1 - key_start);
    return args == nullptr || args->select_key(out->key);
}

// Digits of a width or precision; the first digit is already in c->ch.
bool parse_number(FormatCursor* c, int64_t limit, const char* too_big, int64_t* value, std::string* err) {
    *value = static_cast<int64_t>(c->ch - '0');
    while (c->next() && is_ascii_digit(c->ch)) {
        int64_t digit = static_cast<int64_t>(c->ch - '0');
        if (*value > (limit - digit) / 10) {
            *err = too_big;
            return false;
        }
        *value = *value * 10 + digit;
    }
    return true;
}

// A '*' width or precision: the argument comes from `args` (or is left as -2 for the caller).
bool parse_star(FormatCursor* c, bool precision, PrintfSpec* out, PrintfArgSource* args) {
    int64_t value = -2;
    if (args != nullptr && !args->star_arg(precision, &value)) return false;
    if (precision) {
        out->precision = (args != nullptr && value < 0) ? 0 : value;
    } else if (args != nullptr && value < 0) {
        out->flags |= kPrintfLeft;
        out->width = value == INT64_MIN ? INT64_MAX : -value;
    } else {
        out->width = value;
    }
    c->next();
    return true;
}

bool parse_width_precision(FormatCursor* c, PrintfSpec* out, std::string* err, PrintfArgSource* args) {
    if (c->ch == '*') {
        if (!parse_star(c, false, out, args)) return false;
    } else if (is_ascii_digit(c->ch)) {
        if (!parse_number(c, INT64_MAX, "width too big", &out->width, err)) return false;
    }
    if (c->ch != '.') return true;
    out->precision = 0;
    c->next();
    if (c->ch == '*') return parse_star(c, true, out, args);
    if (is_ascii_digit(c->ch)) return parse_number(c, INT_MAX, "precision too big", &out->precision, err);
    return true;
}

// CPython's unicode_format_arg_output for a conversion whose text `s` is ready, with the sign and
// prefix handling of numeric conversions when `numeric` is set.
void emit_printf(std::string_view s, bool numeric, unsigned flags, int64_t width, char conv,
                 std::string* out) {
    char fill = (numeric && (flags & kPrintfZero)) ? '0' : ' ';
    int64_t len = static_cast<int64_t>(s.size());
    size_t at = 0;
    char sign = 0;
    if (numeric) {
        if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
            sign = s[0];
            --len;
            ++at;
        } else if (flags & kPrintfSign) {
            sign = '+';
        } else if (flags & kPrintfBlank) {
            sign = ' ';
        }
    }
    if (width < len) width = len;
    if (sign) {
        if (fill != ' ') out->push_back(sign);
        if (width > len) --width;
    }
    bool prefix = (flags & kPrintfAlt) && (conv == 'x' || conv == 'X' || conv == 'o');
    if (prefix) {
        if (fill != ' ') {
            out->append(s.substr(at, 2));
            at += 2;
        }
        width = width > 2 ? width - 2 : 0;
        len -= 2;
    }
    if (width > len && !(flags & kPrintfLeft)) {
        out->append(static_cast<size_t>(width - len), fill);
        width = len;
    }
    if (fill == ' ') {
        if (sign) out->push_back(sign);
        if (prefix) {
            out->append(s.substr(at, 2));
            at += 2;
        }
    }
    out->append(s.substr(at, static_cast<size_t>(len)));
    if (width > len) out->append(static_cast<size_t>(width - len), ' ');
}

bool refuse_huge(int64_t width, int64_t precision, std::string* err) {
    if (width <= numfmt_detail::kMaxOutput && precision <= numfmt_detail::kMaxOutput) return false;
    *err = numfmt_detail::kMemoryErrorText;
    return true;
}

}  // namespace

bool parse_printf_spec(std::string_view fmt, size_t pos, PrintfSpec* out, std::string* err,
                       PrintfArgSource* args) {
    *out = PrintfSpec();
    err->clear();
    FormatCursor c{fmt, pos};
    if (pos < fmt.size() && fmt[pos] == '(' && !parse_key(&c, out, err, args)) return false;
    while (c.next()) {
        unsigned flag = c.ch == '-' ? kPrintfLeft : c.ch == '+' ? kPrintfSign : c.ch == ' ' ? kPrintfBlank
                        : c.ch == '#' ? kPrintfAlt : c.ch == '0' ? kPrintfZero : 0;
        if (flag == 0) break;
        out->flags |= flag;
    }
    if (!parse_width_precision(&c, out, err, args)) return false;
    // "h", "l" and "L" length modifiers are accepted and ignored, as in C.
    if (!c.exhausted && (c.ch == 'h' || c.ch == 'l' || c.ch == 'L')) c.next();
    if (c.exhausted) {
        *err = "incomplete format";
        return false;
    }
    out->conv = c.ch;
    out->end = c.pos;
    return true;
}

bool format_printf_float(double x, unsigned flags, int64_t width, int64_t precision, char conv,
                         std::string* out, std::string* err) {
    if (conv != 'e' && conv != 'E' && conv != 'f' && conv != 'F' && conv != 'g' && conv != 'G') {
        *err = "format_printf_float: not a float conversion";
        return false;
    }
    if (precision > INT_MAX) {
        *err = "precision too big";
        return false;
    }
    if (refuse_huge(width, precision, err)) return false;
    std::string text;
    double_to_string(x, conv, precision < 0 ? 6 : static_cast<int>(precision),
                     (flags & kPrintfAlt) ? kDtsfAlt : 0, &text);
    emit_printf(text, true, flags, width, conv, out);
    return true;
}

int printf_int_base(char conv) {
    return conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
}

bool format_printf_int(bool negative, std::string_view digits, unsigned flags, int64_t width,
                       int64_t precision, char conv, std::string* out, std::string* err) {
    if (precision > INT_MAX - 3) {
        *err = "precision too large";  // OverflowError, as _PyUnicode_FormatLong says
        return false;
    }
    if (refuse_huge(width, precision, err)) return false;
    // _PyUnicode_FormatLong: sign, the base marker only with '#', zeros up to the precision, digits.
    std::string text;
    if (negative) text.push_back('-');
    if ((flags & kPrintfAlt) && (conv == 'x' || conv == 'X')) text.append("0x");
    if ((flags & kPrintfAlt) && conv == 'o') text.append("0o");
    int64_t ndigits = static_cast<int64_t>(digits.size());
    if (precision > ndigits) text.append(static_cast<size_t>(precision - ndigits), '0');
    text.append(digits);
    if (conv == 'X') {
        for (char& ch : text) {
            if (ch >= 'a' && ch <= 'x') ch = static_cast<char>(ch - 'a' + 'A');
        }
    }
    emit_printf(text, true, flags, width, conv, out);
    return true;
}

bool format_printf_str(std::string_view utf8, unsigned flags, int64_t width, int64_t precision, char conv,
                       std::string* out, std::string* err) {
    if (refuse_huge(width, 0, err)) return false;
    if (conv != 'c' && precision >= 0) {
        utf8 = utf8.substr(0, numfmt_detail::utf8_prefix_bytes(utf8, static_cast<size_t>(precision)));
    }
    int64_t len = static_cast<int64_t>(numfmt_detail::utf8_length(utf8));
    int64_t pad = width > len ? width - len : 0;
    if (!(flags & kPrintfLeft)) out->append(static_cast<size_t>(pad), ' ');
    out->append(utf8);
    if (flags & kPrintfLeft) out->append(static_cast<size_t>(pad), ' ');
    return true;
}

}  // namespace krait
