// methods.h — registering native methods and functions on types and modules.
#pragma once

#include "object.h"
#include "runtime.h"

namespace krait {

struct MethodDef {
    const char* name;
    NativeFn fn;
    uint32_t flags;  // NativeFlags
};

// Creates a native function object (permanent).
Value native_new(const char* name, NativeFn fn, uint32_t flags, Value bound = VAL_NULL);
// Adds each def (terminated by a {nullptr} entry) to the type's dict as a method (NF_METHOD is implied).
void add_methods(TypeObject* t, const MethodDef* defs);
// Adds each def to a module's dict as a plain function.
void add_functions(DictObject* d, const MethodDef* defs);
// The value captured by the currently running native (set by the caller for natives with a `bound` value).
ModuleObject* module_new(std::string_view name);

// Creates a permanent built-in type (e.g. an iterator type such as "list_iterator") deriving from `base`
// (T.t_object if null), whose instances have layout `layout`. Not subclassable unless basetype is true.
TypeObject* make_builtin_type(const char* name, TypeObject* base, Kind layout, bool basetype = false);
// Exposes the type's slots as dunder methods (__repr__, __len__, __getitem__, __add__ ...). Called by runtime_init
// for every built-in type after the init_* functions ran.
void add_slot_wrappers(TypeObject* t);

// Per-area initialisers, called once by runtime_init in this order.
void init_types();            // types.cpp: every built-in type object and the exception hierarchy
void init_str_methods();      // str_methods.cpp
void init_list_methods();     // list_methods.cpp (list and tuple)
void init_dict_methods();     // dict_methods.cpp (dict and views)
void init_set_methods();      // set_methods.cpp
void init_bytes();            // bytes.cpp
void init_number_methods();   // number_methods.cpp (int, float, bool)
void init_object_methods();   // object_methods.cpp (object, type, function, property, exceptions ...)
void init_builtins(DictObject* builtins);  // builtins.cpp
ModuleObject* init_math_module();
ModuleObject* init_time_module();
ModuleObject* init_sys_module(int argc, char** argv, int script_arg);

}  // namespace krait
