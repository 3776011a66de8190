// containers.h — the C++ API of Krait's built-in containers and strings (tuple, list, dict, set, str, iterators),
// used by the interpreter, the builtins and the methods. Python-level methods are registered separately
// (see methods.h); these are the primitive operations they are built on.
// All functions that can fail follow runtime.h's convention (VAL_NULL / false / -1 with the exception set).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "object.h"
#include "runtime.h"

namespace krait {

// ---- tuple ----
TupleObject* tuple_new(size_t n);  // items zero-filled: the caller stores all n of them
Value tuple_pack(std::initializer_list<Value> items);
Value tuple_from_array(const Value* items, size_t n);
Value tuple_from_iterable(Value iterable);
extern TupleObject* g_empty_tuple;

// ---- list ----
ListObject* list_new(size_t capacity = 0);
bool list_append(ListObject* l, Value v);
bool list_reserve(ListObject* l, size_t capacity);
bool list_insert(ListObject* l, int64_t index, Value v);
Value list_from_array(const Value* items, size_t n);
Value list_from_iterable(Value iterable);
bool list_extend(ListObject* l, Value iterable);

// ---- dict (insertion ordered) ----
DictObject* dict_new();
// Lookup: returns the value, or VAL_NULL when absent (no exception) or on error (exception set: check err_occurred).
Value dict_get(DictObject* d, Value key);
bool dict_set(DictObject* d, Value key, Value v);
int dict_del(DictObject* d, Value key);  // 1 removed, 0 absent, -1 error
// Fast paths for str keys (identifiers): never fail, never call Python code.
Value dict_get_str(DictObject* d, StrObject* key);
bool dict_set_str(DictObject* d, StrObject* key, Value v);
Value dict_copy(DictObject* d);
bool dict_update(DictObject* d, Value other);  // from a mapping or an iterable of pairs
bool dict_merge_kwargs(DictObject* d, Value mapping, Value funcname);  // ** with duplicate-key TypeError
// Iteration over live entries: for (uint32_t i = 0; dict_next(d, &i, &k, &v);)
bool dict_next(DictObject* d, uint32_t* pos, Value* key, Value* value);
inline uint32_t dict_size(DictObject* d) { return d->table.used; }

// ---- set / frozenset ----
SetObject* set_new(bool frozen);
int set_add(SetObject* s, Value key);       // -1 error, 0 ok
int set_contains(SetObject* s, Value key);  // -1 error
int set_discard(SetObject* s, Value key);   // 1 removed, 0 absent, -1 error
bool set_update(SetObject* s, Value iterable);
bool set_next(SetObject* s, uint32_t* pos, Value* key);
inline bool set_is_frozen(SetObject* s) { return s->extra != 0; }
inline uint32_t set_size(SetObject* s) { return s->table.used; }

// ---- shared hash table (dict.cpp) ----
void ht_init(HashTable* t);
void ht_free(HashTable* t);
// Index of the entry holding key, -1 if absent, -2 on error.
int64_t ht_find(HashTable* t, Value key, int64_t hash);
bool ht_insert(HashTable* t, Value key, int64_t hash, Value v);  // insert or replace; false on error
int ht_remove(HashTable* t, Value key, int64_t hash);             // 1 removed, 0 absent, -1 error
void ht_clear(HashTable* t);

// ---- str (str.cpp) ----
StrObject* str_alloc(size_t nbytes);     // uninitialized text; call str_finish after writing data
void str_finish(StrObject* s);           // computes length and ascii flag
Value str_from_cstr(const char* s);
Value str_concat(Value a, Value b);
Value str_repeat(Value s, int64_t n);
int64_t str_hash(StrObject* s);
bool str_eq(StrObject* a, StrObject* b);
int str_compare(StrObject* a, StrObject* b);  // <0, 0, >0 by code point
Value str_char_at(StrObject* s, int64_t index);                  // index already normalized and in range
Value str_substr(StrObject* s, int64_t start, int64_t stop);     // code-point indices, clamped
size_t str_byte_offset(StrObject* s, int64_t cp_index);          // code point index -> byte offset
Value str_repr(StrObject* s);
uint32_t utf8_decode(const char* p, size_t* len);  // code point at p and its byte length
void utf8_append(std::string& out, uint32_t cp);
Value str_from_codepoint(uint32_t cp);
Value str_join(Value sep, Value iterable);

// ---- iterators (iter.cpp) ----
// The iterator types the specializer and the instruction helpers recognize (range.cpp, list_methods.cpp), and
// the `next` of range iterators over small ranges (those over big ones have another).
extern TypeObject* t_range_iterator;
extern TypeObject* t_list_iterator;
extern TypeObject* t_tuple_iterator;
Value range_iter_next(IterObject* it);
Value make_iter(TypeObject* type, IterNextFn next, Value src, Value aux, int64_t index, int64_t end, int64_t step);
Value seq_iter(Value seq);  // iterator over a list/tuple/str/range/dict/set/view (or __getitem__ sequence)

// ---- numbers (number.cpp) ----
Value int_to_str(Value v, int base);  // decimal or 2/8/16 digits with sign, no prefix
Value float_to_str(double d);

// ---- argument binding for native functions ----
// Binds args (positional then keyword values named by kwnames) to `names` (in order); params after `npos` may be
// given only by keyword if kwonly is true. out[i] is VAL_NULL when not given. `nrequired` leading names are
// required. Reports CPython-style TypeErrors using fname.
bool bind_args(const char* fname, Value* args, size_t nargs, TupleObject* kwnames,
               std::initializer_list<const char*> names, size_t nrequired, Value* out);
// Errors for natives that take no keywords / a fixed count.
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);
bool no_kwargs(const char* fname, TupleObject* kwnames);

}  // namespace krait
