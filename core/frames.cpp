// frames.cpp — frame allocation and argument binding (see frames.h).
#include "frames.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "containers.h"
#include "gc.h"

namespace krait {

namespace {

// ---- filling frames ----
// A frame's slots are written with 8-byte stores, one per value, never by memset()/memcpy(): the code that runs
// next (tier 1, the uop interpreter, JIT stencils) reads them back at once with 8-byte loads, and a load of what the
// C library's wide vector or string stores wrote waits for those stores to drain, where an 8-byte store forwards
// to it directly. Measured on AMD EPYC (Zen 4): a loop calling `g(i, 7)` (spectral_norm's eval_A) took 0.31 s
// under the JIT with memcpy/memset, 0.28 s with these loops; one whose callee adds eight constants 0.43 s against
// 0.29 s. The empty asm statement keeps the compiler from turning the loops back into those calls.
void copy_values(Value* to, const Value* from, size_t n) {
    for (size_t k = 0; k < n; k++) {
        to[k] = from[k];
        __asm__ volatile("" ::: "memory");
    }
}

void clear_values(Value* to, size_t n) {
    for (size_t k = 0; k < n; k++) {
        to[k] = VAL_NULL;
        __asm__ volatile("" ::: "memory");
    }
}

// ---- argument binding (CPython's messages) ----

std::string names_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); i++) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

bool report_missing(FunctionObject* fn, Value* locals, uint32_t from, uint32_t to, const char* kind) {
    std::vector<std::string> missing;
    for (uint32_t i = from; i < to; i++)
        if (val_is_null(locals[i])) missing.emplace_back(fn->code->localsplus_names[i]->view());
    if (missing.empty()) return true;
    raise(T.e_TypeError, "%s() missing %zu required %s argument%s: %s", fn->qualname->data, missing.size(), kind,
          missing.size() == 1 ? "" : "s", names_list(missing).c_str());
    return false;
}

bool bind_arguments(FunctionObject* fn, Frame* f, Value* args, size_t nargs, TupleObject* kwnames) {
    CodeObject* co = fn->code;
    Value* locals = f->localsplus();
    size_t nkw = kwnames ? kwnames->size : 0;
    size_t npos = nargs - nkw;
    uint32_t argc = co->argcount, kwonly = co->kwonlyargcount;
    uint32_t varargs_slot = argc + kwonly;
    uint32_t varkw_slot = varargs_slot + ((co->flags & CO_VARARGS) ? 1 : 0);
    if (npos > argc && !(co->flags & CO_VARARGS)) {
        size_t ndef = fn->defaults ? fn->defaults->size : 0;
        size_t kwgiven = 0;
        for (size_t k = 0; k < nkw; k++) {
            for (uint32_t i = argc; i < argc + kwonly; i++)
                if (str_eq(as<StrObject>(kwnames->items[k]), co->localsplus_names[i])) kwgiven++;
        }
        std::string takes = ndef ? "from " + std::to_string(argc - ndef) + " to " + std::to_string(argc)
                                 : std::to_string(argc);
        std::string given = std::to_string(npos);
        if (kwgiven)
            given += " positional argument" + std::string(npos == 1 ? "" : "s") + " (and " + std::to_string(kwgiven) +
                     " keyword-only argument" + (kwgiven == 1 ? "" : "s") + ")";
        raise(T.e_TypeError, "%s() takes %s positional argument%s but %s %s given", fn->qualname->data,
              takes.c_str(), (argc == 1 && !ndef) ? "" : "s", given.c_str(),
              (npos == 1 && !kwgiven) ? "was" : "were");
        return false;
    }
    size_t ncopy = npos < argc ? npos : argc;
    for (size_t i = 0; i < ncopy; i++) locals[i] = args[i];
    if (co->flags & CO_VARARGS) {
        Value t = npos > argc ? tuple_from_array(args + argc, npos - argc) : val(g_empty_tuple);
        if (val_is_null(t)) return false;
        locals[varargs_slot] = t;
    }
    DictObject* kwdict = nullptr;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new();
        if (!kwdict) return false;
        locals[varkw_slot] = val(kwdict);
    }
    for (size_t k = 0; k < nkw; k++) {
        StrObject* name = as<StrObject>(kwnames->items[k]);
        uint32_t i = co->posonlyargcount;
        for (; i < argc + kwonly; i++)
            if (co->localsplus_names[i] == name || str_eq(co->localsplus_names[i], name)) break;
        if (i == argc + kwonly) {
            bool posonly = false;
            for (uint32_t j = 0; j < co->posonlyargcount; j++) posonly = posonly || str_eq(co->localsplus_names[j], name);
            if (kwdict) {
                if (!dict_set(kwdict, val(name), args[npos + k])) return false;
                continue;
            }
            if (posonly) {
                std::string all;  // every positional-only name passed by keyword, as CPython lists them
                for (size_t k2 = 0; k2 < nkw; k2++)
                    for (uint32_t j = 0; j < co->posonlyargcount; j++)
                        if (str_eq(co->localsplus_names[j], as<StrObject>(kwnames->items[k2])))
                            all += (all.empty() ? "" : ", ") + std::string(co->localsplus_names[j]->view());
                raise(T.e_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                      fn->qualname->data, all.c_str());
            } else
                raise(T.e_TypeError, "%s() got an unexpected keyword argument '%s'", fn->qualname->data, name->data);
            return false;
        }
        if (!val_is_null(locals[i])) {
            raise(T.e_TypeError, "%s() got multiple values for argument '%s'", fn->qualname->data, name->data);
            return false;
        }
        locals[i] = args[npos + k];
    }
    if (npos < argc) {
        size_t ndef = fn->defaults ? fn->defaults->size : 0;
        size_t first_default = argc - ndef;
        for (size_t i = npos; i < argc; i++)
            if (val_is_null(locals[i]) && i >= first_default) locals[i] = fn->defaults->items[i - first_default];
        if (!report_missing(fn, locals, static_cast<uint32_t>(npos), argc, "positional")) return false;
    }
    if (kwonly) {
        for (uint32_t i = argc; i < argc + kwonly; i++) {
            if (val_is_null(locals[i]) && fn->kwdefaults) {
                Value d = dict_get_str(fn->kwdefaults, co->localsplus_names[i]);
                if (!val_is_null(d)) locals[i] = d;
            }
        }
        if (!report_missing(fn, locals, argc, argc + kwonly, "keyword-only")) return false;
    }
    return true;
}

// Turns a bound frame of a generator function into a generator object (the frame is not pushed).
Value make_generator(FunctionObject* fn, Frame* f) {
    auto* g = gc_new<GeneratorObject>(T.t_generator, Kind::Generator);
    if (!g) return raise_no_memory();
    size_t n = f->extent_values();
    g->saved = static_cast<Value*>(malloc(n * sizeof(Value)));
    if (!g->saved) return raise_no_memory();
    gc_account(n * sizeof(Value));
    memcpy(g->saved, f, n * sizeof(Value));
    auto* sf = reinterpret_cast<Frame*>(g->saved);
    sf->sp = sf->stack_base();
    sf->gen = g;
    g->nvalues = n;
    g->state = GenState::Created;
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->handled_exc = VAL_NULL;
    return val(g);
}

// Where a new frame for `code` goes (right above the current one), or null + RecursionError when the recursion
// limit or the value stack would be exceeded.
Frame* frame_reserve(CodeObject* code) {
    Value* place = vm.frame ? vm.frame->end() : vm.stack_base;
    size_t n = sizeof(Frame) / sizeof(Value) + code->nlocalsplus + code->stacksize;
    if (vm.depth >= vm.recursion_limit || place + n > vm.stack_limit) return raise_frame_overflow();
    return reinterpret_cast<Frame*>(place);
}

}  // namespace

Frame* raise_frame_overflow() {
    raise(T.e_RecursionError, "maximum recursion depth exceeded");
    return nullptr;
}

Frame* frame_alloc(CodeObject* code) {
    Frame* f = frame_reserve(code);
    if (!f) return nullptr;
    clear_values(reinterpret_cast<Value*>(f), sizeof(Frame) / sizeof(Value) + code->nlocalsplus + code->stacksize);
    f->set_code(code);
    f->prev = vm.frame;
    f->ip = code->code.data();
    f->sp = f->stack_base();
    return f;
}

Frame* prepare_call(FunctionObject* fn, Value* args, size_t nargs, TupleObject* kwnames, Value* gen_out) {
    Frame* f = frame_alloc(fn->code);
    if (!f) return nullptr;
    f->func = fn;
    f->globals = fn->globals;
    if (!bind_arguments(fn, f, args, nargs, kwnames)) return nullptr;
    if (fn->code->flags & CO_GENERATOR) {
        *gen_out = make_generator(fn, f);
        return nullptr;
    }
    return f;
}

Frame* gen_push_frame(GeneratorObject* g, Value sent) {
    if (g->state == GenState::Running) {
        raise(T.e_ValueError, "generator already executing");
        return nullptr;
    }
    auto* saved = reinterpret_cast<Frame*>(g->saved);
    Frame* f = frame_reserve(saved->code);
    if (!f) return nullptr;
    copy_values(reinterpret_cast<Value*>(f), reinterpret_cast<const Value*>(saved), saved->extent_values());
    f->prev = vm.frame;
    f->sp = f->localsplus() + (saved->sp - saved->localsplus());
    f->flags = 0;
    f->gen = g;
    if (g->state != GenState::Created && !val_is_null(sent)) *f->sp++ = sent;
    g->state = GenState::Running;
    std::swap(vm.handled, g->handled_exc);  // the generator's own: its except blocks run in it
    return f;
}

void gen_frame_suspend(Frame* f, Value* sp) {
    GeneratorObject* g = f->gen;
    f->sp = sp;
    auto* sf = reinterpret_cast<Frame*>(g->saved);
    memcpy(g->saved, f, f->extent_values() * sizeof(Value));
    sf->sp = sf->localsplus() + (sp - f->localsplus());
    g->state = GenState::Suspended;
    std::swap(vm.handled, g->handled_exc);
    frame_pop(f);
}

Value topmost_handled() {
    auto handling = [](Value e) { return !val_is_null(e) && !val_is_none(e); };
    if (handling(vm.handled)) return vm.handled;
    for (const Frame* f = vm.frame; f; f = f->prev)  // a running generator holds its resumer's (gen_push_frame)
        if (f->gen && handling(f->gen->handled_exc)) return f->gen->handled_exc;
    return VAL_NULL;
}

void gen_frame_finish(Frame* f) {
    GeneratorObject* g = f->gen;
    g->state = GenState::Finished;
    free(g->saved);
    g->saved = nullptr;
    std::swap(vm.handled, g->handled_exc);
}

}  // namespace krait
