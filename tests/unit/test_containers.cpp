// test_containers.cpp — list, tuple, dict (and views), set/frozenset, range and slice: slots and methods
// (core/list_methods.cpp, dict_methods.cpp, set_methods.cpp, range.cpp) exercised through the object
// protocol. Every expected text is what CPython 3.12 prints for the same operation (the Python form is in the
// comments).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slice.h"
#include "vm.h"

namespace krait {
bool set_merge(SetObject* s, Value other);
}

namespace {

using namespace krait;

void init_once() {
    static bool done = false;
    if (!done) {
        runtime_init(0, nullptr, 0);
        done = true;
    }
}

Value I(int64_t i) {
    return int_from_i64(i);
}
Value F(double d) {
    return val_from_float(d);
}
Value S(const char* s) {
    return str_new(s);
}
Value L(std::initializer_list<Value> v) {
    return list_from_array(v.begin(), v.size());
}
Value Tu(std::initializer_list<Value> v) {
    return tuple_from_array(v.begin(), v.size());
}
Value N() {
    return VAL_NONE;
}

// "Type: message" of the pending exception, which is cleared.
std::string exc_text() {
    Value e = err_fetch();
    if (val_is_null(e)) return "<no exception>";
    Value s = obj_str(e);
    std::string msg = val_is_null(s) ? "?" : std::string(str_view(s));
    return std::string(type_name(e)) + (msg.empty() ? "" : ": " + msg);
}

// repr(v), or the exception text when v is VAL_NULL.
std::string R(Value v) {
    if (val_is_null(v)) return exc_text();
    Value r = obj_repr(v);
    return val_is_null(r) ? "repr failed: " + exc_text() : std::string(str_view(r));
}

Value call(Value callable, std::initializer_list<Value> args,
           std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    std::vector<Value> argv(args);
    std::vector<Value> names;
    for (auto& [k, v] : kw) {
        argv.push_back(v);
        names.push_back(val(intern(k)));
    }
    TupleObject* kwnames =
        names.empty() ? nullptr : as<TupleObject>(tuple_from_array(names.data(), names.size()));
    return obj_call(callable, argv.data(), argv.size(), kwnames);
}

// self.name(*args, **kw) -> repr of the result or the exception text.
Value callm(Value self, const char* name, std::initializer_list<Value> args = {},
            std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    Value m = obj_getattr(self, intern(name));
    if (val_is_null(m)) return m;
    return call(m, args, kw);
}
std::string M(Value self, const char* name, std::initializer_list<Value> args = {},
              std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    return R(callm(self, name, args, kw));
}

std::string B(Value a, BinOp op, Value b, bool inplace = false) {
    return R(binary_op(a, b, op, inplace));
}
std::string GI(Value o, Value key) {
    return R(obj_getitem(o, key));
}
Value SL(Value a, Value b, Value c = VAL_NONE) {
    return slice_new(a, b, c);
}
std::string CMP(Value a, Value b, CmpOp op) {
    return R(obj_compare(a, b, op));
}
std::string HASH(Value v) {
    int64_t h;
    return obj_hash(v, &h) ? std::to_string(h) : exc_text();
}
Value type_call(TypeObject* t, std::initializer_list<Value> args,
                std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    return call(val(t), args, kw);
}
std::string LIST(Value iterable) {
    return R(list_from_iterable(iterable));
}

} // namespace

TEST_CASE("list indexing, slicing and item assignment", "[list]") {
    init_once();
    Value l = L({I(0), I(1), I(2), I(3), I(4), I(5)});
    CHECK(GI(l, I(-1)) == "5");
    CHECK(GI(l, I(6)) == "IndexError: list index out of range");
    CHECK(GI(l, S("a")) == "TypeError: list indices must be integers or slices, not str");
    CHECK(GI(l, VAL_TRUE) == "1");
    CHECK(GI(l, SL(I(1), I(4))) == "[1, 2, 3]");
    CHECK(GI(l, SL(N(), N(), I(-2))) == "[5, 3, 1]");
    CHECK(GI(l, SL(I(-100), I(100), I(3))) == "[0, 3]");
    CHECK(GI(l, SL(N(), N(), I(0))) == "ValueError: slice step cannot be zero");
    CHECK(GI(l, SL(S("a"), N())) ==
          "TypeError: slice indices must be integers or None or have an __index__ method");
    // a[1:3] = [9, 9, 9]; a[::2] = 'abc'; del a[::3]; del a[-1]
    REQUIRE(obj_setitem(l, SL(I(1), I(3)), L({I(9), I(9), I(9)})));
    CHECK(R(l) == "[0, 9, 9, 9, 3, 4, 5]");
    REQUIRE(obj_setitem(l, SL(N(), N(), I(2)), L({S("a"), S("b"), S("c"), S("d")})));
    CHECK(R(l) == "['a', 9, 'b', 9, 'c', 4, 'd']");
    CHECK_FALSE(obj_setitem(l, SL(N(), N(), I(2)), L({I(1)})));
    CHECK(exc_text() == "ValueError: attempt to assign sequence of size 1 to extended slice of size 4");
    CHECK_FALSE(obj_setitem(l, SL(I(0), I(1)), I(5)));
    CHECK(exc_text() == "TypeError: can only assign an iterable");
    REQUIRE(obj_delitem(l, SL(N(), N(), I(3))));
    CHECK(R(l) == "[9, 'b', 'c', 4]");
    REQUIRE(obj_delitem(l, I(-1)));
    CHECK(R(l) == "[9, 'b', 'c']");
    CHECK_FALSE(obj_setitem(l, I(3), I(0)));
    CHECK(exc_text() == "IndexError: list assignment index out of range");
    REQUIRE(obj_setitem(l, SL(N(), N()), l)); // a[:] = a
    CHECK(R(l) == "[9, 'b', 'c']");
    REQUIRE(obj_setitem(l, SL(I(5), I(2)), Tu({I(7), I(8)}))); // insertion at a clamped empty slice
    CHECK(R(l) == "[9, 'b', 'c', 7, 8]");
    REQUIRE(obj_delitem(l, SL(N(), N(), I(-2))));
    CHECK(R(l) == "['b', 7]");
}

TEST_CASE("list methods", "[list]") {
    init_once();
    Value l = L({I(3), I(1), I(2)});
    CHECK(M(l, "append", {I(4)}) == "None");
    CHECK(M(l, "append", {I(1), I(2)}) == "TypeError: list.append() takes exactly one argument (2 given)");
    CHECK(M(l, "extend", {Tu({I(5), I(6)})}) == "None");
    CHECK(M(l, "insert", {I(-100), I(0)}) == "None");
    CHECK(M(l, "insert", {I(100), I(7)}) == "None");
    CHECK(R(l) == "[0, 3, 1, 2, 4, 5, 6, 7]");
    CHECK(M(l, "pop") == "7");
    CHECK(M(l, "pop", {I(0)}) == "0");
    CHECK(M(l, "pop", {I(10)}) == "IndexError: pop index out of range");
    CHECK(M(L({}), "pop") == "IndexError: pop from empty list");
    CHECK(M(l, "remove", {I(1)}) == "None");
    CHECK(M(l, "remove", {I(42)}) == "ValueError: list.remove(x): x not in list");
    CHECK(M(l, "index", {I(5)}) == "3");
    CHECK(M(l, "index", {I(5), I(-2)}) == "3");
    CHECK(M(l, "index", {I(3), I(1)}) == "ValueError: 3 is not in list");
    CHECK(M(l, "index", {S("x")}) == "ValueError: 'x' is not in list");
    CHECK(M(l, "index") == "TypeError: index expected at least 1 argument, got 0");
    CHECK(M(L({I(1), I(1), F(1.0)}), "count", {I(1)}) == "3");
    CHECK(M(l, "reverse") == "None");
    CHECK(R(l) == "[6, 5, 4, 2, 3]");
    Value c = callm(l, "copy");
    CHECK(M(l, "clear") == "None");
    CHECK(R(l) == "[]");
    CHECK(R(c) == "[6, 5, 4, 2, 3]");
    CHECK(LIST(callm(c, "__reversed__")) == "[3, 2, 4, 5, 6]");
    CHECK(M(c, "__len__") == "5");
    CHECK(M(c, "__contains__", {I(4)}) == "True");
    CHECK(M(c, "append", {I(1)}, {{"x", I(1)}}) == "TypeError: append() takes no keyword arguments");
}

TEST_CASE("list operators, comparison and repr", "[list]") {
    init_once();
    Value a = L({I(1), I(2)});
    CHECK(B(a, BinOp::Add, L({I(3)})) == "[1, 2, 3]");
    CHECK(B(a, BinOp::Add, Tu({I(3)})) == "TypeError: can only concatenate list (not \"tuple\") to list");
    CHECK(B(a, BinOp::Mul, I(2)) == "[1, 2, 1, 2]");
    CHECK(B(I(2), BinOp::Mul, a) == "[1, 2, 1, 2]");
    CHECK(B(a, BinOp::Mul, I(-1)) == "[]");
    CHECK(B(a, BinOp::Mul, F(1.5)) == "TypeError: can't multiply sequence by non-int of type 'float'");
    CHECK(B(F(1.5), BinOp::Mul, a) == "TypeError: can't multiply sequence by non-int of type 'float'");
    CHECK(B(a, BinOp::Mul, I(int64_t(1) << 48)) == "MemoryError");
    CHECK(B(a, BinOp::Mul, I(int64_t(1) << 62)) == "MemoryError"); // a big int that fits a machine word
    Value b = L({I(1)});
    Value same = binary_op(b, S("xy"), BinOp::Add, true); // b += 'xy'
    CHECK(val_same(same, b));
    CHECK(R(b) == "[1, 'x', 'y']");
    CHECK(R(binary_op(b, I(2), BinOp::Mul, true)) == "[1, 'x', 'y', 1, 'x', 'y']");
    CHECK(CMP(L({I(1), I(2)}), L({I(1), I(3)}), CmpOp::LT) == "True");
    CHECK(CMP(L({I(1), I(2)}), L({I(1)}), CmpOp::GT) == "True");
    CHECK(CMP(L({I(1), I(2)}), L({I(1), I(2)}), CmpOp::EQ) == "True");
    CHECK(CMP(L({I(1)}), Tu({I(1)}), CmpOp::EQ) == "False");
    CHECK(CMP(L({I(1)}), Tu({I(1)}), CmpOp::LT) ==
          "TypeError: '<' not supported between instances of 'list' and 'tuple'");
    CHECK(CMP(L({I(1), S("a")}), L({I(1), I(2)}), CmpOp::LT) ==
          "TypeError: '<' not supported between instances of 'str' and 'int'");
    Value r = L({I(1)});
    list_append(as<ListObject>(r), r);
    CHECK(R(r) == "[1, [...]]");
    CHECK(R(L({})) == "[]");
    CHECK(R(L({S("a"), Tu({}), N()})) == "['a', (), None]");
    CHECK(HASH(L({})) == "TypeError: unhashable type: 'list'");
    CHECK(R(type_call(T.t_list, {S("abc")})) == "['a', 'b', 'c']");
    CHECK(R(type_call(T.t_list, {I(1)})) == "TypeError: 'int' object is not iterable");
    CHECK(R(type_call(T.t_list, {I(1), I(2)})) == "TypeError: list expected at most 1 argument, got 2");
    CHECK(R(type_call(T.t_list, {})) == "[]");
}

namespace {

Value g_sort_victim = VAL_NULL;

// A key function that appends to the list being sorted.
Value mutating_key(Value* args, size_t, TupleObject*) {
    list_append(as<ListObject>(g_sort_victim), I(0));
    return args[0];
}

Value neg_key(Value* args, size_t, TupleObject*) {
    return unary_neg(args[0]);
}
Value first_key(Value* args, size_t, TupleObject*) {
    return as<TupleObject>(args[0])->items[0];
}

} // namespace

TEST_CASE("list.sort is stable, takes key= and reverse=, detects mutation", "[list][sort]") {
    init_once();
    Value l = L({I(5), I(-3), I(9), I(0), I(-3), I(7)});
    CHECK(M(l, "sort") == "None");
    CHECK(R(l) == "[-3, -3, 0, 5, 7, 9]");
    CHECK(M(l, "sort", {}, {{"reverse", VAL_TRUE}}) == "None");
    CHECK(R(l) == "[9, 7, 5, 0, -3, -3]");
    Value key = native_new("neg", neg_key, 0);
    CHECK(M(l, "sort", {}, {{"key", key}}) == "None");
    CHECK(R(l) == "[9, 7, 5, 0, -3, -3]");
    // Stability: equal keys keep their order, also with reverse=True.
    Value fk = native_new("first", first_key, 0);
    Value p = L({Tu({I(1), S("a")}), Tu({I(0), S("b")}), Tu({I(1), S("c")}), Tu({I(0), S("d")})});
    CHECK(M(p, "sort", {}, {{"key", fk}}) == "None");
    CHECK(R(p) == "[(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]");
    CHECK(M(p, "sort", {}, {{"key", fk}, {"reverse", VAL_TRUE}}) == "None");
    CHECK(R(p) == "[(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]");
    Value s = L({S("pear"), S("apple"), S("fig")});
    CHECK(M(s, "sort") == "None");
    CHECK(R(s) == "['apple', 'fig', 'pear']");
    Value f = L({F(2.5), F(-1.0), F(0.5)});
    CHECK(M(f, "sort") == "None");
    CHECK(R(f) == "[-1.0, 0.5, 2.5]");
    Value mixed = L({I(3), S("a"), I(1)});
    CHECK(M(mixed, "sort") == "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(R(mixed) == "[3, 'a', 1]");
    CHECK(M(L({I(1)}), "sort", {I(1)}) == "TypeError: sort() takes no positional arguments");
    CHECK(M(L({I(1), I(2)}), "sort", {}, {{"key", I(3)}}) == "TypeError: 'int' object is not callable");
    g_sort_victim = L({I(2), I(1)});
    CHECK(M(g_sort_victim, "sort", {}, {{"key", native_new("mut", mutating_key, 0)}}) ==
          "ValueError: list modified during sort");
    CHECK(R(g_sort_victim) == "[1, 2]");
    // A longer run exercises the merge passes (CPython gives the same order for any stable sort).
    std::vector<Value> many;
    for (int i = 0; i < 500; i++) many.push_back(I((i * 7919) % 503));
    Value big = list_from_array(many.data(), many.size());
    REQUIRE(M(big, "sort") == "None");
    ListObject* bl = as<ListObject>(big);
    bool sorted = true;
    for (size_t i = 1; i < bl->size; i++)
        sorted = sorted && val_int(bl->items[i - 1]) <= val_int(bl->items[i]);
    CHECK(sorted);
}

TEST_CASE("tuple slots and methods", "[tuple]") {
    init_once();
    Value t = Tu({I(1), I(2), I(3)});
    CHECK(R(Tu({I(1)})) == "(1,)");
    CHECK(R(Tu({})) == "()");
    CHECK(HASH(Tu({I(1), I(2)})) == "-3550055125485641917");
    CHECK(HASH(Tu({})) == "5740354900026072187");
    CHECK(HASH(Tu({I(1)})) == "-6644214454873602895");
    CHECK(HASH(Tu({L({})})) == "TypeError: unhashable type: 'list'");
    CHECK(GI(t, I(-1)) == "3");
    CHECK(GI(t, I(3)) == "IndexError: tuple index out of range");
    CHECK(GI(t, S("a")) == "TypeError: tuple indices must be integers or slices, not str");
    CHECK(GI(t, SL(N(), N(), I(-1))) == "(3, 2, 1)");
    CHECK(B(t, BinOp::Add, Tu({I(4)})) == "(1, 2, 3, 4)");
    CHECK(B(t, BinOp::Add, L({})) == "TypeError: can only concatenate tuple (not \"list\") to tuple");
    CHECK(B(Tu({I(0)}), BinOp::Mul, I(3)) == "(0, 0, 0)");
    CHECK(CMP(Tu({I(1), I(2)}), Tu({I(1), I(2), I(0)}), CmpOp::LT) == "True");
    CHECK(CMP(Tu({}), Tu({}), CmpOp::GE) == "True");
    CHECK(M(t, "index", {I(2)}) == "1");
    CHECK(M(t, "index", {I(9)}) == "ValueError: tuple.index(x): x not in tuple");
    CHECK(M(t, "count", {I(2)}) == "1");
    CHECK(M(t, "count") == "TypeError: tuple.count() takes exactly one argument (0 given)");
    CHECK(R(type_call(T.t_tuple, {L({I(1), I(2)})})) == "(1, 2)");
    CHECK(R(type_call(T.t_tuple, {})) == "()");
    CHECK(R(type_call(T.t_tuple, {I(1)})) == "TypeError: 'int' object is not iterable");
    CHECK(LIST(t) == "[1, 2, 3]");
    CHECK(obj_contains(t, I(2)) == 1);
}

TEST_CASE("dict slots and methods", "[dict]") {
    init_once();
    Value d = val(dict_new());
    REQUIRE(obj_setitem(d, S("a"), I(1)));
    REQUIRE(obj_setitem(d, I(2), S("b")));
    CHECK(R(d) == "{'a': 1, 2: 'b'}");
    CHECK(GI(d, S("a")) == "1");
    CHECK(GI(d, S("zz")) == "KeyError: 'zz'");
    CHECK(GI(d, L({})) == "TypeError: unhashable type: 'list'");
    CHECK(M(d, "get", {S("a")}) == "1");
    CHECK(M(d, "get", {S("q")}) == "None");
    CHECK(M(d, "get", {S("q"), I(0)}) == "0");
    CHECK(M(d, "setdefault", {S("n"), L({})}) == "[]");
    CHECK(M(d, "setdefault", {S("n"), I(5)}) == "[]");
    CHECK(M(d, "pop", {S("n")}) == "[]");
    CHECK(M(d, "pop", {S("n")}) == "KeyError: 'n'");
    CHECK(M(d, "pop", {S("n"), I(7)}) == "7");
    CHECK(M(d, "update", {L({Tu({I(3), I(4)})})}, {{"y", I(5)}}) == "None");
    CHECK(R(d) == "{'a': 1, 2: 'b', 3: 4, 'y': 5}");
    CHECK(M(d, "update", {L({I(1)})}) ==
          "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    CHECK(M(d, "popitem") == "('y', 5)");
    CHECK(R(callm(d, "keys")) == "dict_keys(['a', 2, 3])");
    CHECK(R(callm(d, "values")) == "dict_values([1, 'b', 4])");
    CHECK(R(callm(d, "items")) == "dict_items([('a', 1), (2, 'b'), (3, 4)])");
    CHECK(LIST(callm(d, "__reversed__")) == "[3, 2, 'a']");
    Value c = callm(d, "copy");
    CHECK(M(c, "clear") == "None");
    CHECK(R(c) == "{}");
    CHECK(M(c, "popitem") == "KeyError: 'popitem(): dictionary is empty'");
    CHECK(obj_contains(d, I(2)) == 1);
    CHECK(obj_delitem(d, I(2)));
    CHECK_FALSE(obj_delitem(d, I(2)));
    CHECK(exc_text() == "KeyError: 2");
    Value fk = obj_getattr(val(T.t_dict), intern("fromkeys"));
    CHECK(R(call(fk, {S("ab")})) == "{'a': None, 'b': None}");
    CHECK(R(call(fk, {L({I(1)}), I(0)})) == "{1: 0}");
    Value self_ref = val(dict_new());
    obj_setitem(self_ref, S("x"), self_ref);
    CHECK(R(self_ref) == "{'x': {...}}");
    CHECK(HASH(d) == "TypeError: unhashable type: 'dict'");
}

TEST_CASE("dict constructor, equality and |", "[dict]") {
    init_once();
    Value a = type_call(T.t_dict, {L({Tu({I(1), I(2)})})}, {{"x", I(1)}});
    CHECK(R(a) == "{1: 2, 'x': 1}");
    Value b = type_call(T.t_dict, {}, {{"x", I(1)}});
    CHECK(R(type_call(T.t_dict, {I(1)})) == "TypeError: 'int' object is not iterable");
    CHECK(R(type_call(T.t_dict, {L({L({I(1), I(2), I(3)})})})) ==
          "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    CHECK(B(b, BinOp::Or, a) == "{'x': 1, 1: 2}");
    CHECK(B(a, BinOp::Or, L({})) == "TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
    Value c = type_call(T.t_dict, {a});
    CHECK(CMP(a, c, CmpOp::EQ) == "True");
    obj_setitem(c, S("x"), I(2));
    CHECK(CMP(a, c, CmpOp::EQ) == "False");
    CHECK(CMP(a, c, CmpOp::LT) == "TypeError: '<' not supported between instances of 'dict' and 'dict'");
    CHECK(R(binary_op(b, L({Tu({I(9), I(9)})}), BinOp::Or, true)) == "{'x': 1, 9: 9}");
}

TEST_CASE("dict views and iterators", "[dict]") {
    init_once();
    Value d = type_call(T.t_dict, {L({Tu({I(1), I(2)}), Tu({I(3), I(4)})})});
    Value k = callm(d, "keys");
    Value it = callm(d, "items");
    CHECK(M(k, "__len__") == "2");
    CHECK(obj_contains(k, I(3)) == 1);
    CHECK(obj_contains(it, Tu({I(1), I(2)})) == 1);
    CHECK(obj_contains(it, Tu({I(1), I(3)})) == 0);
    CHECK(obj_contains(callm(d, "values"), I(4)) == 1);
    Value one = val(set_new(false));
    set_add(as<SetObject>(one), I(1));
    CHECK(CMP(k, one, CmpOp::GT) == "True");
    CHECK(CMP(k, L({I(1), I(3)}), CmpOp::EQ) == "False");
    CHECK(B(k, BinOp::And, one) == "{1}");
    CHECK(B(k, BinOp::Or, L({I(5)})) == "{1, 3, 5}");
    CHECK(B(L({I(5), I(1)}), BinOp::Sub, k) == "{5}");
    CHECK(B(k, BinOp::Xor, one) == "{3}");
    CHECK(M(k, "isdisjoint", {L({I(7)})}) == "True");
    CHECK(HASH(k) == "TypeError: unhashable type: 'dict_keys'");
    // Changing the size while iterating raises, and keeps raising.
    Value iter = obj_getiter(d);
    CHECK(R(iter_next(iter)) == "1");
    obj_setitem(d, I(5), I(6));
    CHECK(R(iter_next(iter)) == "RuntimeError: dictionary changed size during iteration");
    CHECK(R(iter_next(iter)) == "RuntimeError: dictionary changed size during iteration");
    CHECK(std::string(type_name(obj_getiter(callm(d, "values")))) == "dict_valueiterator");
    CHECK(LIST(callm(callm(d, "items"), "__reversed__")) == "[(5, 6), (3, 4), (1, 2)]");
}

TEST_CASE("sets iterate in CPython's order", "[set]") {
    init_once();
    auto mk = [](std::initializer_list<int64_t> xs) {
        SetObject* s = set_new(false);
        for (int64_t x : xs) set_add(s, I(x));
        return val(s);
    };
    CHECK(R(mk({3, 1, 2})) == "{1, 2, 3}");
    CHECK(R(mk({17, 1, 33})) == "{17, 1, 33}");
    CHECK(R(mk({20, 17, 14, 11, 8, 5, 2})) == "{2, 5, 8, 11, 14, 17, 20}");
    CHECK(R(mk({-1, -2, 5})) == "{5, -1, -2}");
    CHECK(R(mk({100, 7, 64, 1000})) == "{64, 1000, 100, 7}");
    Value a = mk({1, 2, 3, 4, 16});
    CHECK(R(a) == "{1, 2, 3, 4, 16}");
    // CPython compiles {1, 2, 3, 4, 16} to SET_UPDATE from a frozenset constant: a bulk merge resizes first.
    Value b = val(set_new(false));
    REQUIRE(set_merge(as<SetObject>(b), a));
    CHECK(R(b) == "{16, 1, 2, 3, 4}");
    CHECK(B(b, BinOp::Or, mk({40, 8})) == "{16, 1, 2, 3, 4, 40, 8}");
    CHECK(B(b, BinOp::And, mk({16, 3, 99})) == "{16, 3}");
    CHECK(B(b, BinOp::Sub, mk({2})) == "{16, 1, 3, 4}");
    CHECK(B(b, BinOp::Xor, mk({16, 50})) == "{1, 2, 3, 4, 50}");
    CHECK(B(mk({1, 2, 3, 4, 5, 6, 7, 8, 9}), BinOp::Sub, mk({1})) == "{2, 3, 4, 5, 6, 7, 8, 9}");
    // Intersection iterates the smaller operand and adds what the other holds.
    Value a9 = mk({249, -203, 166, 2277, -711, -3941, -2108, 2289, -4272});
    Value c10 = mk({130, 2277, -711, -3941, -2108, 2289, -4272, 249, -203, 166});
    CHECK(R(a9) == "{-2108, 2277, 166, -711, -4272, 2289, -203, 249, -3941}");
    CHECK(B(a9, BinOp::And, c10) == "{-2108, 2277, 166, 249, -4272, 2289, -203, -711, -3941}");
    CHECK(B(c10, BinOp::And, a9) == "{-2108, 2277, 166, 249, -4272, 2289, -203, -711, -3941}");
    Value p = mk({9, 8, 7});
    CHECK(M(p, "pop") == "8");
    CHECK(R(p) == "{9, 7}");
    CHECK(LIST(mk({5, 4, 3})) == "[3, 4, 5]");
}

TEST_CASE("set and frozenset slots and methods", "[set]") {
    init_once();
    Value s = type_call(T.t_set, {L({I(1), I(2), I(3)})});
    Value f = type_call(T.t_frozenset, {L({I(2), I(3), I(4)})});
    CHECK(R(f) == "frozenset({2, 3, 4})");
    CHECK(R(type_call(T.t_set, {})) == "set()");
    CHECK(R(type_call(T.t_frozenset, {})) == "frozenset()");
    CHECK(B(f, BinOp::Or, s) == "frozenset({1, 2, 3, 4})");
    CHECK(B(s, BinOp::Or, f) == "{1, 2, 3, 4}");
    CHECK(B(s, BinOp::Or, L({I(2)})) == "TypeError: unsupported operand type(s) for |: 'set' and 'list'");
    CHECK(CMP(s, f, CmpOp::EQ) == "False");
    CHECK(CMP(type_call(T.t_set, {L({I(2)})}), f, CmpOp::LT) == "True");
    CHECK(CMP(s, s, CmpOp::LT) == "False");
    CHECK(CMP(s, L({}), CmpOp::LE) == "TypeError: '<=' not supported between instances of 'set' and 'list'");
    CHECK(HASH(type_call(T.t_frozenset, {L({I(1), I(2), I(3)})})) == "-272375401224217160");
    CHECK(HASH(type_call(T.t_frozenset, {})) == "133146708735736");
    CHECK(HASH(s) == "TypeError: unhashable type: 'set'");
    CHECK(M(s, "add", {I(9)}) == "None");
    CHECK(M(s, "add", {L({})}) == "TypeError: unhashable type: 'list'");
    CHECK(M(s, "remove", {I(42)}) == "KeyError: 42");
    CHECK(M(s, "discard", {I(42)}) == "None");
    CHECK(M(s, "union", {L({I(5)}), Tu({I(6)})}) == "{1, 2, 3, 5, 6, 9}");
    CHECK(M(s, "intersection", {L({I(3), I(9), I(7)})}) == "{9, 3}");
    CHECK(M(s, "difference", {L({I(1)}), L({I(2)})}) == "{3, 9}");
    CHECK(M(s, "symmetric_difference", {L({I(1), I(7)})}) == "{9, 2, 3, 7}");
    CHECK(M(s, "issubset", {L({I(1), I(2), I(3), I(9), I(0)})}) == "True");
    CHECK(M(s, "issuperset", {L({I(1)})}) == "True");
    CHECK(M(s, "isdisjoint", {I(5)}) == "TypeError: 'int' object is not iterable");
    CHECK(M(s, "intersection_update", {L({I(1), I(9)})}) == "None");
    CHECK(R(s) == "{1, 9}");
    CHECK(M(s, "symmetric_difference_update", {L({I(1), I(2)})}) == "None");
    CHECK(R(s) == "{2, 9}");
    CHECK(M(s, "difference_update", {L({I(9)})}) == "None");
    CHECK(M(s, "update", {L({I(4)}), L({I(5)})}) == "None");
    CHECK(R(s) == "{2, 4, 5}");
    Value fs = type_call(T.t_frozenset, {L({I(1)})});
    Value sos = type_call(T.t_set, {L({fs})});
    CHECK(obj_contains(sos, type_call(T.t_set, {L({I(1)})})) == 1); // a set key is looked up as a frozenset
    CHECK(obj_contains(s, L({})) == -1);
    CHECK(exc_text() == "TypeError: unhashable type: 'list'");
    CHECK(M(type_call(T.t_set, {}), "pop") == "KeyError: 'pop from an empty set'");
    Value r = binary_op(s, type_call(T.t_set, {L({I(7)})}), BinOp::Or, true);
    CHECK(val_same(r, s));
    CHECK(R(s) == "{2, 4, 5, 7}");
    CHECK(obj_getattr_default(f, intern("add"), VAL_NULL).bits == VAL_NULL.bits);
    err_clear();
    CHECK(R(type_call(T.t_set, {}, {{"a", I(1)}})) == "TypeError: set() takes no keyword arguments");
    Value it = obj_getiter(s);
    CHECK(R(iter_next(it)) == "2");
    M(s, "add", {I(100)});
    CHECK(R(iter_next(it)) == "RuntimeError: Set changed size during iteration");
}

TEST_CASE("range objects: slots and methods", "[range]") {
    init_once();
    Value r = type_call(T.t_range, {I(1), I(10), I(3)});
    CHECK(R(r) == "range(1, 10, 3)");
    CHECK(R(type_call(T.t_range, {I(5)})) == "range(0, 5)");
    CHECK(R(type_call(T.t_range, {I(1), I(5), I(1)})) == "range(1, 5)");
    CHECK(R(type_call(T.t_range, {})) == "TypeError: range expected at least 1 argument, got 0");
    CHECK(R(type_call(T.t_range, {I(1), I(2), I(0)})) == "ValueError: range() arg 3 must not be zero");
    CHECK(R(type_call(T.t_range, {F(1.5)})) ==
          "TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(M(r, "__len__") == "3");
    CHECK(LIST(r) == "[1, 4, 7]");
    CHECK(LIST(callm(r, "__reversed__")) == "[7, 4, 1]");
    CHECK(GI(r, I(-1)) == "7");
    CHECK(GI(r, I(3)) == "IndexError: range object index out of range");
    CHECK(GI(r, S("a")) == "TypeError: range indices must be integers or slices, not str");
    CHECK(GI(type_call(T.t_range, {I(0), I(10), I(3)}), SL(I(1), I(5), I(2))) == "range(3, 12, 6)");
    CHECK(GI(type_call(T.t_range, {I(10)}), SL(N(), N(), I(-1))) == "range(9, -1, -1)");
    CHECK(obj_contains(r, I(4)) == 1);
    CHECK(obj_contains(r, I(5)) == 0);
    CHECK(obj_contains(r, F(4.0)) == 1);
    CHECK(M(r, "index", {I(7)}) == "2");
    CHECK(M(r, "index", {I(5)}) == "ValueError: 5 is not in range");
    CHECK(M(r, "count", {F(4.0)}) == "1");
    CHECK(R(obj_getattr(r, intern("step"))) == "3");
    CHECK(HASH(type_call(T.t_range, {I(3)})) == "-8338477496398685190");
    // hash(range(0)) == hash((0, None, None)) and hash(range(5, 6)) == hash((1, 5, None)): None's own hash is
    // the object model's business, so compare with the tuples.
    CHECK(HASH(type_call(T.t_range, {I(0)})) == HASH(Tu({I(0), N(), N()})));
    CHECK(HASH(type_call(T.t_range, {I(5), I(6)})) == HASH(Tu({I(1), I(5), N()})));
    CHECK(CMP(type_call(T.t_range, {I(0)}), type_call(T.t_range, {I(5), I(2)}), CmpOp::EQ) == "True");
    CHECK(CMP(type_call(T.t_range, {I(1), I(2)}), type_call(T.t_range, {I(1), I(3)}), CmpOp::EQ) == "False");
    CHECK(std::string(type_name(obj_getiter(r))) == "range_iterator");
}

TEST_CASE("ranges beyond int64", "[range]") {
    init_once();
    BigInt e20;
    REQUIRE(big_from_string("100000000000000000000", 10, &e20));
    Value big = int_from_bigint(e20);
    Value r = type_call(T.t_range, {big});
    CHECK(R(r) == "range(0, 100000000000000000000)");
    CHECK(GI(r, I(-1)) == "99999999999999999999");
    CHECK(GI(r, big) == "IndexError: range object index out of range");
    CHECK(obj_contains(r, int_from_bigint(big_sub(e20, big_from_int64(1)))) == 1);
    CHECK(obj_contains(r, big) == 0);
    CHECK(M(r, "__len__") == "OverflowError: Python int too large to convert to C ssize_t");
    CHECK(GI(r, SL(N(), N(), I(-1))) == "range(99999999999999999999, -1, -1)");
    CHECK(GI(r, SL(I(5), I(8))) == "range(5, 8)");
    CHECK(LIST(obj_getitem(r, SL(I(5), I(8)))) == "[5, 6, 7]");
    Value top = type_call(T.t_range, {int_from_bigint(big_sub(e20, big_from_int64(2))), big});
    CHECK(LIST(top) == "[99999999999999999998, 99999999999999999999]");
    CHECK(LIST(callm(top, "__reversed__")) == "[99999999999999999999, 99999999999999999998]");
    CHECK(M(r, "index", {I(7)}) == "7");
    CHECK(R(obj_getattr(r, intern("stop"))) == "100000000000000000000");
    CHECK(CMP(r, type_call(T.t_range, {I(0), big, I(1)}), CmpOp::EQ) == "True");
    CHECK(HASH(r) == HASH(Tu({big, I(0), I(1)})));
}

TEST_CASE("dict views combine into sets in CPython's order", "[dict][set]") {
    init_once();
    Value d =
        type_call(T.t_dict, {L({Tu({I(1), I(2)}), Tu({I(3), I(4)}), Tu({I(10), I(0)}), Tu({I(17), I(1)})})});
    Value k = callm(d, "keys");
    auto mk = [](std::initializer_list<int64_t> xs) {
        SetObject* s = set_new(false);
        for (int64_t x : xs) set_add(s, I(x));
        return val(s);
    };
    CHECK(B(k, BinOp::And, mk({1, 3, 10, 17, 50, 60})) == "{1, 10, 3, 17}");
    CHECK(B(k, BinOp::Or, mk({40})) == "{1, 17, 3, 40, 10}");
    CHECK(B(mk({40}), BinOp::Or, k) == "{1, 3, 40, 10, 17}");
    CHECK(B(k, BinOp::Xor, mk({1, 33})) == "{33, 10, 3, 17}");
    CHECK(B(L({I(3), I(9)}), BinOp::Or, k) == "{1, 3, 9, 10, 17}");
}

TEST_CASE("slice objects and slice_indices", "[slice]") {
    init_once();
    CHECK(R(type_call(T.t_slice, {I(1), I(2)})) == "slice(1, 2, None)");
    CHECK(R(type_call(T.t_slice, {I(5)})) == "slice(None, 5, None)");
    CHECK(R(type_call(T.t_slice, {})) == "TypeError: slice expected at least 1 argument, got 0");
    CHECK(M(SL(N(), N(), I(-1)), "indices", {I(5)}) == "(4, -1, -1)");
    CHECK(M(SL(I(-100), I(100)), "indices", {I(5)}) == "(0, 5, 1)");
    CHECK(M(SL(I(1), I(2)), "indices", {I(-1)}) == "ValueError: length should not be negative");
    CHECK(HASH(SL(I(1), I(2), I(3))) == "-2340833382717974474");
    CHECK(CMP(SL(I(1), N()), SL(I(2), N()), CmpOp::LT) == "True");
    CHECK(R(obj_getattr(SL(I(1), I(2)), intern("stop"))) == "2");
    int64_t start, stop, step, n;
    REQUIRE(slice_indices(SL(N(), N(), I(-2)), 10, &start, &stop, &step, &n));
    CHECK((start == 9 && stop == -1 && step == -2 && n == 5));
    BigInt b;
    REQUIRE(big_from_string("100000000000000000000000", 10, &b));
    REQUIRE(slice_indices(SL(int_from_bigint(b), N()), 10, &start, &stop, &step, &n));
    CHECK((start == 10 && n == 0));
    REQUIRE(slice_indices(SL(int_from_bigint(big_negate(b)), N()), 10, &start, &stop, &step, &n));
    CHECK((start == 0 && n == 10));
}
