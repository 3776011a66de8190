// test_builtins.cpp — unit tests of the built-in functions and iterator types (core/builtins.cpp), text files
// (core/file.cpp) and the math, time and sys modules, run as Python source through the real runtime.
// Expected values and error messages come from CPython 3.12.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

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

// Runs `src` (which binds `r`) and returns repr(r), or "ExcType: message" when it raises.
std::string run(const std::string& src) {
    ensure_runtime();
    ModuleObject* m = module_new("__test__");
    gc_make_permanent(m);
    Value r = exec_source(src + "\n", "<test>", m);
    if (val_is_null(r)) {
        Value e = err_fetch();
        Value s = obj_str(e);
        return std::string(type_name(e)) + ": " + (val_is_null(s) ? "?" : std::string(str_view(s)));
    }
    Value s = obj_repr(dict_get_str(m->dict, intern("r")));
    REQUIRE_FALSE(val_is_null(s));
    return std::string(str_view(s));
}

std::string py(const std::string& expr) {
    return run("r = " + expr);
}

} // namespace

TEST_CASE("min, max, sum, sorted", "[builtins]") {
    CHECK(py("min(3, 1, 2), max([3, 1, 2]), max('abc'), min([], default=9), max([1, 3, 2], key=lambda x: "
             "-x)") == "(1, 3, 'c', 9, 1)");
    CHECK(py("max([(1, 'a'), (1, 'b')]), max([1, 1.0], key=lambda x: 0), min([1.0, 1])") ==
          "((1, 'b'), 1, 1.0)");
    CHECK(py("min()") == "TypeError: min expected at least 1 argument, got 0");
    CHECK(py("min([])") == "ValueError: min() iterable argument is empty");
    CHECK(py("max(1, 2, default=3)") ==
          "TypeError: Cannot specify a default for max() with multiple positional arguments");
    CHECK(py("min([1], foo=1)") == "TypeError: 'foo' is an invalid keyword argument for min()");
    CHECK(py("sum([1, 2, 3]), sum([[1], [2]], []), sum([0.1] * 10), sum([2**62] * 3), sum([], start=5)") ==
          "(6, [1, 2], 1.0, 13835058055282163712, 5)");
    CHECK(py("sum([1e100, 1.0, -1e100, 1.0]), sum([1, 2.5, 0.1])") == "(2.0, 3.6)");
    CHECK(py("sum(['a'], '')") == "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    CHECK(py("sum(['a'])") == "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    CHECK(py("sorted([3, 1, 2]), sorted('cba', reverse=True), sorted(['b', 'A'], key=str.lower)") ==
          "([1, 2, 3], ['c', 'b', 'a'], ['A', 'b'])");
    CHECK(py("sorted([1], None)") == "TypeError: sorted expected 1 argument, got 2");
}

TEST_CASE("iterator builtins", "[builtins]") {
    CHECK(py("list(enumerate('ab', 5)), list(enumerate('a', 2**70)), type(enumerate([])).__name__") ==
          "([(5, 'a'), (6, 'b')], [(1180591620717411303424, 'a')], 'enumerate')");
    CHECK(
        py("list(zip([1, 2, 3], 'ab')), list(zip()), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30]))") ==
        "([(1, 'a'), (2, 'b')], [], [11, 22])");
    CHECK(py("list(zip([1, 2], [1], strict=True))") ==
          "ValueError: zip() argument 2 is shorter than argument 1");
    CHECK(py("list(zip([1], [1], [1, 2], strict=True))") ==
          "ValueError: zip() argument 3 is longer than arguments 1-2");
    CHECK(py("list(filter(None, [0, 1, '', 'a'])), list(filter(lambda x: x > 1, [1, 2, 3]))") ==
          "([1, 'a'], [2, 3])");
    CHECK(py("list(reversed([1, 2, 3])), list(reversed('ab')), list(reversed(range(3)))") ==
          "([3, 2, 1], ['b', 'a'], [2, 1, 0])");
    CHECK(py("reversed(5)") == "TypeError: 'int' object is not reversible");
    CHECK(run("n = [0]\ndef f():\n    n[0] += 1\n    return n[0]\nr = list(iter(f, 4))") == "[1, 2, 3]");
    CHECK(py("next(iter([]), 'd'), next(iter('ab'))") == "('d', 'a')");
    CHECK(py("next(iter([]))") == "StopIteration: ");
    CHECK(py("next([1])") == "TypeError: 'list' object is not an iterator");
    CHECK(py("map(len)") == "TypeError: map() must have at least two arguments.");
    CHECK(py("any([]), all([]), any(x > 2 for x in range(5)), all('ab')") == "(False, True, True, True)");
}

TEST_CASE("numeric builtins", "[builtins]") {
    CHECK(py("abs(-5), abs(-2.5), abs(-2**70), divmod(7, 2), divmod(-7, 2.5)") ==
          "(5, 2.5, 1180591620717411303424, (3, 1), (-3.0, 0.5))");
    CHECK(py("pow(2, 10, 1000), pow(3, -1, 7), pow(3, 5, -7), pow(base=2, exp=3)") == "(24, 5, -2, 8)");
    CHECK(py("pow(2, 3, 0)") == "ValueError: pow() 3rd argument cannot be 0");
    CHECK(py("pow(2.0, 3, 5)") ==
          "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    CHECK(py("pow(2, -1, 4)") == "ValueError: base is not invertible for the given modulus");
    CHECK(py("round('x')") == "TypeError: type str doesn't define __round__ method");
    CHECK(py("divmod(1, 'x')") == "TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'");
    CHECK(py("abs('x')") == "TypeError: bad operand type for abs(): 'str'");
    CHECK(py("hex(-255), oct(8), bin(-5), hex(2**70), ord('€'), chr(0x1F600), ord(b'a')") ==
          "('-0xff', '0o10', '-0b101', '0x400000000000000000', 8364, '😀', 97)");
    CHECK(py("ord('ab')") == "TypeError: ord() expected a character, but string of length 2 found");
    CHECK(py("chr(0x110000)") == "ValueError: chr() arg not in range(0x110000)");
    CHECK(py("hex(1.5)") == "TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(py("format(3.14159, '.2f'), format(1234567, ','), format(None)") ==
          "('3.14', '1,234,567', 'None')");
}

TEST_CASE("attribute and type builtins", "[builtins]") {
    CHECK(run("class A:\n    x = 1\na = A()\nsetattr(a, 'z', 3)\n"
              "r = (getattr(a, 'x'), getattr(a, 'y', 5), hasattr(a, 'z'), a.z, delattr(a, 'z'), hasattr(a, "
              "'z'))") == "(1, 5, True, 3, None, False)");
    CHECK(py("getattr(1, 5)") == "TypeError: attribute name must be string, not 'int'");
    CHECK(py("isinstance(True, int), isinstance(1, (str, (float, int))), issubclass(bool, (str, int))") ==
          "(True, True, True)");
    CHECK(py("isinstance(1, 5)") ==
          "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK(py("issubclass(1, int)") == "TypeError: issubclass() arg 1 must be a class");
    CHECK(py("callable(len), callable(1), len('abc'), hash(1.5), id(1) == id(1)") ==
          "(True, False, 3, 1152921504606846977, True)");
    CHECK(py("len(5)") == "TypeError: object of type 'int' has no len()");
    CHECK(py("len()") == "TypeError: len() takes exactly one argument (0 given)");
}

TEST_CASE("print writes through file objects", "[builtins]") {
    CHECK(run("class W:\n    def __init__(self): self.parts = []\n"
              "    def write(self, s): self.parts.append(s)\n    def flush(self): self.parts.append('F')\n"
              "w = W()\nprint(1, 2.5, 'x', sep='-', end='!', file=w, flush=True)\nr = w.parts") ==
          "['1', '-', '2.5', '-', 'x', '!', 'F']");
    CHECK(py("print(1, sep=5)") == "TypeError: sep must be None or a string, not int");
    CHECK(py("print(1, foo=5)") == "TypeError: 'foo' is an invalid keyword argument for print()");
}

TEST_CASE("open, read, write files", "[builtins][file]") {
    char path[] = "/tmp/krait_test_builtins_XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    close(fd);
    std::string p = std::string("'") + path + "'";
    CHECK(run("with open(" + p +
              ", 'w') as f:\n    n = f.write('héllo\\nworld\\n')\n"
              "    f.writelines(['a\\n', 'b'])\n"
              "with open(" +
              p +
              ") as f:\n    lines = [line for line in f]\n"
              "f2 = open(" +
              p +
              ")\nfirst = f2.readline()\nrest = f2.read(3)\nall_ = f2.read()\nf2.close()\n"
              "r = (n, lines, first, rest, all_, f2.closed, f.mode)") ==
          "(12, ['héllo\\n', 'world\\n', 'a\\n', 'b'], 'héllo\\n', 'wor', 'ld\\na\\nb', True, 'r')");
    CHECK(run("with open(" + p + ", 'a') as f:\n    f.write('c')\nr = open(" + p + ").readlines()") ==
          "['héllo\\n', 'world\\n', 'a\\n', 'bc']");
    CHECK(run("f = open(" + p + ")\nf.close()\nr = f.read()") == "ValueError: I/O operation on closed file.");
    CHECK(run("f = open(" + p + ")\nr = f.write('x')") == "UnsupportedOperation: not writable");
    CHECK(py("open('/nonexistent/krait_nope')").find("FileNotFoundError: ") == 0);
    CHECK(run("r = open(" + p + ", 'rw')") ==
          "ValueError: must have exactly one of create/read/write/append mode");
    remove(path);
}

TEST_CASE("math module", "[builtins][math]") {
    CHECK(
        run("import math\nr = (math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.pi)") ==
        "(1.4142135623730951, -3, 3, -2, 3.141592653589793)");
    CHECK(
        run("import math\nr = (math.log(10**1000), math.log(8, 2), math.log2(2**5000), math.hypot(3, 4))") ==
        "(2302.585092994045, 3.0, 5000.0, 5.0)");
    CHECK(run("import math\nr = (math.gcd(12, 18, 8), math.lcm(4, 6), math.factorial(25), "
              "math.isqrt(10**40))") == "(2, 12, 15511210043330985984000000, 100000000000000000000)");
    CHECK(run("import math\nr = (math.comb(100, 50), math.perm(5, 2), math.prod([1.5, 2]), math.fsum([0.1] * "
              "10))") == "(100891344545564193334812497256, 20, 3.0, 1.0)");
    CHECK(run("import math\nr = (math.gamma(0.5), math.lgamma(10), math.isclose(1, 1 + 1e-10), "
              "math.frexp(8.0))") == "(1.7724538509055159, 12.801827480081467, True, (0.5, 4))");
    CHECK(run("import math\nr = math.sqrt(-1)") == "ValueError: math domain error");
    CHECK(run("import math\nr = math.exp(1000)") == "OverflowError: math range error");
    CHECK(run("import math\nr = math.factorial(-1)") ==
          "ValueError: factorial() not defined for negative values");
    CHECK(run("import math\nr = math.floor('x')") == "TypeError: must be real number, not str");
    CHECK(run("import math\nr = math.fsum([1e308, 1e308])") ==
          "OverflowError: intermediate overflow in fsum");
    CHECK(run("import math\nr = math.sqrt(1, 2)") ==
          "TypeError: math.sqrt() takes exactly one argument (2 given)");
}

TEST_CASE("time and sys modules", "[builtins][sys]") {
    CHECK(run("import time\nt = time.perf_counter()\ntime.sleep(0.001)\n"
              "r = (time.perf_counter() > t, type(time.time_ns()).__name__, type(time.time()).__name__)") ==
          "(True, 'int', 'float')");
    CHECK(run("import time\nr = time.sleep(-1)") == "ValueError: sleep length must be non-negative");
    CHECK(run("import sys\nr = (sys.maxsize, sys.version_info >= (3, 12), sys.version_info.major, "
              "sys.implementation.name, sys.byteorder)") ==
          "(9223372036854775807, True, 3, 'krait', 'little')");
    CHECK(run("import sys\nold = sys.getrecursionlimit()\nsys.setrecursionlimit(1500)\n"
              "r = sys.getrecursionlimit()\nsys.setrecursionlimit(old)") == "1500");
    CHECK(run("import sys\nr = sys.setrecursionlimit(0)") ==
          "ValueError: recursion limit must be greater or equal than 1");
    CHECK(run("import sys\nsys.set_int_max_str_digits(0)\nr = "
              "len(str(10**5000))\nsys.set_int_max_str_digits(4300)") == "5001");
    CHECK(run("import sys\nr = sys.set_int_max_str_digits(5)") ==
          "ValueError: maxdigits must be 0 or larger than 640");
    CHECK(run("import sys\ntry:\n    raise KeyError('k')\nexcept KeyError:\n    r = "
              "sys.exc_info()[0].__name__") == "'KeyError'");
    CHECK(run("import sys\nr = sys.exit(3)") == "SystemExit: 3");
    CHECK(run("import sys\nr = (sys.stdout.name, sys.stdin.mode, 'math' in sys.modules)") ==
          "('<stdout>', 'r', True)");
}
