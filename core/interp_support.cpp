// interp_support.cpp — out-of-line parts of instructions (see interp_support.h).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "containers.h"
#include "gc.h"
#include "interp_support.h"
#include "methods.h"
#include "slots.h"
#include "vm.h"

namespace krait {

namespace {
StrObject* S(const char* s) { return intern(s); }
uint32_t g_function_versions = 0;
}  // namespace

uint32_t next_function_version() { return ++g_function_versions; }

void report_unbound_deref(CodeObject* code, uint32_t index) {
    const char* name = code->localsplus_names[index]->data;
    if (code->localsplus_kinds[index] & LK_FREE)
        raise(T.e_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
              name);
    else
        raise(T.e_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name);
}

Value callable_name(Value callable) {
    if (is_kind(callable, Kind::Function)) return str_new(std::string(as<FunctionObject>(callable)->qualname->view()) + "()");
    if (is_kind(callable, Kind::Native)) return str_new(std::string(as<NativeObject>(callable)->name) + "()");
    if (is_kind(callable, Kind::Type)) return str_new(std::string(as<TypeObject>(callable)->name->view()) + "()");
    return str_new(std::string(type_name(callable)) + " object");
}

Value make_function(DictObject* globals, CodeObject* code, TupleObject* defaults, DictObject* kwdefaults,
                    TupleObject* closure) {
    auto* fn = gc_new<FunctionObject>(T.t_function, Kind::Function);
    if (!fn) return raise_no_memory();
    fn->code = code;
    if (!code->function_version) code->function_version = next_function_version();
    fn->version = code->function_version;
    fn->globals = globals;
    fn->defaults = defaults;
    fn->kwdefaults = kwdefaults;
    fn->closure = closure;
    fn->name = code->name;
    fn->qualname = code->qualname;
    fn->doc = VAL_NONE;
    Value mod = dict_get_str(globals, S("__name__"));
    fn->module = val_is_null(mod) ? VAL_NONE : mod;
    if (!code->consts.empty() && is_kind(code->consts[0], Kind::Str) && (code->flags & 0x1000)) fn->doc = code->consts[0];
    return val(fn);
}

Value call_with_star_args(Value callable, Value args, Value kwargs) {
    Root r1(callable), r2(args), r3(kwargs);
    Value t = args;
    if (!is_kind(args, Kind::Tuple)) {
        if (!type_of(args)->iter && !type_of(args)->getitem) {
            Value name = callable_name(callable);
            return raise(T.e_TypeError, "%s argument after * must be an iterable, not %s",
                         val_is_null(name) ? "function" : std::string(str_view(name)).c_str(), type_name(args));
        }
        t = tuple_from_iterable(args);
        if (val_is_null(t)) return VAL_NULL;
    }
    Root rt(t);
    TupleObject* pos = as<TupleObject>(t);
    if (val_is_null(kwargs) || (is_kind(kwargs, Kind::Dict) && dict_size(as<DictObject>(kwargs)) == 0))
        return obj_call(callable, pos->items, pos->size, nullptr);
    DictObject* kw = as<DictObject>(kwargs);
    RootVec argv;
    argv.items.assign(pos->items, pos->items + pos->size);
    TupleObject* names = tuple_new(dict_size(kw));
    if (!names) return VAL_NULL;
    Value namesv = val(names);
    Root rn(namesv);
    Value k, v;
    size_t i = 0;
    for (uint32_t p = 0; dict_next(kw, &p, &k, &v);) {
        if (!is_kind(k, Kind::Str)) return raise(T.e_TypeError, "keywords must be strings");
        names->items[i++] = val(intern(str_view(k)));
        argv.items.push_back(v);
    }
    return obj_call(callable, argv.items.data(), argv.items.size(), names);
}

void do_raise(Value exc, Value cause) {
    Root r1(exc), r2(cause);
    if (is_kind(exc, Kind::Type)) {
        if (!type_is_subtype(as<TypeObject>(exc), T.e_BaseException)) {
            raise(T.e_TypeError, "exceptions must derive from BaseException");
            return;
        }
        exc = obj_call(exc, nullptr, 0, nullptr);
        if (val_is_null(exc)) return;
    } else if (!is_kind(exc, Kind::Exception)) {
        raise(T.e_TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (!val_is_null(cause)) {
        if (is_kind(cause, Kind::Type) && type_is_subtype(as<TypeObject>(cause), T.e_BaseException)) {
            cause = obj_call(cause, nullptr, 0, nullptr);
            if (val_is_null(cause)) return;
        } else if (!val_is_none(cause) && !is_kind(cause, Kind::Exception)) {
            raise(T.e_TypeError, "exception causes must derive from BaseException");
            return;
        }
        as<ExceptionObject>(exc)->cause = cause;
        as<ExceptionObject>(exc)->suppress_context = true;
    }
    raise_value(exc);
}

bool check_except_type(Value type) {
    if (is_kind(type, Kind::Tuple)) {
        TupleObject* t = as<TupleObject>(type);
        for (size_t i = 0; i < t->size; i++)
            if (!check_except_type(t->items[i])) return false;
        return true;
    }
    if (is_kind(type, Kind::Type) && type_is_subtype(as<TypeObject>(type), T.e_BaseException)) return true;
    raise(T.e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return false;
}

bool enter_context(Value mgr, Value* exit_fn, Value* enter_result) {
    Root rm(mgr);
    TypeObject* t = type_of(mgr);
    Value enter = type_lookup(t, S("__enter__"));
    Value exit = type_lookup(t, S("__exit__"));
    if (val_is_null(enter) || val_is_null(exit)) {
        raise(T.e_TypeError, "'%s' object does not support the context manager protocol", t->name->data);
        return false;
    }
    Value bound_exit = type_of(exit)->descr_get ? type_of(exit)->descr_get(exit, mgr, val(t)) : exit;
    if (val_is_null(bound_exit)) return false;
    Root rb(bound_exit);
    Value r = call_with_self(enter, mgr, nullptr, 0, nullptr);
    if (val_is_null(r)) return false;
    *exit_fn = bound_exit;
    *enter_result = r;
    return true;
}

bool unpack_iterable(Value seq, uint32_t before, int after, Value* out) {
    Root rs(seq);
    Value it = obj_getiter(seq);
    if (val_is_null(it)) {
        if (err_matches(T.e_TypeError)) {
            err_clear();
            raise(T.e_TypeError, "cannot unpack non-iterable %s object", type_name(seq));
        }
        return false;
    }
    Root ri(it);
    RootVec items;
    for (;;) {
        Value v = iter_next(it);
        if (val_is_null(v)) {
            if (err_occurred()) return false;
            break;
        }
        items.items.push_back(v);
        if (after < 0 && items.items.size() > before) {
            raise(T.e_ValueError, "too many values to unpack (expected %u)", before);
            return false;
        }
    }
    size_t n = items.items.size();
    if (after < 0) {
        if (n < before) {
            raise(T.e_ValueError, "not enough values to unpack (expected %u, got %zu)", before, n);
            return false;
        }
        for (size_t i = 0; i < n; i++) out[i] = items.items[n - 1 - i];
        return true;
    }
    size_t need = before + static_cast<size_t>(after);
    if (n < need) {
        raise(T.e_ValueError, "not enough values to unpack (expected at least %zu, got %zu)", need, n);
        return false;
    }
    Value middle = list_from_array(items.items.data() + before, n - need);
    if (val_is_null(middle)) return false;
    size_t k = 0;
    for (int i = after; i > 0; i--) out[k++] = items.items[n - static_cast<size_t>(after) + i - 1];
    out[k++] = middle;
    for (uint32_t i = before; i > 0; i--) out[k++] = items.items[i - 1];
    return true;
}

Value import_module(StrObject* name, Value fromlist) {
    (void)fromlist;
    Value m = dict_get_str(vm.modules, name);
    if (!val_is_null(m)) return m;
    std::string n(name->view());
    if (n.find('.') != std::string::npos)
        return raise(T.e_ModuleNotFoundError, "No module named '%s' (packages are not supported by Krait yet)", n.c_str());
    std::string path = (vm.script_dir.empty() ? std::string(".") : vm.script_dir) + "/" + n + ".py";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Value e = new_exception(T.e_ModuleNotFoundError, "No module named '" + n + "'");
        if (val_is_null(e)) return VAL_NULL;
        Root re(e);
        Value nm = val(name);
        obj_setattr(e, S("name"), nm);
        return raise_value(e);
    }
    std::stringstream ss;
    ss << in.rdbuf();
    ModuleObject* mod = module_new(n);
    Value mv = val(mod);
    Root rm(mv);
    Value file = str_new(path);
    if (val_is_null(file)) return VAL_NULL;
    dict_set_str(mod->dict, S("__file__"), file);
    dict_set_str(vm.modules, name, mv);
    Value r = exec_source(ss.str(), path, mod);
    if (val_is_null(r)) {
        Value exc = err_fetch();
        Root rx(exc);
        dict_del(vm.modules, val(name));
        err_restore(exc);
        return VAL_NULL;
    }
    return mv;
}

Value import_from(Value module, StrObject* name) {
    Value v = obj_getattr(module, name);
    if (!val_is_null(v) || !err_matches(T.e_AttributeError)) return v;
    err_clear();
    std::string modname = is_kind(module, Kind::Module) ? std::string(as<ModuleObject>(module)->name->view()) : "?";
    Value file = is_kind(module, Kind::Module) ? dict_get_str(as<ModuleObject>(module)->dict, S("__file__")) : VAL_NULL;
    std::string where = is_kind(file, Kind::Str) ? " (" + std::string(str_view(file)) + ")" : " (unknown location)";
    Value e = new_exception(T.e_ImportError,
                            "cannot import name '" + std::string(name->view()) + "' from '" + modname + "'" + where);
    if (val_is_null(e)) return e;
    Root re(e);
    Value mn = str_new(modname);
    if (val_is_null(mn) || !obj_setattr(e, intern("name"), mn)) return VAL_NULL;
    return raise_value(e);
}

bool import_star(Frame* f, Value module) {
    if (!is_kind(module, Kind::Module) || !is_kind(f->locals_dict, Kind::Dict)) {
        raise(T.e_SyntaxError, "import * only allowed at module level");
        return false;
    }
    DictObject* src = as<ModuleObject>(module)->dict;
    Value k, v;
    for (uint32_t p = 0; dict_next(src, &p, &k, &v);) {
        if (is_kind(k, Kind::Str) && str_view(k).substr(0, 1) == "_") continue;
        if (!dict_set(as<DictObject>(f->locals_dict), k, v)) return false;
    }
    return true;
}

Value build_set(Value* items, uint32_t n) {
    SetObject* s = set_new(false);
    if (!s) return VAL_NULL;
    Value sv = val(s);
    Root rs(sv);
    for (uint32_t i = 0; i < n; i++)
        if (set_add(s, items[i]) < 0) return VAL_NULL;
    return sv;
}

Value build_map(Value* items, uint32_t npairs) {
    DictObject* d = dict_new();
    if (!d) return VAL_NULL;
    Value dv = val(d);
    Root rd(dv);
    for (uint32_t i = 0; i < npairs; i++)
        if (!dict_set(d, items[2 * i], items[2 * i + 1])) return VAL_NULL;
    return dv;
}

Value build_const_key_map(Value* values, uint32_t n, TupleObject* keys) {
    DictObject* d = dict_new();
    if (!d) return VAL_NULL;
    Value dv = val(d);
    Root rd(dv);
    for (uint32_t i = 0; i < n; i++)
        if (!dict_set(d, keys->items[i], values[i])) return VAL_NULL;
    return dv;
}

Value build_string(Value* items, uint32_t n) {
    size_t total = 0;
    for (uint32_t i = 0; i < n; i++) total += as<StrObject>(items[i])->nbytes;
    StrObject* s = str_alloc(total);
    if (!s) return VAL_NULL;
    char* p = s->data;
    for (uint32_t i = 0; i < n; i++) {
        StrObject* part = as<StrObject>(items[i]);
        memcpy(p, part->data, part->nbytes);
        p += part->nbytes;
    }
    str_finish(s);
    return val(s);
}

void convert_stop_iteration() {
    Value stop = err_fetch();
    Root rs(stop);
    raise(T.e_RuntimeError, "generator raised StopIteration");
    as<ExceptionObject>(vm.exc)->cause = stop;
    as<ExceptionObject>(vm.exc)->suppress_context = true;
}

}  // namespace krait
