// numfmt.h - Krait's number parsing and formatting library: CPython-exact float repr and float(str),
// the format-spec mini-language behind format(), str.format and f-strings, the printf-style pieces of
// `str % args`, and float arithmetic helpers (//, %, divmod, round, hash).
//
// Pure functions with no dependency on the rest of Krait; the float, int and str builtins call them.
// Every result is meant to be byte-identical to CPython 3.12 (tests/unit/test_numfmt.cpp checks tables
// produced by CPython). Text is UTF-8 in and out. Everything assumes the C numeric locale: the runtime
// never calls setlocale(), and the 'n' presentation type therefore behaves like 'd' / 'g'.
//
// Files: numfmt_float.cpp (digits, repr, float(str); its power-of-ten table is numfmt_pow10.inc),
// numfmt_spec.cpp (format specs), numfmt_printf.cpp (str % args), numfmt_math.cpp (arithmetic,
// round, hash); numfmt_detail.h holds what they share internally (UTF-8, Unicode digits).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace krait {

// ---- Float <-> text ---------------------------------------------------------------------------------

// repr(x) and str(x) of a Python float: the shortest digit string that reads back as x, laid out the
// way CPython does ('1.0', '0.1', '1e+16', '1e-05', '0.0001', '-0.0', 'inf', '-inf', 'nan').
std::string float_repr(double x);

// Flags for double_to_string; the same meaning as CPython's Py_DTSF_* flags.
inline constexpr unsigned kDtsfSign = 1;       // always write a sign ('+' for non-negative and nan)
inline constexpr unsigned kDtsfAddDot0 = 2;    // integral results keep ".0" (repr, the '' type)
inline constexpr unsigned kDtsfAlt = 4;        // '#': keep the point, and for 'g' trailing zeros
inline constexpr unsigned kDtsfNoNegZero = 8;  // 'z': a result that rounds to zero loses its '-'

// CPython's PyOS_double_to_string, appending to *out. `code` is 'e', 'E', 'f', 'F', 'g', 'G' (with
// `precision` as in printf; 'g' treats 0 as 1) or 'r' (shortest repr digits; precision must be 0).
// Upper-case codes also upper-case 'inf', 'nan' and the exponent letter.
void double_to_string(double x, char code, int precision, unsigned flags, std::string* out);

// float(s) for a str s: surrounding whitespace (Unicode too), a sign, decimal digits (any Unicode
// decimal digit) with single underscores between digits, '.5' and '5.', an exponent, and
// 'inf' / 'infinity' / 'nan' in any case with a sign. Correctly rounded; out-of-range values become
// +-inf or +-0.0 as in CPython. Returns false where CPython raises ValueError (the caller builds
// "could not convert string to float: %R").
bool parse_float(std::string_view s, double* out);

// ---- Format-spec mini-language (format(), str.format, f-strings) --------------------------------

// A parsed format spec: [[fill]align][sign]['z']['#']['0'][width][grouping]['.' precision][type].
struct FormatSpec {
    char32_t fill = ' ';
    char align = 0;          // '<', '>', '=', '^'; 0 = the kind's default ('>' numbers, '<' str)
    char sign = 0;           // 0, '+', '-', ' '
    bool no_neg_zero = false;  // 'z'
    bool alternate = false;    // '#'
    char grouping = 0;         // 0, ',' or '_' ('_' groups hex/octal/binary digits by four)
    int64_t width = -1;        // -1: not given
    int64_t precision = -1;    // -1: not given
    char32_t type = 0;         // presentation type; 0 only for float's "no type" presentation
};

// Parses `spec` as CPython's parse_internal_render_format_spec does. `default_type` is what an
// omitted type means and must be the object's kind: 'd' for int (and bool), 's' for str, '\0' for
// float. It also fixes the default alignment ('<' for 's', '>' otherwise), which the '0' flag relies
// on. `type_name` only appears in error messages. Errors are ValueError texts, e.g.
// "Cannot specify ',' with 's'." or "Invalid format specifier 'xx' for object of type 'float'".
bool parse_format_spec(std::string_view spec, FormatSpec* out, std::string* err, char default_type = '\0',
                       std::string_view type_name = "float");

// float.__format__ for a parsed spec; types '', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'. Appends to
// *out. An empty spec (a default FormatSpec) gives repr(x), as CPython's empty-spec shortcut does.
bool format_float(double x, const FormatSpec& spec, std::string* out, std::string* err,
                  std::string_view type_name = "float");

// Which base's digits format_integer wants for spec.type: 2 ('b'), 8 ('o'), 16 ('x', 'X'), 10 ('d',
// 'n', 'c', no type and unknown types, which format_integer reports). 0 means a float presentation
// type ('e', 'E', 'f', 'F', 'g', 'G', '%'): the caller converts the int to float (raising
// OverflowError "int too large to convert to float" itself) and calls format_float, as CPython does.
int format_spec_int_base(const FormatSpec& spec);

// int.__format__: `digits` is the magnitude in the base format_spec_int_base names (hex digits in
// lower case, no prefix, no sign). Types 'd', 'n', 'x', 'X', 'o', 'b', and 'c' (the decimal digits
// of a code point). Handles '#' prefixes, grouping, sign, fill/align and zero padding. Appends.
bool format_integer(bool negative, std::string_view digits, const FormatSpec& spec, std::string* out,
                    std::string* err, std::string_view type_name = "int");

// format_integer for a machine integer (produces the digits itself; float presentation types are
// formatted through format_float since every int64 converts to double).
bool format_int64(int64_t value, const FormatSpec& spec, std::string* out, std::string* err,
                  std::string_view type_name = "int");

// str.__format__: width counts code points, precision truncates to that many code points. Rejects
// signs, 'z', '#' and '=' alignment with CPython's messages. Appends.
bool format_string(std::string_view utf8, const FormatSpec& spec, std::string* out, std::string* err,
                   std::string_view type_name = "str");

// What Python exception an error message from this library stands for. Nearly all are ValueError;
// the 'c' range errors are OverflowError; absurdly large widths or precisions give MemoryError.
enum class NumfmtErrorKind { kValueError, kOverflowError, kMemoryError };
NumfmtErrorKind numfmt_error_kind(std::string_view message);

// ---- printf-style formatting (str % args) ------------------------------------------------------------

// Conversion flags (PrintfSpec::flags).
inline constexpr unsigned kPrintfLeft = 1;   // '-'
inline constexpr unsigned kPrintfSign = 2;   // '+'
inline constexpr unsigned kPrintfBlank = 4;  // ' '
inline constexpr unsigned kPrintfAlt = 8;    // '#'
inline constexpr unsigned kPrintfZero = 16;  // '0'

// One conversion after a '%': ['(' key ')'] flags [width | '*'] ['.' (precision | '*')] [h|l|L] conv.
struct PrintfSpec {
    bool has_key = false;
    std::string_view key;    // the mapping key, a view into the format string
    unsigned flags = 0;      // kPrintf* bits; a negative '*' width sets kPrintfLeft
    int64_t width = -1;      // -1: not given
    int64_t precision = -1;  // -1: not given; a negative '*' precision becomes 0
    char32_t conv = 0;       // the conversion character ('d', 's', '%', or anything: caller validates)
    size_t end = 0;          // byte offset just past the conversion character
};

// Supplies what a conversion consumes while it is being parsed, at the same moments CPython fetches
// it, so that errors come out in CPython's order. Each returns false after recording its own Python
// exception (KeyError, "format requires a mapping", "not enough arguments for format string",
// "* wants int", and for a precision outside C int range the OverflowError of _PyLong_AsInt).
// The parser applies CPython's rules to the value: a negative width sets '-', a negative precision
// becomes 0.
class PrintfArgSource {
public:
    virtual bool select_key(std::string_view key) = 0;  // "%(key)": switch to mapping[key]
    virtual bool star_arg(bool precision, int64_t* value) = 0;  // the next argument, for a '*'
protected:
    ~PrintfArgSource() = default;
};

// Parses the conversion whose first byte (after the '%') is fmt[pos]. A '%%' is the caller's (CPython
// checks it before calling the parser), and so is "unsupported format character '%c' (0x%x) at
// index %zd" once it has looked at `conv`. With a null `args`, keys and '*' are only recorded: the
// key in `key`, a star as width / precision -2 for the caller to fill in (and adjust as above).
// Returns false with a ValueError text in *err ("incomplete format", "incomplete format key",
// "width too big", "precision too big"), or with *err empty when `args` failed.
bool parse_printf_spec(std::string_view fmt, size_t pos, PrintfSpec* out, std::string* err,
                       PrintfArgSource* args = nullptr);

// '%e' '%E' '%f' '%F' '%g' '%G' of a float (ints are converted by the caller). Appends.
bool format_printf_float(double x, unsigned flags, int64_t width, int64_t precision, char conv,
                         std::string* out, std::string* err);

// Which base's digits format_printf_int wants for conv: 16 for 'x' / 'X', 8 for 'o', else 10.
int printf_int_base(char conv);

// '%d' '%i' '%u' '%x' '%X' '%o' of an int given as magnitude digits in printf_int_base(conv) (lower
// case hex). Precision is a minimum digit count; '#' adds 0x / 0X / 0o. Appends.
bool format_printf_int(bool negative, std::string_view digits, unsigned flags, int64_t width,
                       int64_t precision, char conv, std::string* out, std::string* err);

// '%s' '%r' '%a' '%c' once the caller has the text: precision truncates to code points (not for
// 'c'); width pads with spaces, on the right with '-'. Appends; fails only for absurd widths.
bool format_printf_str(std::string_view utf8, unsigned flags, int64_t width, int64_t precision, char conv,
                       std::string* out, std::string* err);

// ---- Float arithmetic with CPython semantics --------------------------------------------------------
// Division by zero is the caller's: CPython raises ZeroDivisionError "float floor division by zero",
// "float modulo" and "float divmod()" before computing anything.

double float_floordiv(double x, double y);  // x // y (y != 0)
double float_mod(double x, double y);       // x % y (y != 0): the sign of y, -0.0 cases included
void float_divmod(double x, double y, double* floordiv, double* mod);  // divmod(x, y) (y != 0)

// round(x, ndigits): correctly rounded (round(2.675, 2) == 2.67); nan and inf round to themselves.
// Returns false for OverflowError "rounded value too large to represent".
bool round_double(double x, int64_t ndigits, double* out);

// round(x) without ndigits, before the conversion to int: the nearest integer, ties to even.
double round_half_even(double x);

// hash(x) for a float: equal to hash(int) for integral values (so hash(1.0) == hash(1)), 314159 for
// inf, -314159 for -inf, and 0 for nan (CPython 3.10+ hashes nan by identity; Krait uses 0).
int64_t hash_double(double x);

bool float_is_integer(double x);  // float.is_integer(): finite and integral

// The decimal digits of trunc(x), '-' first when negative, for int(x) of any finite x (even 1e308).
std::string float_to_int_digits(double x);

}  // namespace krait
