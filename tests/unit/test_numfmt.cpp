// test_numfmt.cpp - unit tests for core/numfmt.h (float repr and parsing, format specs, printf-style
// formatting, float arithmetic). The expected values come from CPython 3.12.1: the case tables are in
// tests/unit/data/numfmt_cases.inc (compiled in), the 2000-double repr table is
// tests/unit/data/numfmt_float_repr.txt (read at run time through KRAIT_SOURCE_DIR).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "numfmt.h"

#ifndef KRAIT_SOURCE_DIR
#define KRAIT_SOURCE_DIR "/work/main"
#endif

using namespace std::literals;

namespace {

double from_bits(uint64_t b) {
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

uint64_t to_bits(double x) {
    uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// Renders an error the way the tables spell it: "!ValueError: message".
std::string error_text(const std::string& err) {
    switch (krait::numfmt_error_kind(err)) {
    case krait::NumfmtErrorKind::kOverflowError: return "!OverflowError: " + err;
    case krait::NumfmtErrorKind::kMemoryError: return "!MemoryError: " + err;
    default: return "!ValueError: " + err;
    }
}

struct FloatFormatCase {
    uint64_t bits;
    std::string_view spec;
    std::string_view expect;
};
struct IntFormatCase {
    int64_t value;
    std::string_view spec;
    std::string_view expect;
};
struct BigIntFormatCase {
    bool negative;
    std::string_view base2, base8, base10, base16;
    std::string_view spec;
    std::string_view expect;
};
struct StrFormatCase {
    std::string_view text;
    std::string_view spec;
    std::string_view expect;
};
struct PrintfFloatCase {
    std::string_view format;
    uint64_t bits;
    std::string_view expect;
};
struct PrintfIntCase {
    std::string_view format;
    bool negative;
    std::string_view base8, base10, base16;
    std::string_view expect;
};
struct PrintfStrCase {
    std::string_view format;
    std::string_view text;
    std::string_view expect;
};
struct RoundCase {
    uint64_t bits;
    int64_t ndigits;
    uint64_t expect;
    bool overflow;
};
struct RoundHalfEvenCase {
    uint64_t bits;
    uint64_t expect;
};
struct HashCase {
    uint64_t bits;
    int64_t expect;
};
struct ParseFloatCase {
    std::string_view text;
    uint64_t expect;
    bool accepted;
};
struct DivmodCase {
    uint64_t x, y, floordiv, mod;
};
struct IntDigitsCase {
    uint64_t bits;
    std::string_view expect;
};

#include "data/numfmt_cases.inc"


// ---- Helpers for the table-driven tests ---------------------------------------------------------------

std::string run_float_format(double x, std::string_view spec) {
    krait::FormatSpec parsed;
    std::string out, err;
    if (!krait::parse_format_spec(spec, &parsed, &err, '\0', "float")) return error_text(err);
    if (!krait::format_float(x, parsed, &out, &err)) return error_text(err);
    return out;
}

std::string run_int_format(int64_t v, std::string_view spec) {
    krait::FormatSpec parsed;
    std::string out, err;
    if (!krait::parse_format_spec(spec, &parsed, &err, 'd', "int")) return error_text(err);
    if (!krait::format_int64(v, parsed, &out, &err)) return error_text(err);
    return out;
}

// What an int.__format__ caller does for an int of any size.
std::string run_bigint_format(const BigIntFormatCase& c) {
    krait::FormatSpec parsed;
    std::string out, err;
    if (!krait::parse_format_spec(c.spec, &parsed, &err, 'd', "int")) return error_text(err);
    int base = krait::format_spec_int_base(parsed);
    if (base == 0) {
        double x;  // int -> float is correctly rounded, as float(str) of the decimal digits
        REQUIRE(krait::parse_float(c.base10, &x));
        if (!krait::format_float(c.negative ? -x : x, parsed, &out, &err, "int")) return error_text(err);
        return out;
    }
    std::string_view digits = base == 2 ? c.base2 : base == 8 ? c.base8 : base == 16 ? c.base16 : c.base10;
    if (!krait::format_integer(c.negative, digits, parsed, &out, &err)) return error_text(err);
    return out;
}

std::string run_str_format(std::string_view text, std::string_view spec) {
    krait::FormatSpec parsed;
    std::string out, err;
    if (!krait::parse_format_spec(spec, &parsed, &err, 's', "str")) return error_text(err);
    if (!krait::format_string(text, parsed, &out, &err)) return error_text(err);
    return out;
}

// Parses the conversion after the leading '%' and returns it with whatever text follows it.
krait::PrintfSpec parse_conversion(std::string_view format, std::string_view* rest) {
    krait::PrintfSpec spec;
    std::string err;
    REQUIRE(format.substr(0, 1) == "%");
    REQUIRE(krait::parse_printf_spec(format, 1, &spec, &err));
    *rest = format.substr(spec.end);
    return spec;
}

}  // namespace

TEST_CASE("float_repr matches CPython on 2000 doubles", "[numfmt]") {
    std::ifstream in(KRAIT_SOURCE_DIR "/tests/unit/data/numfmt_float_repr.txt");
    REQUIRE(in.good());
    std::string line;
    int count = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        size_t space = line.find(' ');
        double x = from_bits(std::stoull(line.substr(0, space), nullptr, 16));
        INFO(line);
        CHECK(krait::float_repr(x) == line.substr(space + 1));
        ++count;
    }
    CHECK(count == 2000);
}

TEST_CASE("float_repr layout", "[numfmt]") {
    CHECK(krait::float_repr(1.0) == "1.0");
    CHECK(krait::float_repr(0.1) == "0.1");
    CHECK(krait::float_repr(1e16) == "1e+16");
    CHECK(krait::float_repr(1e-5) == "1e-05");
    CHECK(krait::float_repr(0.0001) == "0.0001");
    CHECK(krait::float_repr(123456789012345.0) == "123456789012345.0");
    CHECK(krait::float_repr(9999999999999998.0) == "9999999999999998.0");
    CHECK(krait::float_repr(1.2345678901234567e19) == "1.2345678901234567e+19");
    CHECK(krait::float_repr(0.1 + 0.2) == "0.30000000000000004");
    CHECK(krait::float_repr(1.0 / 0.0) == "inf");
    CHECK(krait::float_repr(-1.0 / 0.0) == "-inf");
    CHECK(krait::float_repr(std::nan("")) == "nan");
    CHECK(krait::float_repr(-std::nan("")) == "nan");
    CHECK(krait::float_repr(-0.0) == "-0.0");
    CHECK(krait::float_repr(0.0) == "0.0");
    CHECK(krait::float_repr(5e-324) == "5e-324");
    CHECK(krait::float_repr(2.2250738585072014e-308) == "2.2250738585072014e-308");
    CHECK(krait::float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(krait::float_repr(9007199254740993.0) == "9007199254740992.0");
    CHECK(krait::float_repr(2e16 + 8) == "2.000000000000001e+16");  // shortest, not 20000000000000008.0
    CHECK(krait::float_repr(-1.5) == "-1.5");
}

TEST_CASE("double_to_string codes and flags", "[numfmt]") {
    auto dts = [](double x, char code, int precision, unsigned flags) {
        std::string out = "<";
        krait::double_to_string(x, code, precision, flags, &out);
        return out;
    };
    CHECK(dts(1.0, 'r', 0, 0) == "<1");
    CHECK(dts(1.0, 'r', 0, krait::kDtsfAddDot0) == "<1.0");
    CHECK(dts(1.0, 'r', 0, krait::kDtsfSign | krait::kDtsfAddDot0) == "<+1.0");
    CHECK(dts(1.5, 'e', 3, 0) == "<1.500e+00");
    CHECK(dts(1.5, 'E', 0, krait::kDtsfAlt) == "<2.E+00");
    CHECK(dts(-0.0, 'f', 2, krait::kDtsfNoNegZero) == "<0.00");
    CHECK(dts(-0.004, 'f', 2, krait::kDtsfNoNegZero) == "<0.00");
    CHECK(dts(-0.004, 'f', 2, 0) == "<-0.00");
    CHECK(dts(123456.0, 'g', 0, 0) == "<1e+05");
    CHECK(dts(1.0 / 0.0, 'F', 3, krait::kDtsfSign) == "<+INF");
    CHECK(dts(std::nan(""), 'G', 3, 0) == "<NAN");
    CHECK(dts(1e22, 'f', 0, 0) == "<10000000000000000000000");
    CHECK(dts(0.1, 'f', 30, 0) == "<0.100000000000000005551115123126");
}

TEST_CASE("format_float matches CPython", "[numfmt]") {
    for (const FloatFormatCase& c : kFloatFormatCases) {
        INFO("format(" << krait::float_repr(from_bits(c.bits)) << ", '" << c.spec << "')");
        CHECK(run_float_format(from_bits(c.bits), c.spec) == c.expect);
    }
    CHECK(std::size(kFloatFormatCases) >= 100);
}

TEST_CASE("format_float examples", "[numfmt]") {
    CHECK(run_float_format(1234.5678, ",.2f") == "1,234.57");
    CHECK(run_float_format(0.5, ".0f") == "0");
    CHECK(run_float_format(1e20, "") == "1e+20");
    krait::FormatSpec empty;  // format(x, '') is str(x)
    std::string out, err;
    REQUIRE(krait::format_float(2.5, empty, &out, &err));
    CHECK(out == "2.5");
}

TEST_CASE("format_int64 matches CPython", "[numfmt]") {
    for (const IntFormatCase& c : kIntFormatCases) {
        INFO("format(" << c.value << ", '" << c.spec << "')");
        CHECK(run_int_format(c.value, c.spec) == c.expect);
    }
}

TEST_CASE("format_integer on big ints matches CPython", "[numfmt]") {
    for (const BigIntFormatCase& c : kBigIntFormatCases) {
        INFO("format(" << (c.negative ? "-" : "") << c.base10 << ", '" << c.spec << "')");
        CHECK(run_bigint_format(c) == c.expect);
    }
    krait::FormatSpec spec;
    std::string err;
    REQUIRE(krait::parse_format_spec("#x", &spec, &err, 'd', "int"));
    CHECK(krait::format_spec_int_base(spec) == 16);
    REQUIRE(krait::parse_format_spec(".3%", &spec, &err, 'd', "int"));
    CHECK(krait::format_spec_int_base(spec) == 0);
    REQUIRE(krait::parse_format_spec("q", &spec, &err, 'd', "bool"));
    std::string out;
    CHECK_FALSE(krait::format_integer(false, "1", spec, &out, &err, "bool"));
    CHECK(err == "Unknown format code 'q' for object of type 'bool'");
}

TEST_CASE("format_string matches CPython", "[numfmt]") {
    for (const StrFormatCase& c : kStrFormatCases) {
        INFO("format('" << c.text << "', '" << c.spec << "')");
        CHECK(run_str_format(c.text, c.spec) == c.expect);
    }
}

TEST_CASE("parse_format_spec fields", "[numfmt]") {
    krait::FormatSpec s;
    std::string err;
    REQUIRE(krait::parse_format_spec("€^+z#012_.3e", &s, &err));
    CHECK(s.fill == U'€');
    CHECK(s.align == '^');
    CHECK(s.sign == '+');
    CHECK(s.no_neg_zero);
    CHECK(s.alternate);
    CHECK(s.width == 12);  // '0' after an explicit fill is part of the width
    CHECK(s.grouping == '_');
    CHECK(s.precision == 3);
    CHECK(s.type == 'e');
    REQUIRE(krait::parse_format_spec("08", &s, &err, 'd', "int"));
    CHECK((s.fill == '0' && s.align == '=' && s.width == 8 && s.type == 'd'));
    REQUIRE(krait::parse_format_spec("05", &s, &err, 's', "str"));
    CHECK((s.fill == '0' && s.align == '<' && s.width == 5 && s.type == 's'));
    CHECK_FALSE(krait::parse_format_spec("xx", &s, &err, 's', "str"));
    CHECK(err == "Invalid format specifier 'xx' for object of type 'str'");
}

TEST_CASE("printf-style float conversions match CPython", "[numfmt]") {
    for (const PrintfFloatCase& c : kPrintfFloatCases) {
        INFO("'" << c.format << "' % " << krait::float_repr(from_bits(c.bits)));
        std::string_view rest;
        krait::PrintfSpec s = parse_conversion(c.format, &rest);
        std::string out, err;
        char conv = static_cast<char>(s.conv);
        double x = from_bits(c.bits);
        REQUIRE(krait::format_printf_float(x, s.flags, s.width, s.precision, conv, &out, &err));
        CHECK(out + std::string(rest) == c.expect);
    }
}

TEST_CASE("printf-style int conversions match CPython", "[numfmt]") {
    for (const PrintfIntCase& c : kPrintfIntCases) {
        INFO("'" << c.format << "' % " << (c.negative ? "-" : "") << c.base10);
        std::string_view rest;
        krait::PrintfSpec s = parse_conversion(c.format, &rest);
        char conv = static_cast<char>(s.conv);
        int base = krait::printf_int_base(conv);
        std::string_view digits = base == 8 ? c.base8 : base == 16 ? c.base16 : c.base10;
        std::string out, err;
        bool neg = c.negative;
        REQUIRE(krait::format_printf_int(neg, digits, s.flags, s.width, s.precision, conv, &out, &err));
        CHECK(out + std::string(rest) == c.expect);
    }
}

TEST_CASE("printf-style str conversions match CPython", "[numfmt]") {
    for (const PrintfStrCase& c : kPrintfStrCases) {
        INFO("'" << c.format << "' % '" << c.text << "'");
        std::string_view rest;
        krait::PrintfSpec s = parse_conversion(c.format, &rest);
        std::string out, err;
        char conv = static_cast<char>(s.conv);
        REQUIRE(krait::format_printf_str(c.text, s.flags, s.width, s.precision, conv, &out, &err));
        CHECK(out + std::string(rest) == c.expect);
    }
}

namespace {

// Supplies '*' arguments and records mapping keys, like the interpreter's str % dict / tuple.
class TestArgs : public krait::PrintfArgSource {
public:
    std::string key;
    int64_t stars[2] = {0, 0};
    int next_star = 0;
    bool fail = false;

    bool select_key(std::string_view k) override {
        key = std::string(k);
        return !fail;
    }
    bool star_arg(bool, int64_t* value) override {
        if (fail) return false;
        *value = stars[next_star++];
        return true;
    }
};

}  // namespace

TEST_CASE("parse_printf_spec", "[numfmt]") {
    krait::PrintfSpec s;
    std::string err;
    REQUIRE(krait::parse_printf_spec("%-+ #012.5ld tail", 1, &s, &err));
    CHECK(s.flags == (krait::kPrintfLeft | krait::kPrintfSign | krait::kPrintfBlank | krait::kPrintfAlt |
                      krait::kPrintfZero));
    CHECK((s.width == 12 && s.precision == 5 && s.conv == 'd' && s.end == 12));

    TestArgs args;
    args.stars[0] = -7;
    args.stars[1] = -3;
    REQUIRE(krait::parse_printf_spec("%(na(m)e)*.*f", 1, &s, &err, &args));
    CHECK((s.has_key && s.key == "na(m)e" && args.key == "na(m)e"));
    CHECK((s.width == 7 && (s.flags & krait::kPrintfLeft) && s.precision == 0 && s.conv == 'f'));

    REQUIRE(krait::parse_printf_spec("%*d", 1, &s, &err));  // no argument source: stars are recorded
    CHECK(s.width == -2);
    REQUIRE(krait::parse_printf_spec("%é", 1, &s, &err));
    CHECK((s.conv == U'é' && s.end == 3));

    const char* bad[][2] = {{"%", "incomplete format"},          {"%5", "incomplete format"},
                            {"%.", "incomplete format"},         {"%-", "incomplete format"},
                            {"%h", "incomplete format"},         {"%(a", "incomplete format key"},
                            {"%(a)", "incomplete format"},       {"%99999999999999999999d", "width too big"},
                            {"%.99999999999d", "precision too big"}};
    for (auto& b : bad) {
        INFO(b[0]);
        CHECK_FALSE(krait::parse_printf_spec(b[0], 1, &s, &err));
        CHECK(err == b[1]);
    }
    TestArgs failing;
    failing.fail = true;
    CHECK_FALSE(krait::parse_printf_spec("%*", 1, &s, &err, &failing));  // the argument's error wins
    CHECK(err.empty());
}

TEST_CASE("round_double and round_half_even match CPython", "[numfmt]") {
    for (const RoundCase& c : kRoundCases) {
        INFO("round(" << krait::float_repr(from_bits(c.bits)) << ", " << c.ndigits << ")");
        double r = 0;
        bool ok = krait::round_double(from_bits(c.bits), c.ndigits, &r);
        CHECK(ok == !c.overflow);
        if (ok && !std::isnan(r)) CHECK(to_bits(r) == c.expect);
    }
    for (const RoundHalfEvenCase& c : kRoundHalfEvenCases) {
        INFO("round(" << krait::float_repr(from_bits(c.bits)) << ")");
        CHECK(to_bits(krait::round_half_even(from_bits(c.bits))) == c.expect);
    }
}

TEST_CASE("hash_double matches CPython", "[numfmt]") {
    for (const HashCase& c : kHashCases) {
        INFO("hash(" << krait::float_repr(from_bits(c.bits)) << ")");
        CHECK(krait::hash_double(from_bits(c.bits)) == c.expect);
    }
    CHECK(krait::hash_double(0.5) == 1152921504606846976);
    CHECK(krait::hash_double(std::nan("")) == 0);
}

TEST_CASE("parse_float matches CPython's float()", "[numfmt]") {
    for (const ParseFloatCase& c : kParseFloatCases) {
        INFO("float('" << c.text << "')");
        double x = 0;
        bool ok = krait::parse_float(c.text, &x);
        CHECK(ok == c.accepted);
        if (ok && c.accepted) CHECK(to_bits(x) == c.expect);
    }
    double x = 0;
    REQUIRE(krait::parse_float("nan", &x));
    CHECK(std::isnan(x));
    REQUIRE(krait::parse_float("-nan", &x));
    CHECK((std::isnan(x) && std::signbit(x)));
}

TEST_CASE("float_divmod, float_floordiv and float_mod match CPython", "[numfmt]") {
    for (const DivmodCase& c : kDivmodCases) {
        double x = from_bits(c.x), y = from_bits(c.y);
        INFO("divmod(" << krait::float_repr(x) << ", " << krait::float_repr(y) << ")");
        double q, m;
        krait::float_divmod(x, y, &q, &m);
        if (std::isnan(from_bits(c.floordiv))) {
            CHECK(std::isnan(q));
        } else {
            CHECK(to_bits(q) == c.floordiv);
            CHECK(to_bits(krait::float_floordiv(x, y)) == c.floordiv);
        }
        if (std::isnan(from_bits(c.mod))) {
            CHECK(std::isnan(m));
        } else {
            CHECK(to_bits(m) == c.mod);
            CHECK(to_bits(krait::float_mod(x, y)) == c.mod);
        }
    }
}

TEST_CASE("float_is_integer and float_to_int_digits", "[numfmt]") {
    CHECK(krait::float_is_integer(3.0));
    CHECK(krait::float_is_integer(-0.0));
    CHECK(krait::float_is_integer(1e300));
    CHECK_FALSE(krait::float_is_integer(0.5));
    CHECK_FALSE(krait::float_is_integer(1.0 / 0.0));
    CHECK_FALSE(krait::float_is_integer(std::nan("")));
    for (const IntDigitsCase& c : kIntDigitsCases) {
        INFO("int(" << krait::float_repr(from_bits(c.bits)) << ")");
        CHECK(krait::float_to_int_digits(from_bits(c.bits)) == c.expect);
    }
}

TEST_CASE("absurd widths are refused as MemoryError", "[numfmt]") {
    krait::FormatSpec s;
    std::string out, err;
    REQUIRE(krait::parse_format_spec("999999999999", &s, &err));
    CHECK_FALSE(krait::format_float(1.0, s, &out, &err));
    CHECK(krait::numfmt_error_kind(err) == krait::NumfmtErrorKind::kMemoryError);
    CHECK(out.empty());
}
