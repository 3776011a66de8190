// test_numbers.cpp — unit tests of int, bool and float (core/number.cpp, core/number_methods.cpp): the C++
// conversions (int_from_i64 keeps the immediate invariant, to_int64, index_of, to_double ...), operators
// through the protocol (binary_op, obj_compare, obj_hash), and the Python-level constructors and methods run
// as source. Expected values come from CPython 3.12.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "vm.h"

using namespace krait;

namespace {

void ensure_runtime() {
    // Every unit test file shares one process: initialize once whoever comes first.
    if (!vm.builtins) {
        static char arg0[] = "krait";
        static char* argv[] = {arg0, nullptr};
        runtime_init(1, argv, 1);
    }
}

std::string text(Value v) {
    Value s = obj_repr(v);
    REQUIRE_FALSE(val_is_null(s));
    return std::string(str_view(s));
}

// repr(eval(expr)), or "ExcType: message" when it raises.
std::string py(const std::string& expr) {
    ensure_runtime();
    ModuleObject* m = module_new("__test__");
    gc_make_permanent(m);
    Value r = exec_source("r = " + expr + "\n", "<test>", m);
    if (val_is_null(r)) {
        Value e = err_fetch();
        Value s = obj_str(e);
        return std::string(type_name(e)) + ": " + (val_is_null(s) ? "?" : std::string(str_view(s)));
    }
    return text(dict_get_str(m->dict, intern("r")));
}

// The current exception as "ExcType: message", cleared.
std::string fetch_error() {
    REQUIRE(err_occurred());
    Value e = err_fetch();
    Value s = obj_str(e);
    return std::string(type_name(e)) + ": " + std::string(str_view(s));
}

Value big(const char* digits) {
    BigInt b;
    REQUIRE(big_from_string(digits, 10, &b));
    return int_from_bigint(b);
}

} // namespace

TEST_CASE("ints that fit the immediate range are always immediates", "[numbers]") {
    ensure_runtime();
    CHECK(val_is_int(int_from_i64(VAL_INT_MAX)));
    CHECK(val_is_int(int_from_i64(VAL_INT_MIN)));
    CHECK(is_kind(int_from_i64(VAL_INT_MAX + 1), Kind::BigInt));
    CHECK(is_kind(int_from_i64(INT64_MIN), Kind::BigInt));
    CHECK(val_is_int(int_from_bigint(big_from_int64(12345))));
    // Arithmetic that comes back into range normalizes: (2**60 + 5) - 2**60 is the immediate 5.
    Value a = binary_op(big("1152921504606846981"), big("1152921504606846976"), BinOp::Sub, false);
    REQUIRE(val_is_int(a));
    CHECK(val_int(a) == 5);
    Value m = binary_op(int_from_i64(VAL_INT_MAX), val_from_int(2), BinOp::Mul, false);
    CHECK(is_kind(m, Kind::BigInt));
    CHECK(text(m) == "1125899906842622");
    CHECK(text(unary_neg(int_from_i64(VAL_INT_MIN))) == "562949953421312");
    CHECK(is_int(VAL_TRUE));
    CHECK(int_to_bigint(VAL_TRUE) == big_from_int64(1));
}

TEST_CASE("conversions to machine numbers", "[numbers]") {
    ensure_runtime();
    int64_t i;
    CHECK(to_int64(big("9223372036854775807"), &i, "x"));
    CHECK(i == INT64_MAX);
    CHECK_FALSE(to_int64(big("9223372036854775808"), &i, "x"));
    CHECK(fetch_error() == "OverflowError: Python int too large to convert to C long");
    CHECK_FALSE(index_of(val_from_float(1.5), &i));
    CHECK(fetch_error() == "TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(index_of(VAL_TRUE, &i));
    CHECK(i == 1);
    double d;
    CHECK(to_double(big("123456789012345678901234567890"), &d));
    CHECK(d == 1.2345678901234568e+29);
    CHECK_FALSE(to_double(binary_op(val_from_int(10), val_from_int(400), BinOp::Pow, false), &d));
    CHECK(fetch_error() == "OverflowError: int too large to convert to float");
    CHECK_FALSE(to_double(val(intern("x")), &d));
    CHECK(fetch_error() == "TypeError: must be real number, not str");
    CHECK(std::string(str_view(int_to_str(int_from_i64(-255), 16))) == "-ff");
    CHECK(std::string(str_view(int_to_str(big("-1267650600228229401496703205376"), 2))).size() == 102);
    CHECK(std::string(str_view(float_to_str(0.1))) == "0.1");
}

TEST_CASE("int arithmetic follows Python semantics", "[numbers]") {
    CHECK(py("7 // -2, -7 // 2, 7 % -2, -7 % 2, divmod(-7, 2)") == "(-4, -4, -1, 1, (-4, 1))");
    CHECK(py("2**100, 3**-1, (-2)**-1, 0**0, (-1)**(10**30 + 1)") ==
          "(1267650600228229401496703205376, 0.3333333333333333, -0.5, 1, -1)");
    CHECK(py("10**400 // 10**399, 10**400 / 10**399, (2**53 + 1) / 1") == "(10, 10.0, 9007199254740992.0)");
    CHECK(py("-1 >> 100, 1 << 70, -(2**70) >> 3, 5 & -2, -5 | 2**70, ~(2**70)") ==
          "(-1, 1180591620717411303424, -147573952589676412928, 4, -5, -1180591620717411303425)");
    CHECK(py("True + True, True & False, True ^ True, -True, 3 * True") == "(2, False, False, -1, 3)");
    CHECK(py("1 // 0") == "ZeroDivisionError: integer division or modulo by zero");
    CHECK(py("1 % 0") == "ZeroDivisionError: integer modulo by zero");
    CHECK(py("1 / 0") == "ZeroDivisionError: division by zero");
    CHECK(py("0 ** -1") == "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    CHECK(py("1 << -1") == "ValueError: negative shift count");
    CHECK(py("1 << 10**100") == "OverflowError: too many digits in integer");
    CHECK(py("1 << 10**12") == "MemoryError: ");
    CHECK(py("2 ** (10**12)") == "MemoryError: ");
    CHECK(py("10**400 / 1") == "OverflowError: integer division result too large for a float");
    CHECK(py("1 + 'a'") == "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    CHECK(py("1 << 2.0") == "TypeError: unsupported operand type(s) for <<: 'int' and 'float'");
}

TEST_CASE("float arithmetic and special values", "[numbers]") {
    CHECK(py("0.1 + 0.2, 1 / 3, 7.5 // 2, -7.5 % 2, divmod(-7.5, 2), 2 ** 0.5") ==
          "(0.30000000000000004, 0.3333333333333333, 3.0, 0.5, (-4.0, 0.5), 1.4142135623730951)");
    CHECK(py("1.0 // 0") == "ZeroDivisionError: float floor division by zero");
    CHECK(py("1.0 % 0") == "ZeroDivisionError: float modulo");
    CHECK(py("divmod(1.0, 0)") == "ZeroDivisionError: float divmod()");
    CHECK(py("1.0 / 0") == "ZeroDivisionError: float division by zero");
    CHECK(py("2.0 ** 10000") == "OverflowError: (34, 'Numerical result out of range')");
    CHECK(py("2**10000 * 1.0") == "OverflowError: int too large to convert to float");
    CHECK(py("float('inf') ** -1, (-8.0) ** 3, 1.0 ** float('nan'), float('-inf') ** 3") ==
          "(0.0, -512.0, 1.0, -inf)");
    CHECK(py("-0.0, abs(-0.0), -(0.0), 1e16, 1e-5, 123456789012345.0") ==
          "(-0.0, 0.0, -0.0, 1e+16, 1e-05, 123456789012345.0)");
}

TEST_CASE("comparisons between ints and floats are exact", "[numbers]") {
    CHECK(py("2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 10**400 < float('inf'), -10**400 > float('-inf')") ==
          "(False, True, True, True)");
    CHECK(py("float('nan') == float('nan'), float('nan') != 1, 1 == 1.0, True == 1, 2**100 == 2.0**100") ==
          "(False, True, True, True, True)");
    CHECK(py("1 < 'a'") == "TypeError: '<' not supported between instances of 'int' and 'str'");
    Value r = obj_compare(big("100000000000000000000"), val_from_float(1e20), CmpOp::EQ);
    CHECK(val_is_true(r));
}

TEST_CASE("hashes equal CPython's", "[numbers]") {
    CHECK(py("hash(1), hash(-1), hash(2**61 - 1), hash(2**100), hash(-2**64)") ==
          "(1, -2, 0, 549755813888, -8)");
    CHECK(
        py("hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(float('inf')), hash(2.0**70) == hash(2**70)") ==
        "(True, 1152921504606846976, 0, 314159, True)");
    CHECK(py("hash(True), hash(False)") == "(1, 0)");
}

TEST_CASE("int() and float() constructors", "[numbers]") {
    CHECK(
        py("int(), int(' 12 '), int('-1_000'), int('0x1f', 0), int('0b_101', 0), int('z', 36), int('١٢')") ==
        "(0, 12, -1000, 31, 5, 35, 12)");
    CHECK(py("int(3.9), int(-3.9), int(1e20), int(True), int('12', base=8)") ==
          "(3, -3, 100000000000000000000, 1, 10)");
    CHECK(py("int('x')") == "ValueError: invalid literal for int() with base 10: 'x'");
    CHECK(py("int('010', 0)") == "ValueError: invalid literal for int() with base 0: '010'");
    CHECK(py("int('1__0')") == "ValueError: invalid literal for int() with base 10: '1__0'");
    CHECK(py("int('12', 1)") == "ValueError: int() base must be >= 2 and <= 36, or 0");
    CHECK(py("int(5, 10)") == "TypeError: int() can't convert non-string with explicit base");
    CHECK(py("int([])") ==
          "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'");
    CHECK(py("int(float('inf'))") == "OverflowError: cannot convert float infinity to integer");
    CHECK(py("int(float('nan'))") == "ValueError: cannot convert float NaN to integer");
    CHECK(py("int(x='5')") == "TypeError: 'x' is an invalid keyword argument for int()");
    CHECK(py("int('1' * 5000)") ==
          "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
          "use sys.set_int_max_str_digits() to increase the limit");
    CHECK(py("str(10**5000)") == "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                                 "use sys.set_int_max_str_digits() to increase the limit");
    CHECK(py("float(), float(' 1_0.5 '), float('-inf'), float('nan'), float(2**70), float('1e400')") ==
          "(0.0, 10.5, -inf, nan, 1.1805916207174113e+21, inf)");
    CHECK(py("float('x')") == "ValueError: could not convert string to float: 'x'");
    CHECK(py("float([])") == "TypeError: float() argument must be a string or a real number, not 'list'");
    CHECK(py("float(10**400)") == "OverflowError: int too large to convert to float");
    CHECK(py("bool(), bool(0.0), bool(-2**70), bool('a')") == "(False, False, True, True)");
    CHECK(py("bool(x=1)") == "TypeError: bool() takes no keyword arguments");
}

TEST_CASE("int and float methods", "[numbers]") {
    CHECK(py("(255).bit_length(), (-2**70).bit_length(), (7).bit_count(), (5).real, (5).imag, "
             "(6).denominator") == "(8, 71, 3, 5, 0, 1)");
    CHECK(py("round(1250, -2), round(1350, -2), round(-1250, -2), round(5, -40), round(7)") ==
          "(1200, 1400, -1200, 0, 7)");
    CHECK(py("format(1234567, ','), format(255, '#x'), format(10**30, 'e'), format(True, ''), format(5, "
             "'08.2f')") == "('1,234,567', '0xff', '1.000000e+30', 'True', '00005.00')");
    CHECK(py("(1024).to_bytes(2, 'little'), int.from_bytes(b'\\xff\\xff', 'big', signed=True)") ==
          "(b'\\x00\\x04', -1)");
    CHECK(py("(1.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio(), (1.5).hex(), "
             "float.fromhex('0x1.8p1')") == "(False, True, (3, 4), '0x1.8000000000000p+0', 3.0)");
    CHECK(py("round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1.5, None)") ==
          "(2, 4, 2.67, 0, 2)");
    CHECK(py("round(float('inf'))") == "OverflowError: cannot convert float infinity to integer");
    CHECK(py("round(1.7976931348623157e308, -308)") == "OverflowError: rounded value too large to represent");
    CHECK(py("float('inf').as_integer_ratio()") == "OverflowError: cannot convert Infinity to integer ratio");
    CHECK(py("format(1.5, 'q')") == "ValueError: Unknown format code 'q' for object of type 'float'");
    CHECK(py("(1).__format__(1)") == "TypeError: __format__() argument must be str, not int");
}

TEST_CASE("int subclasses keep their class and int behaviour", "[numbers]") {
    ensure_runtime();
    ModuleObject* m = module_new("__test__");
    gc_make_permanent(m);
    Value r = exec_source(
        "class MyInt(int):\n"
        "    def double(self): return self * 2\n"
        "a = MyInt(21)\n"
        "r = (type(a).__name__, a.double(), type(a + 1).__name__, a == 21, hash(a) == hash(21), repr(a))\n",
        "<test>", m);
    REQUIRE_FALSE(val_is_null(r));
    CHECK(text(dict_get_str(m->dict, intern("r"))) == "('MyInt', 42, 'int', True, True, '21')");
}
