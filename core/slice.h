// slice.h — slices, subscript keys and the tuple-style hash, shared by the container methods
// (str_methods.cpp, list_methods.cpp, range.cpp ...) and by the interpreter (BUILD_SLICE, subscripts with
// slices).
//
// Everything here follows CPython's semantics: slice_indices is PySlice_Unpack + PySlice_AdjustIndices (huge
// bounds clamp, a zero step raises), seq_key classifies a subscript the way sequence __getitem__ does before
// it reports its own type-specific TypeError, hash_values is the xxHash-based combination of tuple and slice
// hashes.
#pragma once

#include <cstdint>

#include "object.h"
#include "runtime.h"

namespace krait {

// A new slice object (None for omitted parts). VAL_NULL + MemoryError if allocation fails.
Value slice_new(Value start, Value stop, Value step);

// Resolves a slice against a sequence of `length` items with CPython's clamping: indices may be None, ints
// (huge ones clamp) or objects with __index__. Sets *start, *stop, *step and the number of selected items
// *slicelen. False with ValueError "slice step cannot be zero" or TypeError "slice indices must be integers
// or None or have an __index__ method".
bool slice_indices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelen);

// How a subscript key addresses a sequence.
enum class SeqKey {
    Index,   // an int, bool or object with __index__: *index holds it (not yet normalized)
    Slice,   // a slice object
    BadType, // anything else; no exception set (the caller raises its own "... indices must be ..." message)
    Error,   // an exception is set (e.g. IndexError "cannot fit 'int' into an index-sized integer")
};
SeqKey seq_key(Value key, int64_t* index);

// Turns a negative index into a position from the end; true when the result lies in [0, length).
inline bool seq_normalize(int64_t* index, int64_t length) {
    if (*index < 0) *index += length;
    return *index >= 0 && *index < length;
}

// CPython's xxHash-based hash of a sequence of values: tuples mix in the length (add_length), slices do not.
// False when an item is unhashable (exception set).
bool hash_values(const Value* items, size_t n, bool add_length, int64_t* out);

// Argument-count checks with CPython's messages (n counts the arguments after self). Each sets TypeError and
// returns false when n is out of bounds.
bool args_exact_one(const char* qualname, size_t n); // "list.append() takes exactly one argument (2 given)"
bool args_none(const char* qualname, size_t n);      // "list.copy() takes no arguments (1 given)"
// "pop expected at most 1 argument, got 2" / "index expected at least 1 argument, got 0"
bool args_between(const char* name, size_t n, size_t min, size_t max);
// "count() takes at least 1 argument (0 given)" / "split() takes at most 2 arguments (3 given)"
bool args_takes(const char* name, size_t n, size_t min, size_t max);

// Range and slice types (range.cpp): slots, methods and range_iterator. Called by init_list_methods.
void init_range_methods();

} // namespace krait
