// runtime.cpp — start-up (runtime_init), generator objects' Python interface, class creation
// (__build_class__) and zero-argument super().
#include <cstdlib>
#include <cstring>
#include <string>

#include "code.h"
#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slots.h"
#include "specialize.h"
#include "vm.h"

namespace krait {

namespace {

StrObject* S(const char* s) { return intern(s); }

// ---- generators ----

Value gen_iter(Value self) { return self; }

// A finished generator that returned a value reports it as StopIteration(value), so that next() shows it;
// consumers (FOR_ITER, iter_next) treat a StopIteration error as plain exhaustion.
Value stop_iteration_with(Value returned);
Value gen_next(Value self) {
    Value returned;
    Value r = gen_resume(as<GeneratorObject>(self), VAL_NONE, VAL_NULL, &returned);
    if (val_is_null(r) && !err_occurred() && !val_is_none(returned)) return stop_iteration_with(returned);
    return r;
}

Value stop_iteration_with(Value returned) {
    if (val_is_none(returned)) return raise_value(val(T.e_StopIteration));
    Value e = obj_call(val(T.e_StopIteration), &returned, 1, nullptr);
    if (val_is_null(e)) return e;
    return raise_value(e);
}

Value gen_send(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 2) return raise(T.e_TypeError, "send() takes exactly one argument (%zu given)", nargs - 1);
    Value returned;
    Value r = gen_resume(as<GeneratorObject>(args[0]), args[1], VAL_NULL, &returned);
    if (val_is_null(r) && !err_occurred()) return stop_iteration_with(returned);
    return r;
}

Value gen_throw(Value* args, size_t nargs, TupleObject*) {
    if (nargs < 2 || nargs > 4) return raise(T.e_TypeError, "throw expected at least 1 argument, got 0");
    Value exc = args[1];
    if (nargs >= 3 && is_kind(exc, Kind::Type) && !val_is_none(args[2])) {
        exc = obj_call(exc, &args[2], 1, nullptr);
        if (val_is_null(exc)) return exc;
    }
    Value returned;
    Value r = gen_resume(as<GeneratorObject>(args[0]), VAL_NONE, exc, &returned);
    if (val_is_null(r) && !err_occurred()) return stop_iteration_with(returned);
    return r;
}

Value gen_close(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 1) return raise(T.e_TypeError, "close() takes no arguments");
    auto* g = as<GeneratorObject>(args[0]);
    if (g->state == GenState::Created || g->state == GenState::Finished) {
        g->state = GenState::Finished;
        return VAL_NONE;
    }
    Value returned;
    Value r = gen_resume(g, VAL_NONE, val(T.e_GeneratorExit), &returned);
    if (!val_is_null(r)) return raise(T.e_RuntimeError, "generator ignored GeneratorExit");
    if (err_matches(T.e_GeneratorExit) || err_matches(T.e_StopIteration)) err_clear();
    return err_occurred() ? VAL_NULL : VAL_NONE;
}

Value gen_repr(Value self) {
    char buf[48];
    snprintf(buf, sizeof buf, " at %p>", reinterpret_cast<void*>(val_obj(self)));
    return str_new("<generator object " + std::string(as<GeneratorObject>(self)->qualname->view()) + buf);
}

Value gen_getattr(Value self, StrObject* name) {
    auto* g = as<GeneratorObject>(self);
    if (name->view() == "__name__") return val(g->name);
    if (name->view() == "__qualname__") return val(g->qualname);
    if (name->view() == "gi_running") return val_from_bool(g->state == GenState::Running);
    return generic_getattr(self, name, true);
}

const MethodDef generator_methods[] = {
    {"send", gen_send, 0},
    {"throw", gen_throw, 0},
    {"close", gen_close, 0},
    {nullptr, nullptr, 0},
};

// ---- __build_class__(func, name, *bases, metaclass=None, **kwds) ----

Value build_class(Value* args, size_t nargs, TupleObject* kwnames) {
    size_t nkw = kwnames ? kwnames->size : 0;
    size_t npos = nargs - nkw;
    if (npos < 2 || !is_kind(args[0], Kind::Function) || !is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "__build_class__: func and name required");
    Value meta = val(T.t_type);
    RootVec sub_kwvalues;  // class keywords other than metaclass go to __init_subclass__
    std::vector<Value> sub_kwnames;
    for (size_t k = 0; k < nkw; k++) {
        if (str_view(kwnames->items[k]) == "metaclass") {
            meta = args[npos + k];
        } else {
            sub_kwnames.push_back(kwnames->items[k]);
            sub_kwvalues.items.push_back(args[npos + k]);
        }
    }
    Value bases = tuple_from_array(args + 2, npos - 2);
    if (val_is_null(bases)) return bases;
    Root rb(bases);
    if (meta.bits == val(T.t_type).bits) {
        // The most derived metaclass of the bases wins (a subclass of a class with a metaclass).
        TupleObject* bt = as<TupleObject>(bases);
        for (size_t i = 0; i < bt->size; i++) {
            TypeObject* mt = type_of(bt->items[i]);
            if (type_is_subtype(mt, as<TypeObject>(meta))) meta = val(mt);
        }
    }
    DictObject* ns = dict_new();
    if (!ns) return VAL_NULL;
    Value nsv = val(ns);
    Root rn(nsv);
    FunctionObject* body = as<FunctionObject>(args[0]);
    Value mod = dict_get_str(body->globals, S("__name__"));
    if (!val_is_null(mod)) dict_set_str(ns, S("__module__"), mod);
    dict_set_str(ns, S("__qualname__"), val(body->code->qualname));
    Value cell = run_class_body(body, ns);
    if (val_is_null(cell)) return VAL_NULL;
    Root rc(cell);
    Value cargs[3] = {args[1], bases, nsv};
    RootArray ra(cargs, 3);
    Value cls = obj_call(meta, cargs, 3, nullptr);
    if (val_is_null(cls)) return cls;
    Root rcls(cls);
    if (is_kind(cell, Kind::Cell)) as<CellObject>(cell)->ref = cls;
    // __set_name__ on the class attributes (descriptors learn their names).
    if (is_kind(cls, Kind::Type)) {
        DictObject* d = as<TypeObject>(cls)->dict;
        RootVec items;
        Value k, v;
        for (uint32_t p = 0; dict_next(d, &p, &k, &v);) items.items.push_back(k), items.items.push_back(v);
        for (size_t i = 0; i < items.items.size(); i += 2) {
            Value sn = type_lookup(type_of(items.items[i + 1]), S("__set_name__"));
            if (val_is_null(sn)) continue;
            Value sargs[2] = {cls, items.items[i]};
            if (val_is_null(call_with_self(sn, items.items[i + 1], sargs, 2, nullptr))) return VAL_NULL;
        }
        // __init_subclass__ of the parent (an implicit classmethod), with the class keywords.
        TypeObject* t = as<TypeObject>(cls);
        Value kwt = tuple_from_array(sub_kwnames.data(), sub_kwnames.size());
        if (val_is_null(kwt)) return kwt;
        Root rk(kwt);
        TupleObject* kwtuple = sub_kwnames.empty() ? nullptr : as<TupleObject>(kwt);
        Value isc = VAL_NULL;
        for (size_t i = 1; i < t->mro->size && val_is_null(isc); i++)
            isc = dict_get_str(as<TypeObject>(t->mro->items[i])->dict, S("__init_subclass__"));
        Value f = is_kind(isc, Kind::ClassMethod) ? as<WrapperObject>(isc)->func : isc;
        if (is_kind(f, Kind::Function)) {
            if (val_is_null(call_with_self(f, cls, sub_kwvalues.items.data(), sub_kwvalues.items.size(), kwtuple)))
                return VAL_NULL;
        } else if (kwtuple) {
            return raise(T.e_TypeError, "%s.__init_subclass__() takes no keyword arguments", t->name->data);
        }
    }
    return cls;
}

}  // namespace

Value super_new_zero_arg() {
    Frame* f = vm.frame;
    if (!f || !f->func || f->code->argcount == 0) return raise(T.e_RuntimeError, "super(): no arguments");
    Value first = f->localsplus()[0];
    if ((f->code->localsplus_kinds[0] & LK_CELL) && is_kind(first, Kind::Cell)) first = as<CellObject>(first)->ref;
    if (val_is_null(first)) return raise(T.e_RuntimeError, "super(): arg[0] deleted");
    for (uint32_t i = 0; i < f->code->nlocalsplus; i++) {
        if ((f->code->localsplus_kinds[i] & LK_FREE) && f->code->localsplus_names[i]->view() == "__class__") {
            Value cls = as<CellObject>(f->localsplus()[i])->ref;
            if (!is_kind(cls, Kind::Type)) return raise(T.e_RuntimeError, "super(): empty __class__ cell");
            Value args[2] = {cls, first};
            RootArray ra(args, 2);
            return obj_call(val(T.t_super), args, 2, nullptr);
        }
    }
    return raise(T.e_RuntimeError, "super(): __class__ cell not found");
}

void remember_source(const std::string& filename, std::string_view source) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t i = 0; i <= source.size(); i++) {
        if (i == source.size() || source[i] == '\n') {
            lines.emplace_back(source.substr(start, i - start));
            start = i + 1;
        }
    }
    vm.sources[filename] = std::move(lines);
}

void runtime_init(int argc, char** argv, int script_arg) {
    // Idempotent: a second call (several unit-test files each making sure of the runtime) must not build a
    // second set of types.
    static bool initialized = false;
    if (initialized) return;
    initialized = true;
    constexpr size_t kStackValues = size_t(1) << 20;  // 8 MiB of values: deep recursion fails with RecursionError
    vm.stack_base = static_cast<Value*>(calloc(kStackValues, sizeof(Value)));
    vm.stack_limit = vm.stack_base + kStackValues;
    init_types();
    T.t_generator->iter = gen_iter, T.t_generator->next = gen_next, T.t_generator->repr = gen_repr;
    T.t_generator->getattr = gen_getattr;
    add_methods(T.t_generator, generator_methods);
    init_number_methods();
    init_str_methods();
    init_list_methods();
    init_dict_methods();
    init_set_methods();
    init_bytes();
    inherit_all_builtin_slots();
    // Expose every built-in type's slots as dunder methods, base types first.
    std::vector<TypeObject*> todo{T.t_object};
    for (size_t i = 0; i < todo.size(); i++) {
        if (!(todo[i]->flags & TF_HEAPTYPE)) add_slot_wrappers(todo[i]);
        for (TypeObject* s : *todo[i]->subclasses) todo.push_back(s);
    }
    vm.builtins_module = module_new("builtins");
    vm.builtins = vm.builtins_module->dict;
    DictObject* b = vm.builtins;
#define KRAIT_PUT_TYPE(id, name) \
    if (std::string_view(name).find('_') == std::string_view::npos || std::string_view(#id) == std::string_view(name)) \
        dict_set_str(b, intern(name), val(T.t_##id));
    KRAIT_BUILTIN_TYPES(KRAIT_PUT_TYPE)
#undef KRAIT_PUT_TYPE
#define KRAIT_PUT_EXC(id, base) dict_set_str(b, intern(#id), val(T.e_##id));
    KRAIT_EXCEPTION_TYPES(KRAIT_PUT_EXC)
#undef KRAIT_PUT_EXC
    for (const char* hidden : {"function", "builtin_function_or_method", "method", "cell", "code", "module",
                               "generator", "NoneType", "NotImplementedType", "ellipsis", "dict_keys",
                               "dict_values", "dict_items", "TextIOWrapper"})
        dict_del(b, val(intern(hidden)));
    dict_set_str(b, S("None"), VAL_NONE);
    dict_set_str(b, S("True"), VAL_TRUE);
    dict_set_str(b, S("False"), VAL_FALSE);
    dict_set_str(b, S("NotImplemented"), g_not_implemented);
    dict_set_str(b, S("Ellipsis"), g_ellipsis);
    dict_set_str(b, S("EnvironmentError"), val(T.e_OSError));
    dict_set_str(b, S("IOError"), val(T.e_OSError));
    dict_set_str(b, S("__build_class__"), native_new("__build_class__", build_class, 0));
    init_builtins(b);
    vm.modules = dict_new();
    vm.sys_module = init_sys_module(argc, argv, script_arg);
    dict_set_str(vm.modules, S("sys"), val(vm.sys_module));
    dict_set_str(vm.modules, S("builtins"), val(vm.builtins_module));
    dict_set_str(vm.modules, S("math"), val(init_math_module()));
    dict_set_str(vm.modules, S("time"), val(init_time_module()));
    if (getenv("KRAIT_GC_STRESS")) vm.options.gc_stress = true;
    gc.stress = vm.options.gc_stress;
    g_specialize = vm.options.specialize;
    type_cache_clear();  // built-in type dicts were filled directly during start-up
    krt_api_init();
}

}  // namespace krait
