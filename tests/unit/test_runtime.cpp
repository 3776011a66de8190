// test_runtime.cpp — unit tests of the runtime core: the dict hash table, the garbage collector and the
// compiler (scopes, cells, exception tables, errors), driven through the real runtime.
#include <catch2/catch.hpp>

#include <string>

#include "code.h"
#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "vm.h"

namespace krait {
CodeObject* compile_source(std::string_view source, const std::string& filename);
}

using namespace krait;

namespace {

void ensure_runtime() {
    static bool ready = false;
    if (!ready) {
        static char arg0[] = "krait";
        static char* argv[] = {arg0, nullptr};
        runtime_init(1, argv, 1);
        ready = true;
    }
}

// Runs `src` as a module and returns its globals (or null with the exception printed).
DictObject* run(const std::string& src) {
    ensure_runtime();
    ModuleObject* m = module_new("__test__");
    gc_make_permanent(m);  // the tests inspect its globals after later collections
    Value r = exec_source(src, "<test>", m);
    if (val_is_null(r)) {
        print_exception(err_fetch());
        return nullptr;
    }
    return m->dict;
}

Value global(DictObject* g, const char* name) { return dict_get_str(g, intern(name)); }

std::string text(Value v) {
    Value s = obj_str(v);
    REQUIRE_FALSE(val_is_null(s));
    return std::string(str_view(s));
}

std::string compile_error(const std::string& src) {
    ensure_runtime();
    CodeObject* c = compile_source(src, "<test>");
    if (c) return "";
    Value e = err_fetch();
    Value args = obj_getattr(e, intern("args"));
    return text(as<TupleObject>(args)->items[0]);
}

}  // namespace

TEST_CASE("dict keeps insertion order through deletes and resizes", "[dict]") {
    ensure_runtime();
    DictObject* d = dict_new();
    Value dv = val(d);
    Root r(dv);
    for (int i = 0; i < 1000; i++) REQUIRE(dict_set(d, int_from_i64(i * 7), int_from_i64(i)));
    for (int i = 0; i < 1000; i += 2) REQUIRE(dict_del(d, int_from_i64(i * 7)) == 1);
    CHECK(dict_size(d) == 500);
    CHECK(dict_del(d, int_from_i64(0)) == 0);
    Value k, v;
    int expect = 1;
    for (uint32_t pos = 0; dict_next(d, &pos, &k, &v); expect += 2) {
        CHECK(val_int(k) == expect * 7);
        CHECK(val_int(v) == expect);
    }
    CHECK(expect == 1001);
    // str keys: equal text finds the entry whether or not it is the same object.
    Value key = str_new("not interned but equal");
    REQUIRE(dict_set(d, key, VAL_TRUE));
    CHECK(dict_get(d, str_new("not interned but equal")).bits == VAL_TRUE.bits);
    // 1, 1.0 and True are one key, as in Python.
    REQUIRE(dict_set(d, int_from_i64(1), int_from_i64(10)));
    REQUIRE(dict_set(d, val_from_float(1.0), int_from_i64(11)));
    CHECK(val_int(dict_get(d, VAL_TRUE)) == 11);
}

TEST_CASE("dict rejects unhashable keys with TypeError", "[dict]") {
    ensure_runtime();
    DictObject* d = dict_new();
    Value l = val(list_new(0));
    CHECK_FALSE(dict_set(d, l, VAL_NONE));
    CHECK(err_matches(T.e_TypeError));
    CHECK(text(err_fetch()) == "unhashable type: 'list'");
}

TEST_CASE("the collector frees garbage and keeps what is rooted", "[gc]") {
    ensure_runtime();
    gc_collect();
    size_t base = gc.live_after_last;
    Value keep = val(list_new(0));
    Root r(keep);
    for (int i = 0; i < 100; i++) list_append(as<ListObject>(keep), str_new("kept " + std::to_string(i)));
    for (int i = 0; i < 5000; i++) str_new("garbage " + std::to_string(i));
    gc_collect();
    CHECK(gc.live_after_last == base + 101);
    ListObject* l = as<ListObject>(keep);
    CHECK(text(l->items[42]) == "kept 42");
    // A cycle that nothing refers to is collected.
    {
        Value a = val(list_new(0)), b = val(list_new(0));
        list_append(as<ListObject>(a), b);
        list_append(as<ListObject>(b), a);
    }
    gc_collect();
    CHECK(gc.live_after_last == base + 101);
}

TEST_CASE("a deep linked structure is marked without deep C++ recursion", "[gc]") {
    DictObject* g = run("node = None\nfor i in range(200000):\n    node = [node]\n");
    REQUIRE(g);
    gc_collect();
    Value node = global(g, "node");
    int depth = 0;
    while (is_kind(node, Kind::List)) node = as<ListObject>(node)->items[0], depth++;
    CHECK(depth == 200000);
}

TEST_CASE("compiler: closures, cells and nonlocal", "[compiler]") {
    DictObject* g = run(
        "def counter():\n"
        "    n = 0\n"
        "    def inc(k=1):\n"
        "        nonlocal n\n"
        "        n += k\n"
        "        return n\n"
        "    return inc\n"
        "c = counter()\n"
        "c(); c(); r = c(10)\n");
    REQUIRE(g);
    CHECK(val_int(global(g, "r")) == 12);
    CodeObject* outer = as<FunctionObject>(global(g, "counter"))->code;
    REQUIRE(outer->nlocalsplus == 2);
    // Plain locals come first, then cells (CPython's co_varnames, co_cellvars order).
    CHECK(outer->localsplus_names[0]->view() == "inc");
    CHECK(outer->localsplus_names[1]->view() == "n");
    CHECK((outer->localsplus_kinds[1] & LK_CELL) != 0);
    CHECK((outer->localsplus_kinds[0] & LK_CELL) == 0);
    CodeObject* inner = as<FunctionObject>(global(g, "c"))->code;
    CHECK(inner->nfree == 1);
    CHECK(inner->argcount == 1);
}

TEST_CASE("compiler: try/except/finally runs every path once", "[compiler]") {
    DictObject* g = run(
        "log = []\n"
        "def f(x):\n"
        "    try:\n"
        "        if x == 0:\n"
        "            return 'ret'\n"
        "        1 / (x - 1)\n"
        "    except ZeroDivisionError as e:\n"
        "        log.append('except')\n"
        "        return 'handled'\n"
        "    else:\n"
        "        log.append('else')\n"
        "    finally:\n"
        "        log.append('finally')\n"
        "    return 'end'\n"
        "r = [f(0), f(1), f(2)]\n");
    REQUIRE(g);
    CHECK(text(global(g, "r")) == "['ret', 'handled', 'end']");
    CHECK(text(global(g, "log")) == "['finally', 'except', 'finally', 'else', 'finally']");
    CodeObject* f = as<FunctionObject>(global(g, "f"))->code;
    CHECK(f->exc_table.size() >= 3);
}

TEST_CASE("compiler: generators, comprehensions and unpacking", "[compiler]") {
    DictObject* g = run(
        "def gen(n):\n"
        "    total = yield 'start'\n"
        "    for i in range(n):\n"
        "        total += yield i\n"
        "    return total\n"
        "g = gen(2)\n"
        "a = [next(g), g.send(10), g.send(1)]\n"
        "try:\n"
        "    g.send(2)\n"
        "except StopIteration as e:\n"
        "    result = e.value\n"
        "first, *mid, last = [x * x for x in range(5) if x != 2]\n"
        "d = {k: v for k, v in (('a', 1), ('b', 2))}\n");
    REQUIRE(g);
    CHECK(text(global(g, "a")) == "['start', 0, 1]");
    CHECK(val_int(global(g, "result")) == 13);
    CHECK(text(global(g, "mid")) == "[1, 9]");
    CHECK(val_int(global(g, "last")) == 16);
    CHECK(text(global(g, "d")) == "{'a': 1, 'b': 2}");
}

TEST_CASE("compiler: classes, super() and the __class__ cell", "[compiler]") {
    DictObject* g = run(
        "class A:\n"
        "    def f(self):\n"
        "        return 'A'\n"
        "class B(A):\n"
        "    def f(self):\n"
        "        return 'B' + super().f()\n"
        "r = B().f()\n");
    REQUIRE(g);
    CHECK(text(global(g, "r")) == "BA");
}

TEST_CASE("compiler: compile-time errors are SyntaxErrors with CPython's words", "[compiler]") {
    CHECK(compile_error("return 1\n") == "'return' outside function");
    CHECK(compile_error("break\n") == "'break' outside loop");
    CHECK(compile_error("def f():\n    continue\n") == "'continue' not properly in loop");
    CHECK(compile_error("yield 1\n") == "'yield' outside function");
    CHECK(compile_error("nonlocal x\n") == "nonlocal declaration not allowed at module level");
    CHECK(compile_error("def f():\n    nonlocal x\n") == "no binding for nonlocal 'x' found");
    CHECK(compile_error("a, *b, *c = 1, 2, 3\n") == "multiple starred expressions in assignment");
    CHECK(compile_error("x = 1j\n") == "complex numbers are not supported by Krait");
}
