// interp_support.h — the out-of-line halves of interpreter instructions (interp_support.cpp): everything an
// instruction does that is not worth inlining in the dispatch loop. Each returns failure with an exception set.
#pragma once

#include "code.h"
#include "frame.h"
#include "object.h"

namespace krait {

void report_unbound_deref(CodeObject* code, uint32_t index);
Value callable_name(Value callable);
// A new unique function version (never 0): on creation and whenever a function's defaults change.
uint32_t next_function_version();  // "f()" style name for error messages, as a str
// MAKE_FUNCTION: a function of `code` in `globals`; the other three may be null.
Value make_function(DictObject* globals, CodeObject* code, TupleObject* defaults, DictObject* kwdefaults,
                    TupleObject* closure);
Value call_with_star_args(Value callable, Value args, Value kwargs);
void do_raise(Value exc, Value cause);
bool check_except_type(Value type);
bool enter_context(Value mgr, Value* exit_fn, Value* enter_result);
// Unpacks seq into the stack slots starting at `out` (the slot seq occupied), last item first. after < 0 means
// exactly `before` items; otherwise before items, a list of the rest, and `after` items.
bool unpack_iterable(Value seq, uint32_t before, int after, Value* out);
Value import_module(StrObject* name, Value fromlist);
Value import_from(Value module, StrObject* name);
bool import_star(Frame* f, Value module);
// BUILD_SET / BUILD_MAP / BUILD_CONST_KEY_MAP / BUILD_STRING from n stack values starting at items.
Value build_set(Value* items, uint32_t n);
Value build_map(Value* items, uint32_t npairs);
Value build_const_key_map(Value* values, uint32_t n, TupleObject* keys);
Value build_string(Value* items, uint32_t n);
// Turns the StopIteration escaping a generator into RuntimeError (PEP 479), chained as its cause.
void convert_stop_iteration();

}  // namespace krait
