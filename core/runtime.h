// runtime.h — the object protocol every part of Krait calls: errors, type queries, attribute access, calls,
// operators, iteration, hashing and conversion to text.
//
// Error convention (no C++ exceptions anywhere): a function that can fail returns VAL_NULL (or false / -1) after
// setting the current exception with raise_*(); the caller either handles it or returns failure in turn.
// The interpreter turns a failure into a Python exception unwinding the frames.
#pragma once

#include <cstdarg>
#include <string>
#include <string_view>

#include "builtin_types.h"
#include "object.h"

namespace krait {

struct Frame;

// ---- Built-in types (defined in types.cpp; the lists are in builtin_types.h, shared with C) ----
struct BuiltinTypes {
#define KRAIT_DECLARE_TYPE(id, name) TypeObject* t_##id;
    KRAIT_BUILTIN_TYPES(KRAIT_DECLARE_TYPE)
#undef KRAIT_DECLARE_TYPE
#define KRAIT_DECLARE_EXC(id, base) TypeObject* e_##id;
    KRAIT_EXCEPTION_TYPES(KRAIT_DECLARE_EXC)
#undef KRAIT_DECLARE_EXC
    TypeObject* t_iter_first;  // unused marker
};
// The table has C linkage so that instruction bodies compiled as C (instr_api.h) see it as krt_T; C++ code
// calls it T.
extern "C" BuiltinTypes krt_T;
inline constexpr BuiltinTypes& T = krt_T;

// Singletons that are heap objects.
extern Value g_not_implemented;
extern Value g_ellipsis;

// ---- Errors ----
Value raise(TypeObject* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
Value raise_str(TypeObject* type, std::string_view msg);
Value raise_value(Value exc);          // raise an instance (or a class, which is instantiated)
Value raise_no_memory();               // MemoryError without allocating a message
bool err_occurred();
Value err_fetch();                     // take the current exception, clearing it
void err_restore(Value exc);
bool err_matches(TypeObject* type);    // current exception is an instance of type
void err_clear();
bool exc_matches(Value exc, Value type_or_tuple);  // isinstance check for except clauses
Value new_exception(TypeObject* type, std::string_view msg);

// ---- Types ----
TypeObject* type_of(Value v);
bool type_is_subtype(TypeObject* t, TypeObject* base);
bool is_instance(Value v, TypeObject* t);
Value type_lookup(TypeObject* t, StrObject* name);  // along the MRO; VAL_NULL (no error) if absent
void type_modified(TypeObject* t);                   // bump the version of t and its subclasses
void type_cache_clear();                             // forget cached lookups (after filling type dicts directly)
const char* type_name(Value v);                      // type(v).__name__ as a C string

// ---- Names ----
StrObject* intern(std::string_view s);  // permanent, unique per text; used for identifiers
Value str_new(std::string_view utf8);   // a new str (VAL_NULL + MemoryError if too large)
Value str_from_ascii_int(int64_t i);
std::string_view str_view(Value s);

// ---- Protocol ----
Value obj_repr(Value v);
Value obj_str(Value v);
Value obj_ascii(Value v);
Value obj_format(Value v, Value spec);
int obj_truth(Value v);  // -1 error
bool obj_hash(Value v, int64_t* out);
int obj_eq(Value a, Value b);  // -1 error, with identity shortcut
enum class CmpOpT : uint8_t { LT, LE, EQ, NE, GT, GE };
// COMPARE_OP's oparg is a CmpOp, plus this bit when the result must be a bool (the compiler sets it when a jump
// consumes the result, instead of emitting TO_BOOL).
constexpr uint32_t kCmpToBool = 16;
using CmpOp = CmpOpT;
Value obj_compare(Value a, Value b, CmpOp op);
int obj_compare_bool(Value a, Value b, CmpOp op);  // -1 error

Value obj_getattr(Value o, StrObject* name);
Value obj_getattr_default(Value o, StrObject* name, Value dflt);  // VAL_NULL dflt: absent -> VAL_NULL, no error
bool obj_setattr(Value o, StrObject* name, Value v);  // v == VAL_NULL deletes
Value generic_getattr(Value o, StrObject* name, bool raise_missing);
bool generic_setattr(Value o, StrObject* name, Value v);
// Looks up a method for a call: on success *self is set to the receiver to pass first (or VAL_NULL if the
// returned callable is already bound).
Value obj_get_method(Value o, StrObject* name, Value* self);

Value obj_call(Value callable, Value* args, size_t nargs, TupleObject* kwnames);
Value call0(Value f);
Value call1(Value f, Value a);
Value call2(Value f, Value a, Value b);
Value call_method0(Value o, StrObject* name);
Value call_method1(Value o, StrObject* name, Value a);

Value obj_getitem(Value o, Value key);
bool obj_setitem(Value o, Value key, Value v);
bool obj_delitem(Value o, Value key);
int obj_contains(Value container, Value item);  // -1 error
bool obj_length(Value o, int64_t* out);

Value obj_getiter(Value o);
// Next item of an iterator, or VAL_NULL: exhausted when !err_occurred(), failed otherwise.
Value iter_next(Value it);

enum class BinOpT : uint8_t {
    Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor, MatMul,
    Count
};
using BinOp = BinOpT;
enum class UnaryOpT : uint8_t { Neg, Pos, Invert, Abs };
using UnaryOp = UnaryOpT;
// Dunder names of each operator: "__add__", "__radd__", "__iadd__" ...
StrObject* binop_dunder(BinOp op, int form /*0 normal, 1 reflected, 2 in-place*/);
Value binary_op(Value a, Value b, BinOp op, bool inplace);
// The TypeError binary_op raises when no operand supports the operator.
Value binop_type_error(Value a, Value b, BinOp op, bool inplace);
Value unary_neg(Value v);
Value unary_pos(Value v);
Value unary_invert(Value v);
const char* binop_symbol(BinOp op, bool inplace);

// ---- Conversions ----
bool to_int64(Value v, int64_t* out, const char* what);  // accepts int/bool/__index__; TypeError otherwise
bool index_of(Value v, int64_t* out);                    // __index__ semantics, OverflowError on huge
bool to_double(Value v, double* out);                    // int/float/bool (for math functions)
Value int_from_bigint(const BigInt& b);                   // normalizes to an immediate when it fits
Value int_from_i64(int64_t i);
bool is_int(Value v);                                     // int or bool (immediate or big)
BigInt int_to_bigint(Value v);                            // v is an int (or bool)

// ---- Guards against runaway C++ recursion (repr of nested lists, eq of nested tuples ...) ----
bool enter_recursive_call(const char* where);  // false + RecursionError when too deep
void leave_recursive_call();

}  // namespace krait
