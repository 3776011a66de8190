// object.h — the layouts of Krait's heap objects.
//
// Every heap object starts with an Object header: its type, the link the collector walks, and its layout kind
// (copied from the type at allocation so that dispatch on the C++ layout is one byte load). A user class inherits
// its layout from its solid base (object -> Instance, Exception -> Exception, ...). All objects are allocated by
// gc_new<T>() (gc.h) and are freed only by the collector, which runs at safepoints (ARCHITECTURE decision 2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "bigint.h"
#include "value.h"

namespace krait {

// The C++ layout of an object. Types of the same layout share trace/free code in gc.cpp.
enum class Kind : uint8_t {
    Instance,  // plain user object: attributes in a Shape-indexed slot array
    Type,
    BigInt,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,  // set and frozenset
    Range,
    Slice,
    Function,
    Native,  // a function implemented in C++
    BoundMethod,
    Cell,
    Code,
    Module,
    Generator,
    Exception,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Iter,  // every built-in iterator (list_iterator, enumerate, zip, map, ...)
    DictView,
    File,
};

struct Object;
struct TypeObject;
// Operator codes shared by slots and bytecode (runtime.h names them BinOp / CmpOp / UnaryOp).
enum class BinOpT : uint8_t;
enum class CmpOpT : uint8_t;
enum class UnaryOpT : uint8_t;
struct StrObject;
struct TupleObject;
struct DictObject;
struct CodeObject;
struct Shape;

// The header of every heap object.
struct Object {
    TypeObject* type;
    Object* gc_next;  // all objects form one list, walked by the sweep
    Kind kind;
    uint8_t gc_mark;
    uint8_t gc_permanent;  // never collected (static types, interned names, singletons)
    uint8_t gc_size_class;  // the collector's pool the object came from (gc.cpp); 0: allocated on its own
    uint32_t extra;  // per-layout spare word (e.g. frozen flag of a set)
};

// A native function receives its positional arguments followed by keyword values; kwnames (or null) names the
// last kwnames->size entries. For a method, args[0] is self. Returns VAL_NULL with an exception set on error.
using NativeFn = Value (*)(Value* args, size_t nargs, TupleObject* kwnames);

// Called when a type object is called: plays the role of CPython's tp_new (+ tp_init for built-in types).
using NewFn = Value (*)(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames);

enum TypeFlags : uint32_t {
    TF_HEAPTYPE = 1,      // defined by a class statement: attributes may be assigned
    TF_BASETYPE = 2,      // may be subclassed
    TF_EXCEPTION = 4,     // a subclass of BaseException
    TF_HAS_GETATTR = 8,   // defines __getattr__ (looked up after normal attribute lookup fails)
};

struct TypeObject : Object {
    StrObject* name;
    StrObject* module;  // "builtins" for built-in types
    TupleObject* bases;
    TupleObject* mro;
    DictObject* dict;
    TypeObject* solid_base;  // the built-in type whose layout instances use
    Kind layout;
    uint32_t flags;
    uint32_t version;  // changes whenever this type or a base is modified; inline caches compare it
    NewFn new_fn;
    Shape* root_shape;  // the empty shape of this type's instances
    uint32_t slots_hint;  // slots to allocate for a new instance: the largest shape seen (capped; attrs.cpp)
    std::vector<TypeObject*>* subclasses;  // to bump versions of subclasses; not traced (types are kept by bases)

    // Slots (as CPython's tp_* slots): built-in types set them natively; for classes defined in Python,
    // types.cpp installs trampolines that call the class's dunder methods. Null = unsupported.
    // Each returns VAL_NULL / false / -1 with an exception set on error.
    Value (*repr)(Value self);
    Value (*str)(Value self);
    bool (*hash)(Value self, int64_t* out);
    Value (*richcompare)(Value self, Value other, CmpOpT op);  // g_not_implemented if not comparable
    // Binary operator with self on the left (reflected=false) or on the right (reflected=true);
    // g_not_implemented when the other operand is not supported.
    Value (*binop)(Value self, Value other, BinOpT op, bool reflected);
    Value (*inplace)(Value self, Value other, BinOpT op);  // in-place form; g_not_implemented to fall back
    Value (*unary)(Value self, UnaryOpT op);
    int (*truth)(Value self);
    Value (*getattr)(Value self, StrObject* name);   // VAL_NULL + AttributeError when missing
    bool (*setattr)(Value self, StrObject* name, Value v);  // v == VAL_NULL deletes
    Value (*getitem)(Value self, Value key);
    bool (*setitem)(Value self, Value key, Value v);  // v == VAL_NULL deletes
    bool (*length)(Value self, int64_t* out);
    int (*contains)(Value self, Value item);
    Value (*iter)(Value self);
    Value (*next)(Value self);  // iterators: VAL_NULL without exception when exhausted
    Value (*call)(Value self, Value* args, size_t nargs, TupleObject* kwnames);
    Value (*descr_get)(Value self, Value obj, Value type);  // descriptors (function binding, property ...)
    bool (*descr_set)(Value self, Value obj, Value v);       // data descriptors; v == VAL_NULL deletes
};

// Instance attributes live in a slot array indexed through a Shape: the list of attribute names in the order they
// were first assigned. Instances that gain the same attributes in the same order share shapes, so an inline cache
// can key on (shape, index). Shapes are never freed; their names are interned (permanent) strings.
struct Shape {
    Shape* parent;
    StrObject* name;  // the attribute this shape added (null for the root)
    uint32_t index;   // its slot
    uint32_t size;    // number of slots
    uint32_t id;
    std::vector<std::pair<StrObject*, Shape*>> transitions;
    std::vector<StrObject*> names;  // all names, by slot, for lookup
};

struct InstanceObject : Object {
    Shape* shape;           // null in dict mode
    Value* slots;           // shape mode: size shape->size, capacity `capacity`
    uint32_t capacity;
    DictObject* dict;       // dict mode (after del of an attribute or __dict__ access); null otherwise
};

struct BigIntObject : Object {
    BigInt value;  // never fits the immediate range (ints that fit are always immediates)
};

struct StrObject : Object {
    int64_t hash;      // -1 until computed
    size_t length;     // in code points
    size_t nbytes;     // UTF-8 bytes, excluding the terminating NUL
    bool ascii;        // every byte < 0x80: then code point index == byte index
    bool interned;
    char data[1];      // nbytes + 1 bytes, NUL-terminated
    std::string_view view() const { return {data, nbytes}; }
};

struct BytesObject : Object {
    int64_t hash;
    size_t size;
    char data[1];
};

struct TupleObject : Object {
    size_t size;
    Value items[1];
};

struct ListObject : Object {
    size_t size;
    size_t capacity;
    Value* items;
};

// Insertion-ordered hash table (CPython's compact dict): dense entries + a sparse index table.
struct HashEntry {
    int64_t hash;
    Value key;  // VAL_NULL marks a deleted entry
    Value value;
};

struct HashTable {
    HashEntry* entries;
    int32_t* index;        // -1 empty, -2 deleted (dummy), else entry number
    uint32_t index_size;   // power of two
    uint32_t nentries;     // used entries, including deleted ones
    uint32_t capacity;     // allocated entries
    uint32_t used;         // live entries
    uint32_t keys_version; // unique; changes when a key is added or removed or entries move (dict.cpp)
    uint8_t watched;       // a tier-2 executor inlined a value of this dict: any change invalidates it (tier2.h)
    uint8_t invalidations; // how often that happened: past a few, tier 2 stops inlining from this dict
};

struct DictObject : Object {
    HashTable table;
    uint32_t version;  // changes on every mutation; LOAD_GLOBAL caches compare it
};

struct SetObject : Object {
    HashTable table;  // values unused; `extra` != 0 means frozenset
};

struct RangeObject : Object {
    int64_t start, stop, step, length;
};

struct SliceObject : Object {
    Value start, stop, step;
};

struct FunctionObject : Object {
    CodeObject* code;
    DictObject* globals;
    TupleObject* defaults;   // may be null
    DictObject* kwdefaults;  // may be null
    TupleObject* closure;    // cells, may be null
    StrObject* name;
    StrObject* qualname;
    DictObject* dict;        // function attributes, created on demand
    Value doc;
    Value module;
    // What CALL caches and trace guards compare, as CPython 3.13's func_version: shared by the functions one code
    // object makes (each run of a `def` or `lambda` makes a new one: closures, lambdas passed around), since all a
    // cache assumes of it comes with the code (argument counts, flags), while defaults and closure cells are read
    // from the function called (and its globals: a code object runs with one module's globals, Krait having no
    // exec() or FunctionType). Assigning __code__, __defaults__ or __kwdefaults__ gives the function a
    // version of its own, so that calls specialized for the old ones miss.
    uint32_t version;
};

enum NativeFlags : uint32_t {
    NF_METHOD = 1,  // binds like a method when found on a type (list.append); plain builtins (len) do not
    NF_NOKW = 2,    // takes no keyword arguments: the caller reports "takes no keyword arguments"
    NF_SLOT_WRAPPER = 4,  // a dunder exposing a type slot (slots.cpp), shown as <slot wrapper ...>
};

struct NativeObject : Object {
    NativeFn fn;
    const char* name;
    uint32_t flags;
    Value bound;  // a captured value (e.g. the module or a helper datum), VAL_NULL if none
};

struct BoundMethodObject : Object {
    Value func;
    Value self;
};

struct CellObject : Object {
    Value ref;  // VAL_NULL when empty
};

struct ModuleObject : Object {
    StrObject* name;
    DictObject* dict;
};

struct GeneratorObject;  // generator.h
struct CodeObject;       // code.h

struct ExcTraceEntry {
    CodeObject* code;
    int line;
};

struct ExceptionObject : InstanceObject {
    TupleObject* args;
    Value cause;    // VAL_NULL or None when unset
    Value context;
    bool suppress_context;
    std::vector<ExcTraceEntry>* trace;  // innermost first; created on first unwind
};

struct PropertyObject : Object {
    Value fget, fset, fdel, doc;
};

struct WrapperObject : Object {  // staticmethod and classmethod
    Value func;
};

struct SuperObject : Object {
    TypeObject* type;  // the class the lookup starts after
    Value obj;         // self (or the class, for classmethods)
    TypeObject* obj_type;
};

struct IterObject;
using IterNextFn = Value (*)(IterObject* it);

// One layout for every built-in iterator: `next` returns the next item, or VAL_NULL with no exception set when
// exhausted (then the iterator releases `src`), or VAL_NULL with an exception set on error.
struct IterObject : Object {
    IterNextFn next;
    Value src;    // what is iterated (list, tuple, str, dict, iterator, tuple of iterators ...)
    Value aux;    // a second value (map/filter function, enumerate count as big int ...)
    int64_t index;
    int64_t end;
    int64_t step;
};

enum class ViewKind : uint8_t { Keys, Values, Items };

struct DictViewObject : Object {
    DictObject* dict;
    ViewKind view;
};

struct FileObject : Object {
    void* fp;  // FILE*, null when closed
    StrObject* name;
    StrObject* mode;
    bool readable, writable, owns;  // owns: fclose on close (false for stdin/stdout/stderr)
};

// Checked downcast helpers: callers check kind first.
template <class T>
inline T* as(Value v) {
    return static_cast<T*>(reinterpret_cast<Object*>(val_obj(v)));
}
inline Object* obj(Value v) { return reinterpret_cast<Object*>(val_obj(v)); }
inline Value val(const Object* o) { return val_from_obj(o); }
inline bool is_kind(Value v, Kind k) { return val_is_obj(v) && obj(v)->kind == k; }

}  // namespace krait
