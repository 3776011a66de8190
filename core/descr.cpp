// descr.cpp — the slots of the core types: object, type, functions and methods, modules, None, and the
// descriptor types (property, staticmethod, classmethod, super). Also calling a type (instance creation).
#include <cstdio>
#include <string>

#include "code.h"
#include "containers.h"
#include "frame.h"
#include "gc.h"
#include "methods.h"
#include "interp_support.h"
#include "slots.h"
#include "vm.h"

namespace krait {

namespace {

StrObject* S(const char* s) { return intern(s); }

std::string qualname_of(TypeObject* t) {
    std::string m(t->module->view());
    if (m == "builtins") return std::string(t->name->view());
    return m + "." + std::string(t->name->view());
}

// ---- object ----

Value object_new(TypeObject* cls, Value*, size_t, TupleObject*) {
    if (cls->layout == Kind::Exception) return raise(T.e_TypeError, "exception layout without exception new");
    InstanceObject* o = instance_alloc(cls);
    if (!o) return raise_no_memory();
    return val(o);
}

Value object_repr(Value self) {
    char buf[64];
    snprintf(buf, sizeof buf, " object at %p>", reinterpret_cast<void*>(val_obj(self)));
    return str_new("<" + qualname_of(type_of(self)) + buf);
}

Value object_str(Value self) {
    TypeObject* t = type_of(self);
    return t->repr ? t->repr(self) : object_repr(self);
}

bool object_hash(Value self, int64_t* out) {
    *out = static_cast<int64_t>(self.bits >> 4);
    return true;
}

Value object_richcompare(Value self, Value other, CmpOp op) {
    if (op == CmpOp::EQ) return self.bits == other.bits ? VAL_TRUE : g_not_implemented;
    if (op == CmpOp::NE) {
        // object.__ne__ inverts __eq__ unless that is NotImplemented.
        TypeObject* t = type_of(self);
        Value r = t->richcompare(self, other, CmpOp::EQ);
        if (val_is_null(r) || r.bits == g_not_implemented.bits) return r;
        int b = obj_truth(r);
        return b < 0 ? VAL_NULL : val_from_bool(!b);
    }
    return g_not_implemented;
}

Value object_getattr(Value self, StrObject* name) { return generic_getattr(self, name, true); }
bool object_setattr(Value self, StrObject* name, Value v) { return generic_setattr(self, name, v); }

Value object_init(Value* args, size_t nargs, TupleObject* kwnames) {
    if (nargs > 1) {
        TypeObject* t = type_of(args[0]);
        Value init = type_lookup(t, S("__init__"));
        bool init_overridden = !val_is_null(init) && type_lookup_owner(t, S("__init__")) != T.t_object;
        if (t->new_fn == T.t_object->new_fn || !init_overridden) {
            // CPython: excess arguments are an error unless __new__ is overridden.
            if (t->new_fn == T.t_object->new_fn)
                return raise(T.e_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        }
    }
    (void)kwnames;
    return VAL_NONE;
}

Value object_dir_stub(Value* args, size_t nargs, TupleObject*) {
    (void)args, (void)nargs;
    return val(list_new(0));
}

Value object_reduce_stub(Value*, size_t, TupleObject*) { return raise(T.e_TypeError, "cannot pickle objects"); }

Value object_format(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 2) return raise(T.e_TypeError, "__format__ expects 1 argument");
    if (!is_kind(args[1], Kind::Str)) return raise(T.e_TypeError, "format spec must be a str");
    if (as<StrObject>(args[1])->nbytes)
        return raise(T.e_TypeError, "unsupported format string passed to %s.__format__", type_name(args[0]));
    return obj_str(args[0]);
}

Value object_new_native(Value* args, size_t nargs, TupleObject* kwnames) {
    if (nargs < 1 || !is_kind(args[0], Kind::Type)) return raise(T.e_TypeError, "object.__new__(X): X is not a type object");
    TypeObject* cls = as<TypeObject>(args[0]);
    return cls->new_fn(cls, args + 1, nargs - 1, kwnames);
}

Value object_init_subclass(Value*, size_t, TupleObject*) { return VAL_NONE; }

// ---- type ----

Value type_repr(Value self) { return str_new("<class '" + qualname_of(as<TypeObject>(self)) + "'>"); }

Value type_getattr(Value self, StrObject* name) {
    TypeObject* t = as<TypeObject>(self);
    std::string_view n = name->view();
    if (n.size() > 4 && n[0] == '_' && n[1] == '_') {
        if (n == "__name__") return val(t->name);
        if (n == "__qualname__") {
            Value q = dict_get_str(t->dict, S("__qualname__"));
            return val_is_null(q) ? val(t->name) : q;
        }
        if (n == "__mro__") return val(t->mro);
        if (n == "__bases__") return val(t->bases);
        if (n == "__base__") return t->bases->size ? t->bases->items[0] : VAL_NONE;
        if (n == "__dict__") return dict_copy(t->dict);
        if (n == "__class__") return val(type_of(self));
        if (n == "__module__") return val(t->module);
        if (n == "__doc__") {
            Value d = dict_get_str(t->dict, S("__doc__"));
            return val_is_null(d) ? VAL_NONE : d;
        }
    }
    TypeObject* meta = type_of(self);
    Value meta_attr = type_lookup(meta, name);
    if (!val_is_null(meta_attr)) {
        TypeObject* mt = type_of(meta_attr);
        if (mt->descr_get && mt->descr_set) return mt->descr_get(meta_attr, self, val(meta));
    }
    Value attr = type_lookup(t, name);
    if (!val_is_null(attr)) {
        TypeObject* at = type_of(attr);
        if (at->descr_get) return at->descr_get(attr, VAL_NULL, self);
        return attr;
    }
    if (!val_is_null(meta_attr)) {
        TypeObject* mt = type_of(meta_attr);
        return mt->descr_get ? mt->descr_get(meta_attr, self, val(meta)) : meta_attr;
    }
    return raise(T.e_AttributeError, "type object '%s' has no attribute '%s'", t->name->data, name->data);
}

bool type_setattr(Value self, StrObject* name, Value v) {
    TypeObject* t = as<TypeObject>(self);
    if (!(t->flags & TF_HEAPTYPE)) {
        raise(T.e_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, t->name->data);
        return false;
    }
    if (name->view() == "__name__") {
        if (!is_kind(v, Kind::Str)) {
            raise(T.e_TypeError, "can only assign string to %s.__name__, not '%s'", t->name->data, type_name(v));
            return false;
        }
        t->name = as<StrObject>(v);
        return true;
    }
    Value meta_attr = type_lookup(type_of(self), name);
    if (!val_is_null(meta_attr) && type_of(meta_attr)->descr_set)
        return type_of(meta_attr)->descr_set(meta_attr, self, v);
    if (val_is_null(v)) {
        if (dict_del(t->dict, val(name)) <= 0) {
            if (!err_occurred()) raise(T.e_AttributeError, "type object '%s' has no attribute '%s'", t->name->data, name->data);
            return false;
        }
    } else if (!dict_set_str(t->dict, name, v)) {
        return false;
    }
    type_modified(t);
    if (is_slot_dunder(name)) fixup_heap_slots(t);
    return true;
}

Value type_mro_method(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 1 || !is_kind(args[0], Kind::Type)) return raise(T.e_TypeError, "mro() takes no arguments");
    return list_from_iterable(val(as<TypeObject>(args[0])->mro));
}

Value type_subclasses(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 1 || !is_kind(args[0], Kind::Type)) return raise(T.e_TypeError, "__subclasses__() takes no arguments");
    ListObject* l = list_new(0);
    if (!l) return VAL_NULL;
    for (TypeObject* s : *as<TypeObject>(args[0])->subclasses) list_append(l, val(s));
    return val(l);
}

Value type_new_fn(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    size_t nkw = kwnames ? kwnames->size : 0;
    size_t npos = nargs - nkw;
    if (cls == T.t_type && npos == 1 && nkw == 0) return val(type_of(args[0]));
    if (npos != 3) return raise(T.e_TypeError, "type() takes 1 or 3 arguments");
    if (!is_kind(args[0], Kind::Str)) return raise(T.e_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(args[0]));
    if (!is_kind(args[1], Kind::Tuple)) return raise(T.e_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(args[1]));
    if (!is_kind(args[2], Kind::Dict)) return raise(T.e_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(args[2]));
    return type_new_class(cls, args[0], args[1], args[2]);
}

// ---- functions, natives, bound methods ----

Value function_call(Value self, Value* args, size_t nargs, TupleObject* kwnames) {
    return call_function(as<FunctionObject>(self), args, nargs, kwnames);
}

Value function_descr_get(Value self, Value o, Value) {
    if (val_is_null(o)) return self;
    return bound_method_new(self, o);
}

Value function_repr(Value self) {
    char buf[48];
    snprintf(buf, sizeof buf, " at %p>", reinterpret_cast<void*>(val_obj(self)));
    return str_new("<function " + std::string(as<FunctionObject>(self)->qualname->view()) + buf);
}

Value function_getattr(Value self, StrObject* name) {
    auto* f = as<FunctionObject>(self);
    std::string_view n = name->view();
    if (n == "__name__") return val(f->name);
    if (n == "__qualname__") return val(f->qualname);
    if (n == "__doc__") return val_is_null(f->doc) ? VAL_NONE : f->doc;
    if (n == "__module__") return val_is_null(f->module) ? VAL_NONE : f->module;
    if (n == "__defaults__") return f->defaults ? val(f->defaults) : VAL_NONE;
    if (n == "__kwdefaults__") return f->kwdefaults ? val(f->kwdefaults) : VAL_NONE;
    if (n == "__code__") return val(f->code);
    if (n == "__globals__") return val(f->globals);
    if (n == "__closure__") return f->closure ? val(f->closure) : VAL_NONE;
    if (n == "__dict__") {
        if (!f->dict) f->dict = dict_new();
        return val(f->dict);
    }
    if (f->dict) {
        Value v = dict_get_str(f->dict, name);
        if (!val_is_null(v)) return v;
    }
    return generic_getattr(self, name, true);
}

bool function_setattr(Value self, StrObject* name, Value v) {
    auto* f = as<FunctionObject>(self);
    std::string_view n = name->view();
    if (n == "__name__" || n == "__qualname__") {
        if (!is_kind(v, Kind::Str)) {
            raise(T.e_TypeError, "%s must be set to a string object", name->data);
            return false;
        }
        (n == "__name__" ? f->name : f->qualname) = as<StrObject>(v);
        return true;
    }
    if (n == "__doc__") return f->doc = val_is_null(v) ? VAL_NONE : v, true;
    if (n == "__module__") return f->module = v, true;
    if (n == "__defaults__") {
        if (val_is_none(v) || val_is_null(v)) f->defaults = nullptr;
        else if (is_kind(v, Kind::Tuple)) f->defaults = as<TupleObject>(v);
        else return raise(T.e_TypeError, "__defaults__ must be set to a tuple object"), false;
        f->version = next_function_version();  // calls specialized for the old defaults must miss
        return true;
    }
    if (n == "__kwdefaults__") {
        if (val_is_none(v) || val_is_null(v)) f->kwdefaults = nullptr;
        else if (is_kind(v, Kind::Dict)) f->kwdefaults = as<DictObject>(v);
        else return raise(T.e_TypeError, "__kwdefaults__ must be set to a dict object"), false;
        f->version = next_function_version();
        return true;
    }
    if (n == "__code__") {
        if (!is_kind(v, Kind::Code)) return raise(T.e_TypeError, "__code__ must be set to a code object"), false;
        CodeObject* c = as<CodeObject>(v);
        size_t nclosure = f->closure ? f->closure->size : 0;
        if (c->nfree != nclosure)
            return raise(T.e_ValueError, "%s() requires a code object with %zu free vars, not %u", f->name->data,
                         nclosure, c->nfree),
                   false;
        f->code = c;
        f->version = next_function_version();  // calls specialized for the old code must miss
        return true;
    }
    if (n == "__globals__" || n == "__closure__" || n == "__dict__") {
        if (n == "__dict__" && is_kind(v, Kind::Dict)) return f->dict = as<DictObject>(v), true;
        if (n == "__dict__") return raise(T.e_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v)), false;
        return raise(T.e_AttributeError, "readonly attribute"), false;
    }
    if (!f->dict) f->dict = dict_new();
    if (val_is_null(v)) {
        if (dict_del(f->dict, val(name)) <= 0) {
            raise(T.e_AttributeError, "'function' object has no attribute '%s'", name->data);
            return false;
        }
        return true;
    }
    return dict_set_str(f->dict, name, v);
}

Value native_descr_get(Value self, Value o, Value) {
    if (val_is_null(o) || !(as<NativeObject>(self)->flags & NF_METHOD)) return self;
    return bound_method_new(self, o);
}

Value native_repr(Value self) {
    auto* n = as<NativeObject>(self);
    if ((n->flags & NF_METHOD) && is_kind(n->bound, Kind::Type))
        return str_new(std::string((n->flags & NF_SLOT_WRAPPER) ? "<slot wrapper '" : "<method '") + n->name +
                       "' of '" + as<TypeObject>(n->bound)->name->data + "' objects>");
    return str_new(std::string("<built-in function ") + n->name + ">");
}

Value native_getattr(Value self, StrObject* name) {
    auto* n = as<NativeObject>(self);
    if (name->view() == "__name__" || name->view() == "__qualname__") return str_new(n->name);
    if (name->view() == "__doc__") return VAL_NONE;
    return generic_getattr(self, name, true);
}

Value method_call(Value self, Value* args, size_t nargs, TupleObject* kwnames) {
    auto* m = as<BoundMethodObject>(self);
    return call_with_self(m->func, m->self, args, nargs, kwnames);
}

Value method_repr(Value self) {
    auto* m = as<BoundMethodObject>(self);
    Value name = obj_getattr_default(m->func, S("__qualname__"), VAL_NULL);
    if (val_is_null(name) || !is_kind(name, Kind::Str)) {
        err_clear();
        name = str_new("?");
    }
    Root rn(name);
    Value r = obj_repr(m->self);
    if (val_is_null(r)) return VAL_NULL;
    return str_new("<bound method " + std::string(str_view(name)) + " of " + std::string(str_view(r)) + ">");
}

Value method_getattr(Value self, StrObject* name) {
    auto* m = as<BoundMethodObject>(self);
    if (name->view() == "__self__") return m->self;
    if (name->view() == "__func__") return m->func;
    Value r = generic_getattr(self, name, false);
    if (!val_is_null(r) || err_occurred()) return r;
    return obj_getattr(m->func, name);
}

Value method_richcompare(Value self, Value other, CmpOp op) {
    if ((op != CmpOp::EQ && op != CmpOp::NE) || !is_kind(other, Kind::BoundMethod)) return g_not_implemented;
    auto* a = as<BoundMethodObject>(self);
    auto* b = as<BoundMethodObject>(other);
    bool eq = a->func.bits == b->func.bits && a->self.bits == b->self.bits;
    return val_from_bool(op == CmpOp::EQ ? eq : !eq);
}

bool method_hash(Value self, int64_t* out) {
    auto* m = as<BoundMethodObject>(self);
    *out = static_cast<int64_t>((m->func.bits >> 4) ^ (m->self.bits >> 3));
    if (*out == -1) *out = -2;
    return true;
}

// ---- modules, None, singletons ----

Value module_getattr(Value self, StrObject* name) {
    auto* m = as<ModuleObject>(self);
    Value v = dict_get_str(m->dict, name);
    if (!val_is_null(v)) return v;
    if (name->view() == "__dict__") return val(m->dict);
    Value r = generic_getattr(self, name, false);
    if (!val_is_null(r) || err_occurred()) return r;
    return raise(T.e_AttributeError, "module '%s' has no attribute '%s'", m->name->data, name->data);
}

bool module_setattr(Value self, StrObject* name, Value v) {
    auto* m = as<ModuleObject>(self);
    if (val_is_null(v)) {
        if (dict_del(m->dict, val(name)) <= 0) {
            raise(T.e_AttributeError, "module '%s' has no attribute '%s'", m->name->data, name->data);
            return false;
        }
        return true;
    }
    return dict_set_str(m->dict, name, v);
}

Value module_repr(Value self) {
    auto* m = as<ModuleObject>(self);
    Value file = dict_get_str(m->dict, S("__file__"));
    if (is_kind(file, Kind::Str))
        return str_new("<module '" + std::string(m->name->view()) + "' from '" + std::string(str_view(file)) + "'>");
    return str_new("<module '" + std::string(m->name->view()) + "' (built-in)>");
}

Value none_repr(Value) { return val(intern("None")); }
bool none_hash(Value, int64_t* out) {
    *out = 0xFCA86420;  // CPython 3.12 hashes None to a constant
    return true;
}
int none_truth(Value) { return 0; }
Value none_new(TypeObject*, Value*, size_t nargs, TupleObject*) {
    if (nargs) return raise(T.e_TypeError, "NoneType takes no arguments");
    return VAL_NONE;
}
Value notimpl_repr(Value) { return val(intern("NotImplemented")); }
Value ellipsis_repr(Value) { return val(intern("Ellipsis")); }

// ---- property, staticmethod, classmethod ----

Value property_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[4];
    if (!bind_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, a)) return VAL_NULL;
    auto* p = gc_new<PropertyObject>(cls, Kind::Property);
    if (!p) return raise_no_memory();
    p->fget = val_is_null(a[0]) ? VAL_NONE : a[0];
    p->fset = val_is_null(a[1]) ? VAL_NONE : a[1];
    p->fdel = val_is_null(a[2]) ? VAL_NONE : a[2];
    p->doc = val_is_null(a[3]) ? VAL_NONE : a[3];
    return val(p);
}

std::string property_name(PropertyObject* p) {
    Value f = !val_is_none(p->fget) ? p->fget : !val_is_none(p->fset) ? p->fset : p->fdel;
    if (is_kind(f, Kind::Function)) return std::string(as<FunctionObject>(f)->name->view());
    return "?";
}

Value property_get(Value self, Value o, Value) {
    auto* p = as<PropertyObject>(self);
    if (val_is_null(o)) return self;
    if (val_is_none(p->fget))
        return raise(T.e_AttributeError, "property '%s' of '%s' object has no getter", property_name(p).c_str(),
                     type_name(o));
    return call1(p->fget, o);
}

bool property_set(Value self, Value o, Value v) {
    auto* p = as<PropertyObject>(self);
    Value f = val_is_null(v) ? p->fdel : p->fset;
    if (val_is_none(f)) {
        raise(T.e_AttributeError, "property '%s' of '%s' object has no %s", property_name(p).c_str(), type_name(o),
              val_is_null(v) ? "deleter" : "setter");
        return false;
    }
    Value r = val_is_null(v) ? call1(f, o) : call2(f, o, v);
    return !val_is_null(r);
}

Value property_copy_with(Value* args, size_t nargs, int which) {
    if (nargs != 2) return raise(T.e_TypeError, "expected 1 argument");
    auto* p = as<PropertyObject>(args[0]);
    auto* q = gc_new<PropertyObject>(p->type, Kind::Property);
    if (!q) return raise_no_memory();
    q->fget = which == 0 ? args[1] : p->fget;
    q->fset = which == 1 ? args[1] : p->fset;
    q->fdel = which == 2 ? args[1] : p->fdel;
    q->doc = p->doc;
    return val(q);
}
Value property_getter(Value* a, size_t n, TupleObject*) { return property_copy_with(a, n, 0); }
Value property_setter(Value* a, size_t n, TupleObject*) { return property_copy_with(a, n, 1); }
Value property_deleter(Value* a, size_t n, TupleObject*) { return property_copy_with(a, n, 2); }

Value property_getattr(Value self, StrObject* name) {
    auto* p = as<PropertyObject>(self);
    if (name->view() == "fget") return p->fget;
    if (name->view() == "fset") return p->fset;
    if (name->view() == "fdel") return p->fdel;
    if (name->view() == "__doc__") {
        if (!val_is_none(p->doc)) return p->doc;
        return is_kind(p->fget, Kind::Function) ? function_getattr(p->fget, S("__doc__")) : VAL_NONE;
    }
    return generic_getattr(self, name, true);
}

Value wrapper_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    const char* name = cls->layout == Kind::StaticMethod ? "staticmethod" : "classmethod";
    if (kwnames && kwnames->size) return raise(T.e_TypeError, "%s() takes no keyword arguments", name);
    if (nargs != 1) return raise(T.e_TypeError, "%s expected 1 argument, got %zu", name, nargs);
    auto* w = gc_new<WrapperObject>(cls, cls->layout);
    if (!w) return raise_no_memory();
    w->func = args[0];
    return val(w);
}

Value staticmethod_get(Value self, Value, Value) { return as<WrapperObject>(self)->func; }
Value staticmethod_call(Value self, Value* args, size_t nargs, TupleObject* kwnames) {
    return obj_call(as<WrapperObject>(self)->func, args, nargs, kwnames);
}
Value classmethod_get(Value self, Value o, Value type) {
    Value cls = !val_is_null(type) && !val_is_none(type) ? type : val(type_of(o));
    return bound_method_new(as<WrapperObject>(self)->func, cls);
}
Value wrapper_getattr(Value self, StrObject* name) {
    if (name->view() == "__func__" || name->view() == "__wrapped__") return as<WrapperObject>(self)->func;
    return generic_getattr(self, name, true);
}

// ---- super ----

Value super_make(TypeObject* type, Value o) {
    TypeObject* obj_type;
    if (is_kind(o, Kind::Type) && type_is_subtype(as<TypeObject>(o), type)) obj_type = as<TypeObject>(o);
    else if (is_instance(o, type)) obj_type = type_of(o);
    else return raise(T.e_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    auto* s = gc_new<SuperObject>(T.t_super, Kind::Super);
    if (!s) return raise_no_memory();
    s->type = type, s->obj = o, s->obj_type = obj_type;
    return val(s);
}

Value super_new(TypeObject*, Value* args, size_t nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->size) return raise(T.e_TypeError, "super() takes no keyword arguments");
    if (nargs == 0) return super_new_zero_arg();
    if (!is_kind(args[0], Kind::Type))
        return raise(T.e_TypeError, "super() argument 1 must be a type, not %s", type_name(args[0]));
    if (nargs == 1) return raise(T.e_TypeError, "super() with one argument is not supported by Krait");
    return super_make(as<TypeObject>(args[0]), args[1]);
}

Value super_getattr(Value self, StrObject* name) {
    auto* s = as<SuperObject>(self);
    TupleObject* mro = s->obj_type->mro;
    size_t i = 0;
    while (i < mro->size && as<TypeObject>(mro->items[i]) != s->type) i++;
    if (name->view() != "__class__") {
        for (i++; i < mro->size; i++) {
            Value v = dict_get_str(as<TypeObject>(mro->items[i])->dict, name);
            if (val_is_null(v)) continue;
            TypeObject* vt = type_of(v);
            if (!vt->descr_get) return v;
            bool obj_is_type = s->obj.bits == val(s->obj_type).bits;
            return vt->descr_get(v, obj_is_type ? VAL_NULL : s->obj, val(s->obj_type));
        }
    }
    Value r = generic_getattr(self, name, false);
    if (!val_is_null(r) || err_occurred()) return r;
    return raise(T.e_AttributeError, "'super' object has no attribute '%s'", name->data);
}

Value super_repr(Value self) {
    auto* s = as<SuperObject>(self);
    return str_new("<super: <class '" + std::string(s->type->name->view()) + "'>, <" +
                   std::string(s->obj_type->name->view()) + " object>>");
}

Value cell_repr(Value self) {
    char buf[48];
    snprintf(buf, sizeof buf, "<cell at %p>", reinterpret_cast<void*>(val_obj(self)));
    return str_new(buf);
}

Value code_repr(Value self) {
    auto* c = as<CodeObject>(self);
    char buf[64];
    snprintf(buf, sizeof buf, " at %p, line %d>", reinterpret_cast<void*>(c), c->firstlineno);
    return str_new("<code object " + std::string(c->name->view()) + buf);
}

const MethodDef object_methods[] = {
    {"__init__", object_init, 0},
    {"__format__", object_format, 0},
    {"__dir__", object_dir_stub, 0},
    {"__reduce__", object_reduce_stub, 0},
    {nullptr, nullptr, 0},
};
const MethodDef type_methods[] = {
    {"mro", type_mro_method, 0},
    {"__subclasses__", type_subclasses, 0},
    {nullptr, nullptr, 0},
};
const MethodDef property_methods[] = {
    {"getter", property_getter, 0},
    {"setter", property_setter, 0},
    {"deleter", property_deleter, 0},
    {nullptr, nullptr, 0},
};

}  // namespace

Value bound_method_new(Value func, Value self) {
    auto* m = gc_new<BoundMethodObject>(T.t_method, Kind::BoundMethod);
    if (!m) return raise_no_memory();
    m->func = func;
    m->self = self;
    return val(m);
}

Value native_call(Value self, Value* args, size_t nargs, TupleObject* kwnames) {
    auto* n = as<NativeObject>(self);
    if ((n->flags & NF_NOKW) && kwnames && kwnames->size)
        return raise(T.e_TypeError, "%s() takes no keyword arguments", n->name);
    g_native_bound = n->bound;
    return n->fn(args, nargs, kwnames);
}

Value call_with_self(Value func, Value self, Value* args, size_t nargs, TupleObject* kwnames) {
    if (is_kind(func, Kind::Function) || is_kind(func, Kind::Native)) {
        Value small[8];
        std::vector<Value> big;
        Value* argv = small;
        if (nargs + 1 > 8) {
            big.resize(nargs + 1);
            argv = big.data();
        }
        argv[0] = self;
        for (size_t i = 0; i < nargs; i++) argv[i + 1] = args[i];
        RootArray root(argv, nargs + 1);
        return obj_call(func, argv, nargs + 1, kwnames);
    }
    TypeObject* ft = type_of(func);
    if (ft->descr_get) {
        Value bound = ft->descr_get(func, self, val(type_of(self)));
        if (val_is_null(bound)) return VAL_NULL;
        Root r(bound);
        return obj_call(bound, args, nargs, kwnames);
    }
    return obj_call(func, args, nargs, kwnames);
}

Value type_call(Value self, Value* args, size_t nargs, TupleObject* kwnames) {
    TypeObject* cls = as<TypeObject>(self);
    if (!cls->new_fn) return raise(T.e_TypeError, "cannot create '%s' instances", cls->name->data);
    Value o;
    TypeObject* new_owner = (cls->flags & TF_HEAPTYPE) ? type_lookup_owner(cls, S("__new__")) : nullptr;
    if (new_owner && (new_owner->flags & TF_HEAPTYPE)) {
        // A __new__ written in Python (an implicit staticmethod): __new__(cls, *args, **kwargs).
        Value nw = dict_get_str(new_owner->dict, S("__new__"));
        if (is_kind(nw, Kind::StaticMethod)) nw = as<WrapperObject>(nw)->func;
        o = call_with_self(nw, self, args, nargs, kwnames);
    } else {
        o = cls->new_fn(cls, args, nargs, kwnames);
    }
    if (val_is_null(o) || cls == T.t_type || !is_instance(o, cls)) return o;
    Root ro(o);
    TypeObject* owner = type_lookup_owner(cls, S("__init__"));
    if (owner && owner != T.t_object && (owner->flags & TF_HEAPTYPE)) {
        Value init = dict_get_str(owner->dict, S("__init__"));
        Value r = call_with_self(init, o, args, nargs, kwnames);
        if (val_is_null(r)) return VAL_NULL;
        if (!val_is_none(r)) return raise(T.e_TypeError, "__init__() should return None, not '%s'", type_name(r));
    } else if (nargs && cls->new_fn == T.t_object->new_fn) {
        return raise(T.e_TypeError, "%s() takes no arguments", cls->name->data);
    }
    return o;
}

Value native_new(const char* name, NativeFn fn, uint32_t flags, Value bound) {
    auto* n = gc_new<NativeObject>(T.t_builtin_function, Kind::Native);
    n->fn = fn;
    n->name = name;
    n->flags = flags;
    n->bound = bound;
    gc_make_permanent(n);
    return val(n);
}

void add_methods(TypeObject* t, const MethodDef* defs) {
    for (; defs->name; defs++)
        dict_set_str(t->dict, intern(defs->name), native_new(defs->name, defs->fn, defs->flags | NF_METHOD, val(t)));
}

void add_functions(DictObject* d, const MethodDef* defs) {
    for (; defs->name; defs++) dict_set_str(d, intern(defs->name), native_new(defs->name, defs->fn, defs->flags));
}

ModuleObject* module_new(std::string_view name) {
    auto* m = gc_new<ModuleObject>(T.t_module, Kind::Module);
    m->name = intern(name);
    m->dict = dict_new();
    dict_set_str(m->dict, S("__name__"), val(m->name));
    dict_set_str(m->dict, S("__doc__"), VAL_NONE);
    return m;
}

Value object_repr_default(Value self) { return object_repr(self); }

void init_core_slots() {
    TypeObject* o = T.t_object;
    o->repr = object_repr, o->str = object_str, o->hash = object_hash, o->richcompare = object_richcompare;
    o->getattr = object_getattr, o->setattr = object_setattr, o->new_fn = object_new;
    add_methods(o, object_methods);
    dict_set_str(o->dict, S("__new__"),
                 val(gc_new<WrapperObject>(T.t_staticmethod, Kind::StaticMethod)));
    as<WrapperObject>(dict_get_str(o->dict, S("__new__")))->func = native_new("__new__", object_new_native, 0);
    dict_set_str(o->dict, S("__init_subclass__"),
                 val(gc_new<WrapperObject>(T.t_classmethod, Kind::ClassMethod)));
    as<WrapperObject>(dict_get_str(o->dict, S("__init_subclass__")))->func =
        native_new("__init_subclass__", object_init_subclass, 0);

    TypeObject* t = T.t_type;
    t->repr = type_repr, t->getattr = type_getattr, t->setattr = type_setattr, t->call = type_call;
    t->new_fn = type_new_fn;
    add_methods(t, type_methods);

    T.t_function->call = function_call, T.t_function->descr_get = function_descr_get;
    T.t_function->repr = function_repr, T.t_function->getattr = function_getattr;
    T.t_function->setattr = function_setattr;
    T.t_builtin_function->call = native_call, T.t_builtin_function->descr_get = native_descr_get;
    T.t_builtin_function->repr = native_repr, T.t_builtin_function->getattr = native_getattr;
    T.t_method->call = method_call, T.t_method->repr = method_repr, T.t_method->getattr = method_getattr;
    T.t_method->richcompare = method_richcompare, T.t_method->hash = method_hash;
    T.t_module->getattr = module_getattr, T.t_module->setattr = module_setattr, T.t_module->repr = module_repr;
    T.t_NoneType->repr = none_repr, T.t_NoneType->truth = none_truth, T.t_NoneType->new_fn = none_new;
    T.t_NoneType->hash = none_hash;
    T.t_NotImplementedType->repr = notimpl_repr;
    T.t_ellipsis->repr = ellipsis_repr;
    T.t_property->new_fn = property_new, T.t_property->descr_get = property_get;
    T.t_property->descr_set = property_set, T.t_property->getattr = property_getattr;
    add_methods(T.t_property, property_methods);
    T.t_staticmethod->new_fn = wrapper_new, T.t_staticmethod->descr_get = staticmethod_get;
    T.t_staticmethod->call = staticmethod_call, T.t_staticmethod->getattr = wrapper_getattr;
    T.t_classmethod->new_fn = wrapper_new, T.t_classmethod->descr_get = classmethod_get;
    T.t_classmethod->getattr = wrapper_getattr;
    T.t_super->new_fn = super_new, T.t_super->getattr = super_getattr, T.t_super->repr = super_repr;
    T.t_cell->repr = cell_repr;
    T.t_code->repr = code_repr;

    auto* ni = gc_new<InstanceObject>(T.t_NotImplementedType, Kind::Instance);
    gc_make_permanent(ni);
    g_not_implemented = val(ni);
    auto* el = gc_new<InstanceObject>(T.t_ellipsis, Kind::Instance);
    gc_make_permanent(el);
    g_ellipsis = val(el);
    init_exception_slots();
}

}  // namespace krait
