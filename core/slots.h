// slots.h — internal glue between type objects and their slots (types.cpp, slots.cpp, attrs.cpp, descr.cpp).
#pragma once

#include "object.h"
#include "runtime.h"

namespace krait {

// The value captured by the native function now being called (NativeObject::bound), set by its caller.
// A native that needs it reads it on entry, before calling anything else.
extern Value g_native_bound;

TypeObject* type_lookup_owner(TypeObject* t, StrObject* name);
Value type_new_class(TypeObject* meta, Value name, Value bases, Value ns);

void init_iter_type(TypeObject* t);  // iter.cpp: iter/next slots of an IterObject type
void init_core_slots();                 // slots of object, type, function, method, module, None, descriptors ...
void inherit_builtin_slots(TypeObject* t);  // copies every unset slot from the base
void inherit_all_builtin_slots();       // after every init_*: fill unset slots of all built-in types from bases
void fixup_heap_slots(TypeObject* t);   // (re)computes the slots of a class defined in Python
bool is_slot_dunder(StrObject* name);

// Attribute storage of instances (attrs.cpp).
Value instance_get_own(Value o, StrObject* name);           // VAL_NULL if absent (no error)
bool instance_set_own(Value o, StrObject* name, Value v);   // v == VAL_NULL deletes; false + AttributeError if absent
DictObject* instance_dict(Value o);                         // __dict__ (switches the instance to dict mode)
bool has_instance_attrs(Value o);
// Shapes (attrs.cpp): the child of s that adds `name` (created once), and the slot of `name` in s (-1: absent).
Shape* shape_child(Shape* s, StrObject* name);
int shape_index(Shape* s, StrObject* name);
// A new plain instance of cls with its root shape and room for as many slots as its instances tend to get;
// null on MemoryError (not raised).
InstanceObject* instance_alloc(TypeObject* cls);

// Callables (descr.cpp).
Value bound_method_new(Value func, Value self);
Value native_call(Value self, Value* args, size_t nargs, TupleObject* kwnames);
Value call_with_self(Value func, Value self, Value* args, size_t nargs, TupleObject* kwnames);
Value type_call(Value self, Value* args, size_t nargs, TupleObject* kwnames);
Value object_repr_default(Value self);
Value super_new_zero_arg();

// Exceptions (exceptions.cpp).
void init_exception_slots();

}  // namespace krait
