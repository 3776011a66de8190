// interp.cpp — the generic tier-1 interpreter: the dispatch loop, frames on the value stack, calls, exception
// unwinding through the exception table, and generators.
//
// A Python-to-Python call pushes a frame and continues in the same loop (no C++ recursion); only calls made by
// C++ code (a native calling back into Python, a generator being resumed) enter the loop recursively, with the
// new frame marked FRAME_ENTRY so that its return leaves the loop. The periodic check (GC, Ctrl-C) runs at
// RESUME (function entry) and JUMP_BACKWARD (loop back-edges): the interpreter's safepoints.
#include <cstdlib>
#include <cstring>
#include <string>

#include "code.h"
#include "containers.h"
#include "frame.h"
#include "gc.h"
#include "interp_support.h"
#include "slots.h"
#include "vm.h"

#ifndef KRAIT_COMPUTED_GOTO
#define KRAIT_COMPUTED_GOTO 1
#endif

namespace krait {

VM vm;

namespace {

#define OP(name, cache, flags) constexpr int CACHE_##name = cache;
#include "opcodes.def"
#undef OP

StrObject* S(const char* s) { return intern(s); }

// ---- frames ----

Frame* frame_alloc(CodeObject* code) {
    Value* place = vm.frame ? vm.frame->end() : vm.stack_base;
    size_t n = sizeof(Frame) / sizeof(Value) + code->nlocalsplus + code->stacksize;
    if (vm.depth >= vm.recursion_limit || place + n > vm.stack_limit) {
        raise(T.e_RecursionError, "maximum recursion depth exceeded");
        return nullptr;
    }
    auto* f = reinterpret_cast<Frame*>(place);
    memset(static_cast<void*>(f), 0, n * sizeof(Value));
    f->code = code;
    f->prev = vm.frame;
    f->ip = code->code.data();
    f->sp = f->stack_base();
    return f;
}

inline void frame_push(Frame* f) {
    vm.frame = f;
    vm.depth++;
}
inline void frame_pop(Frame* f) {
    vm.frame = f->prev;
    vm.depth--;
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

// Prepares a frame for calling fn with the given arguments. Returns the frame (not yet pushed), or null with an
// exception set. For a generator function *gen_out receives the new generator and no frame is returned.
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

void add_traceback(Value exc, CodeObject* code, size_t pc) {
    if (!is_kind(exc, Kind::Exception)) return;
    auto* e = as<ExceptionObject>(exc);
    if (!e->trace) e->trace = new std::vector<ExcTraceEntry>();
    e->trace->push_back({code, code->line_at(pc)});
}

const ExceptionTableEntry* find_handler(CodeObject* code, size_t pc) {
    for (const auto& h : code->exc_table)
        if (pc >= h.start && pc < h.end) return &h;
    return nullptr;
}

// Saves a suspended generator frame back into its generator object.
void save_generator_frame(Frame* f, Value* sp) {
    GeneratorObject* g = f->gen;
    size_t n = f->extent_values();
    f->sp = sp;
    auto* sf = reinterpret_cast<Frame*>(g->saved);
    memcpy(g->saved, f, n * sizeof(Value));
    sf->sp = sf->localsplus() + (sp - f->localsplus());
}

}  // namespace

Value run_frame(Frame* f, bool throwing);

// ---- the dispatch loop ----

Value run_frame(Frame* entry, bool throwing) {
    Frame* f = entry;
    CodeObject* code;
    uint32_t* ip;
    uint32_t* instr = nullptr;
    Value* sp;
    Value* locals;
    Value* consts;
    uint32_t oparg = 0;
    TupleObject* call_kwnames = nullptr;

#define LOAD_FRAME()                   \
    do {                               \
        code = f->code;                \
        ip = f->ip;                    \
        sp = f->sp;                    \
        locals = f->localsplus();      \
        consts = code->consts.data();  \
    } while (0)
#define SAVE()                                                        \
    do {                                                              \
        f->ip = ip;                                                   \
        f->sp = sp;                                                   \
        f->last_pc = static_cast<uint32_t>(instr - code->code.data()); \
    } while (0)
#define PUSH(v) (*sp++ = (v))  // v must not itself use sp
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])

#if KRAIT_COMPUTED_GOTO
    static const void* const labels[OP__COUNT] = {
#define OP(name, cache, flags) &&L_##name,
#include "opcodes.def"
#undef OP
    };
#endif
// The dispatch loop holds no local with a destructor: `goto *` out of such a scope would skip it (g++) or be
// rejected (clang). Work that needs RAII roots lives in interp_support.cpp.
#if KRAIT_COMPUTED_GOTO
#define DISPATCH()                  \
    do {                            \
        instr = ip;                 \
        oparg = *ip >> 8;           \
        goto* labels[*ip & 0xFF];   \
    } while (0)
#else
#define DISPATCH() goto dispatch_switch
#endif
#define TARGET(name) L_##name : ip += 1 + CACHE_##name;
#define CHECK(cond) \
    if (!(cond)) goto error

    LOAD_FRAME();
    if (throwing) {
        instr = ip > code->code.data() ? ip - 1 : ip;
        goto error;
    }
#if !KRAIT_COMPUTED_GOTO
dispatch_switch:
    instr = ip;
    oparg = *ip >> 8;
    switch (static_cast<Opcode>(*ip & 0xFF)) {
#define OP(name, cache, flags) \
    case OP_##name: goto L_##name;
#include "opcodes.def"
#undef OP
        default: goto L_NOP;
    }
#endif
    DISPATCH();

    TARGET(NOP) { DISPATCH(); }
    TARGET(POP_TOP) {
        sp--;
        DISPATCH();
    }
    TARGET(PUSH_NULL) {
        PUSH(VAL_NULL);
        DISPATCH();
    }
    TARGET(COPY) {
        Value v = PEEK(oparg);
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP) {
        Value v = TOP();
        TOP() = PEEK(oparg);
        PEEK(oparg) = v;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        PUSH(consts[oparg]);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        Value v = locals[oparg];
        if (val_is_null(v)) {
            raise(T.e_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                  code->localsplus_names[oparg]->data);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        locals[oparg] = POP();
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        if (val_is_null(locals[oparg])) {
            raise(T.e_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                  code->localsplus_names[oparg]->data);
            goto error;
        }
        locals[oparg] = VAL_NULL;
        DISPATCH();
    }
    TARGET(MAKE_CELL) {
        auto* c = gc_new<CellObject>(T.t_cell, Kind::Cell);
        if (!c) {
            raise_no_memory();
            goto error;
        }
        c->ref = locals[oparg];
        locals[oparg] = val(c);
        DISPATCH();
    }
    TARGET(COPY_FREE_VARS) {
        TupleObject* closure = f->func->closure;
        uint32_t first = code->nlocalsplus - oparg;
        for (uint32_t i = 0; i < oparg; i++) locals[first + i] = closure->items[i];
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(locals[oparg]);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        Value v = as<CellObject>(locals[oparg])->ref;
        if (val_is_null(v)) {
            report_unbound_deref(code, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        as<CellObject>(locals[oparg])->ref = POP();
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        CellObject* c = as<CellObject>(locals[oparg]);
        if (val_is_null(c->ref)) {
            report_unbound_deref(code, oparg);
            goto error;
        }
        c->ref = VAL_NULL;
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        StrObject* name = code->names[oparg];
        Value v = dict_get_str(f->globals, name);
        if (val_is_null(v)) v = dict_get_str(vm.builtins, name);
        if (val_is_null(v)) {
            raise(T.e_NameError, "name '%s' is not defined", name->data);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        SAVE();
        CHECK(dict_set_str(f->globals, code->names[oparg], POP()));
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        SAVE();
        StrObject* name = code->names[oparg];
        int r = dict_del(f->globals, val(name));
        if (r <= 0) {
            if (r == 0) raise(T.e_NameError, "name '%s' is not defined", name->data);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        SAVE();
        StrObject* name = code->names[oparg];
        Value v = VAL_NULL;
        if (!val_is_null(f->locals_dict)) {
            if (is_kind(f->locals_dict, Kind::Dict)) v = dict_get_str(as<DictObject>(f->locals_dict), name);
            else {
                v = obj_getitem(f->locals_dict, val(name));
                if (val_is_null(v)) {
                    if (!err_matches(T.e_KeyError)) goto error;
                    err_clear();
                }
            }
        }
        if (val_is_null(v)) v = dict_get_str(f->globals, name);
        if (val_is_null(v)) v = dict_get_str(vm.builtins, name);
        if (val_is_null(v)) {
            raise(T.e_NameError, "name '%s' is not defined", name->data);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        SAVE();
        Value v = POP();
        CHECK(obj_setitem(f->locals_dict, val(code->names[oparg]), v));
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        SAVE();
        StrObject* name = code->names[oparg];
        if (!obj_delitem(f->locals_dict, val(name))) {
            if (err_matches(T.e_KeyError)) {
                err_clear();
                raise(T.e_NameError, "name '%s' is not defined", name->data);
            }
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        SAVE();
        Value r = obj_getattr(TOP(), code->names[oparg]);
        CHECK(!val_is_null(r));
        TOP() = r;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        SAVE();
        Value self;
        Value m = obj_get_method(TOP(), code->names[oparg], &self);
        CHECK(!val_is_null(m));
        TOP() = m;
        PUSH(self);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        SAVE();
        Value owner = PEEK(1), v = PEEK(2);
        CHECK(obj_setattr(owner, code->names[oparg], v));
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        SAVE();
        CHECK(obj_setattr(TOP(), code->names[oparg], VAL_NULL));
        sp--;
        DISPATCH();
    }
    TARGET(LOAD_SUPER_METHOD) { DISPATCH(); }
    TARGET(BINARY_SUBSCR) {
        SAVE();
        Value key = PEEK(1), container = PEEK(2);
        Value r;
        if (is_kind(container, Kind::List) && val_is_int(key) && type_of(container) == T.t_list) {
            ListObject* l = as<ListObject>(container);
            int64_t i = val_int(key);
            if (i < 0) i += static_cast<int64_t>(l->size);
            if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
                sp--;
                TOP() = l->items[i];
                DISPATCH();
            }
        }
        r = obj_getitem(container, key);
        CHECK(!val_is_null(r));
        sp--;
        TOP() = r;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        SAVE();
        Value key = PEEK(1), container = PEEK(2), v = PEEK(3);
        if (is_kind(container, Kind::List) && val_is_int(key) && type_of(container) == T.t_list) {
            ListObject* l = as<ListObject>(container);
            int64_t i = val_int(key);
            if (i < 0) i += static_cast<int64_t>(l->size);
            if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
                l->items[i] = v;
                sp -= 3;
                DISPATCH();
            }
        }
        CHECK(obj_setitem(container, key, v));
        sp -= 3;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        SAVE();
        CHECK(obj_delitem(PEEK(2), PEEK(1)));
        sp -= 2;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        Value step = oparg == 3 ? POP() : VAL_NONE;
        Value stop = POP(), start = TOP();
        auto* s = gc_new<SliceObject>(T.t_slice, Kind::Slice);
        if (!s) {
            raise_no_memory();
            goto error;
        }
        s->start = start, s->stop = stop, s->step = step;
        TOP() = val(s);
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        Value b = PEEK(1), a = PEEK(2);
        BinOp op = static_cast<BinOp>(oparg & 15);
        if (val_is_int(a) && val_is_int(b)) {
            int64_t x = val_int(a), y = val_int(b), r;
            bool done = true;
            switch (op) {
                case BinOp::Add: r = x + y; break;
                case BinOp::Sub: r = x - y; break;
                case BinOp::Mul:
                    if (__builtin_mul_overflow(x, y, &r)) done = false;
                    break;
                case BinOp::And: r = x & y; break;
                case BinOp::Or: r = x | y; break;
                case BinOp::Xor: r = x ^ y; break;
                default: done = false; r = 0;
            }
            if (done && val_int_fits(r)) {
                sp--;
                TOP() = val_from_int(r);
                DISPATCH();
            }
        } else if (val_is_float(a) && val_is_float(b)) {
            double x = val_float(a), y = val_float(b);
            double r;
            bool done = true;
            switch (op) {
                case BinOp::Add: r = x + y; break;
                case BinOp::Sub: r = x - y; break;
                case BinOp::Mul: r = x * y; break;
                case BinOp::TrueDiv:
                    if (y == 0.0) done = false, r = 0;
                    else r = x / y;
                    break;
                default: done = false; r = 0;
            }
            if (done) {
                sp--;
                TOP() = val_from_float(r);
                DISPATCH();
            }
        }
        SAVE();
        Value r = binary_op(a, b, op, (oparg & 16) != 0);
        CHECK(!val_is_null(r));
        sp--;
        TOP() = r;
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Value b = PEEK(1), a = PEEK(2);
        CmpOp op = static_cast<CmpOp>(oparg);
        if (val_is_int(a) && val_is_int(b)) {
            int64_t x = val_int(a), y = val_int(b);
            bool r = op == CmpOp::LT ? x < y : op == CmpOp::LE ? x <= y : op == CmpOp::EQ ? x == y
                   : op == CmpOp::NE ? x != y : op == CmpOp::GT ? x > y : x >= y;
            sp--;
            TOP() = val_from_bool(r);
            DISPATCH();
        }
        if (val_is_float(a) && val_is_float(b)) {
            double x = val_float(a), y = val_float(b);
            bool r = op == CmpOp::LT ? x < y : op == CmpOp::LE ? x <= y : op == CmpOp::EQ ? x == y
                   : op == CmpOp::NE ? x != y : op == CmpOp::GT ? x > y : x >= y;
            sp--;
            TOP() = val_from_bool(r);
            DISPATCH();
        }
        SAVE();
        Value r = obj_compare(a, b, op);
        CHECK(!val_is_null(r));
        sp--;
        TOP() = r;
        DISPATCH();
    }
    TARGET(IS_OP) {
        Value b = POP();
        bool same = TOP().bits == b.bits;
        TOP() = val_from_bool(same != (oparg != 0));
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        SAVE();
        int r = obj_contains(PEEK(1), PEEK(2));
        CHECK(r >= 0);
        sp--;
        TOP() = val_from_bool((r != 0) != (oparg != 0));
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        Value v = TOP();
        if (val_is_int(v) && val_int(v) != VAL_INT_MIN) {
            TOP() = val_from_int(-val_int(v));
            DISPATCH();
        }
        if (val_is_float(v)) {
            TOP() = val_from_float(-val_float(v));
            DISPATCH();
        }
        SAVE();
        Value r = unary_neg(v);
        CHECK(!val_is_null(r));
        TOP() = r;
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE) {
        SAVE();
        Value r = unary_pos(TOP());
        CHECK(!val_is_null(r));
        TOP() = r;
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        SAVE();
        Value r = unary_invert(TOP());
        CHECK(!val_is_null(r));
        TOP() = r;
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        TOP() = val_from_bool(!val_is_true(TOP()));
        DISPATCH();
    }
    TARGET(TO_BOOL) {
        Value v = TOP();
        if (val_is_bool(v)) DISPATCH();
        SAVE();
        int r = obj_truth(v);
        CHECK(r >= 0);
        TOP() = val_from_bool(r);
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        Value t = tuple_from_array(sp - oparg, oparg);
        CHECK(!val_is_null(t));
        sp -= oparg;
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        Value l = list_from_array(sp - oparg, oparg);
        CHECK(!val_is_null(l));
        sp -= oparg;
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        SAVE();
        Value r = build_set(sp - oparg, oparg);
        CHECK(!val_is_null(r));
        sp -= oparg;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        SAVE();
        Value r = build_map(sp - 2 * oparg, oparg);
        CHECK(!val_is_null(r));
        sp -= 2 * oparg;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_CONST_KEY_MAP) {
        SAVE();
        Value r = build_const_key_map(sp - oparg - 1, oparg, as<TupleObject>(PEEK(1)));
        CHECK(!val_is_null(r));
        sp -= oparg + 1;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        Value r = build_string(sp - oparg, oparg);
        CHECK(!val_is_null(r));
        sp -= oparg;
        PUSH(r);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        Value v = POP();
        CHECK(list_append(as<ListObject>(PEEK(oparg)), v));
        DISPATCH();
    }
    TARGET(SET_ADD) {
        SAVE();
        CHECK(set_add(as<SetObject>(PEEK(oparg + 1)), TOP()) == 0);
        sp--;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        SAVE();
        CHECK(dict_set(as<DictObject>(PEEK(oparg + 2)), PEEK(2), PEEK(1)));
        sp -= 2;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        SAVE();
        Value it = TOP();
        if (!list_extend(as<ListObject>(PEEK(oparg + 1)), it)) {
            if (err_matches(T.e_TypeError) && !type_of(it)->iter && !type_of(it)->getitem) {
                err_clear();
                raise(T.e_TypeError, "Value after * must be an iterable, not %s", type_name(it));
            }
            goto error;
        }
        sp--;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        SAVE();
        CHECK(set_update(as<SetObject>(PEEK(oparg + 1)), TOP()));
        sp--;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        SAVE();
        Value m = TOP();
        if (!is_kind(m, Kind::Dict) && val_is_null(type_lookup(type_of(m), S("keys")))) {
            raise(T.e_TypeError, "'%s' object is not a mapping", type_name(m));
            goto error;
        }
        CHECK(dict_update(as<DictObject>(PEEK(oparg + 1)), m));
        sp--;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        SAVE();
        Value callable = PEEK(oparg + 3);
        Value fname = callable_name(callable);
        CHECK(dict_merge_kwargs(as<DictObject>(PEEK(oparg + 1)), TOP(), fname));
        sp--;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        ListObject* l = as<ListObject>(TOP());
        Value t = tuple_from_array(l->items, l->size);
        CHECK(!val_is_null(t));
        TOP() = t;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        SAVE();
        Value spec = (oparg & 4) ? POP() : VAL_NULL;
        Value v = TOP();
        int conv = oparg & 3;
        if (conv) {
            v = conv == 1 ? obj_str(v) : conv == 2 ? obj_repr(v) : obj_ascii(v);
            CHECK(!val_is_null(v));
            TOP() = v;
        }
        if (!val_is_null(spec) || type_of(v) != T.t_str) {
            Value r = obj_format(v, val_is_null(spec) ? val(intern("")) : spec);
            CHECK(!val_is_null(r));
            TOP() = r;
        }
        DISPATCH();
    }
    TARGET(JUMP_FORWARD) {
        ip = code->code.data() + oparg;
        DISPATCH();
    }
    TARGET(JUMP_BACKWARD) {
        ip = code->code.data() + oparg;
        if (gc_due() || vm.interrupted) {
            SAVE();
            CHECK(periodic_check());
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        if (!val_is_true(POP())) ip = code->code.data() + oparg;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        if (val_is_true(POP())) ip = code->code.data() + oparg;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        if (val_is_none(POP())) ip = code->code.data() + oparg;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        if (!val_is_none(POP())) ip = code->code.data() + oparg;
        DISPATCH();
    }
    TARGET(GET_ITER) {
        SAVE();
        Value it = obj_getiter(TOP());
        CHECK(!val_is_null(it));
        TOP() = it;
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        SAVE();
        Value it = TOP();
        Value v = type_of(it)->next(it);
        if (val_is_null(v)) {
            // An iterator may also signal the end by raising StopIteration (a generator returning a value does).
            if (err_occurred()) {
                if (!err_matches(T.e_StopIteration)) goto error;
                err_clear();
            }
            sp--;
            ip = code->code.data() + oparg;
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        SAVE();
        Value fv = make_function(f, sp, oparg);
        CHECK(!val_is_null(fv));
        sp -= __builtin_popcount(oparg & 11);
        TOP() = fv;
        DISPATCH();
    }
    TARGET(CALL) {
        call_kwnames = nullptr;
        goto call_common;
    }
    TARGET(CALL_KW) {
        call_kwnames = as<TupleObject>(POP());
        goto call_common;
    }
call_common : {
    // Stack: callable, self-or-NULL, oparg arguments (the last len(kwnames) of them keyword values).
    SAVE();
    size_t total = oparg;
    Value* base = sp - total - 2;
    Value callable = base[0];
    Value* args = base + 2;
    if (!val_is_null(base[1])) args--, total++;
    if (is_kind(callable, Kind::BoundMethod) && val_is_null(base[1])) {
        BoundMethodObject* bm = as<BoundMethodObject>(callable);
        base[0] = callable = bm->func;
        base[1] = bm->self;
        args = base + 1;
        total++;
    }
    if (is_kind(callable, Kind::Function)) {
        Value gen = VAL_NULL;
        f->sp = base;
        Frame* nf = prepare_call(as<FunctionObject>(callable), args, total, call_kwnames, &gen);
        if (!nf) {
            CHECK(!val_is_null(gen));
            sp = base;
            PUSH(gen);
            DISPATCH();
        }
        frame_push(nf);
        f = nf;
        LOAD_FRAME();
        DISPATCH();
    }
    Value r = obj_call(callable, args, total, call_kwnames);
    CHECK(!val_is_null(r));
    sp = base;
    PUSH(r);
    DISPATCH();
}
    TARGET(CALL_FUNCTION_EX) {
        SAVE();
        Value kwargs = (oparg & 1) ? POP() : VAL_NULL;
        Value argtuple = POP();
        sp--;  // the NULL self slot
        Value callable = TOP();
        Value r = call_with_star_args(callable, argtuple, kwargs);
        CHECK(!val_is_null(r));
        TOP() = r;
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        Value r = POP();
        if (f->gen) f->gen->state = GenState::Finished;
        if (f->flags & FRAME_ENTRY) {
            frame_pop(f);
            return r;
        }
        frame_pop(f);
        f = vm.frame;
        LOAD_FRAME();
        PUSH(r);
        DISPATCH();
    }
    TARGET(RESUME) {
        if (gc_due() || vm.interrupted) {
            SAVE();
            CHECK(periodic_check());
        }
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        Value v = POP();
        SAVE();
        f->gen->state = GenState::Suspended;
        save_generator_frame(f, sp);
        frame_pop(f);
        return v;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        SAVE();
        if (!is_kind(TOP(), Kind::Generator)) {
            Value it = obj_getiter(TOP());
            CHECK(!val_is_null(it));
            TOP() = it;
        }
        DISPATCH();
    }
    TARGET(SEND) {
        SAVE();
        Value sent = PEEK(1), sub = PEEK(2);
        Value returned = VAL_NONE;
        Value r;
        if (is_kind(sub, Kind::Generator)) {
            r = gen_resume(as<GeneratorObject>(sub), sent, VAL_NULL, &returned);
        } else if (val_is_none(sent)) {
            r = iter_next(sub);
        } else {
            r = call_method1(sub, S("send"), sent);
            if (val_is_null(r) && err_matches(T.e_StopIteration)) {
                Value e = err_fetch();
                auto* ex = as<ExceptionObject>(e);
                returned = ex->args->size ? ex->args->items[0] : VAL_NONE;
            }
        }
        if (val_is_null(r)) {
            CHECK(!err_occurred());
            sp--;
            TOP() = returned;
            ip = code->code.data() + oparg;
            DISPATCH();
        }
        TOP() = r;
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        PUSH(dict_get_str(vm.builtins, S("__build_class__")));
        DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
        SAVE();
        if (oparg == 0) {
            if (val_is_null(vm.handled)) {
                raise(T.e_RuntimeError, "No active exception to reraise");
                goto error;
            }
            vm.exc = vm.handled;
            goto exception_unwind;
        }
        Value cause = oparg == 2 ? POP() : VAL_NULL;
        Value exc = POP();
        do_raise(exc, cause);
        goto error;
    }
    TARGET(PUSH_EXC_INFO) {
        Value exc = TOP();
        TOP() = val_is_null(vm.handled) ? VAL_NONE : vm.handled;
        PUSH(exc);
        vm.handled = exc;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        Value prev = POP();
        vm.handled = val_is_none(prev) ? VAL_NULL : prev;
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        SAVE();
        Value type = POP();
        CHECK(check_except_type(type));
        Value matched = val_from_bool(exc_matches(TOP(), type));
        PUSH(matched);
        DISPATCH();
    }
    TARGET(RERAISE) {
        SAVE();
        vm.exc = POP();
        goto exception_unwind;
    }
    TARGET(CLEANUP_RERAISE) {
        SAVE();
        Value exc = POP();
        Value prev = POP();
        vm.handled = val_is_none(prev) ? VAL_NULL : prev;
        vm.exc = exc;
        goto exception_unwind;
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(val(T.e_AssertionError));
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        SAVE();
        Value exit_fn, enter_result;
        CHECK(enter_context(TOP(), &exit_fn, &enter_result));
        TOP() = exit_fn;
        PUSH(enter_result);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        SAVE();
        Value exc = PEEK(1), exit_fn = PEEK(3);
        Value args[3] = {val(type_of(exc)), exc, VAL_NONE};
        Value r = obj_call(exit_fn, args, 3, nullptr);
        CHECK(!val_is_null(r));
        PUSH(r);
        DISPATCH();
    }
    TARGET(EXIT_WITH) {
        SAVE();
        Value exit_fn = TOP();
        Value args[3] = {VAL_NONE, VAL_NONE, VAL_NONE};
        Value r = obj_call(exit_fn, args, 3, nullptr);
        CHECK(!val_is_null(r));
        sp--;
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        SAVE();
        Value seq = TOP();
        if ((is_kind(seq, Kind::Tuple) && as<TupleObject>(seq)->size == oparg) ||
            (is_kind(seq, Kind::List) && as<ListObject>(seq)->size == oparg)) {
            Value* items = is_kind(seq, Kind::Tuple) ? as<TupleObject>(seq)->items : as<ListObject>(seq)->items;
            sp--;
            for (uint32_t i = oparg; i > 0; i--) PUSH(items[i - 1]);
            DISPATCH();
        }
        CHECK(unpack_iterable(seq, oparg, -1, sp - 1));
        sp += oparg - 1;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        SAVE();
        uint32_t before = oparg & 0xFF, after = oparg >> 8;
        CHECK(unpack_iterable(TOP(), before, static_cast<int>(after), sp - 1));
        sp += before + after;
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        SAVE();
        Value fromlist = POP();
        Value level = TOP();
        (void)level;
        Value m = import_module(code->names[oparg], fromlist);
        CHECK(!val_is_null(m));
        TOP() = m;
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        SAVE();
        Value v = import_from(TOP(), code->names[oparg]);
        CHECK(!val_is_null(v));
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        SAVE();
        CHECK(import_star(f, TOP()));
        sp--;
        DISPATCH();
    }

error:
    add_traceback(vm.exc, code, instr - code->code.data());
exception_unwind : {
    const ExceptionTableEntry* h = find_handler(code, instr - code->code.data());
    if (h) {
        sp = f->stack_base() + h->depth;
        PUSH(vm.exc);
        vm.exc = VAL_NULL;
        ip = code->code.data() + h->handler;
        DISPATCH();
    }
    if (f->gen) {
        f->gen->state = GenState::Finished;
        if (err_matches(T.e_StopIteration)) convert_stop_iteration();
    }
    bool was_entry = f->flags & FRAME_ENTRY;
    frame_pop(f);
    if (was_entry) return VAL_NULL;
    f = vm.frame;
    LOAD_FRAME();
    instr = code->code.data() + f->last_pc;
    goto error;
}
#undef LOAD_FRAME
#undef SAVE
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef DISPATCH
#undef TARGET
#undef CHECK
}

// ---- entry points from C++ ----

Value call_function(FunctionObject* fn, Value* args, size_t nargs, TupleObject* kwnames) {
    Value gen = VAL_NULL;
    Frame* f = prepare_call(fn, args, nargs, kwnames, &gen);
    if (!f) return gen;
    f->flags = FRAME_ENTRY;
    frame_push(f);
    return run_frame(f, false);
}

Value run_class_body(FunctionObject* fn, DictObject* ns) {
    Value gen = VAL_NULL;
    Frame* f = prepare_call(fn, nullptr, 0, nullptr, &gen);
    if (!f) return VAL_NULL;
    f->flags = FRAME_ENTRY;
    f->locals_dict = val(ns);
    frame_push(f);
    return run_frame(f, false);
}

Value run_module_code(CodeObject* code, DictObject* globals) {
    Frame* f = frame_alloc(code);
    if (!f) return VAL_NULL;
    f->globals = globals;
    f->locals_dict = val(globals);
    f->flags = FRAME_ENTRY;
    frame_push(f);
    return run_frame(f, false);
}

Value gen_resume(GeneratorObject* g, Value sent, Value thrown, Value* returned) {
    *returned = VAL_NONE;
    if (g->state == GenState::Running) return raise(T.e_ValueError, "generator already executing");
    if (g->state == GenState::Finished) {
        if (!val_is_null(thrown)) return raise_value(thrown);
        return VAL_NULL;
    }
    if (g->state == GenState::Created && val_is_null(thrown) && !val_is_none(sent))
        return raise(T.e_TypeError, "can't send non-None value to a just-started generator");
    auto* saved = reinterpret_cast<Frame*>(g->saved);
    size_t n = saved->extent_values();
    Value* place = vm.frame ? vm.frame->end() : vm.stack_base;
    if (vm.depth >= vm.recursion_limit || place + n > vm.stack_limit)
        return raise(T.e_RecursionError, "maximum recursion depth exceeded");
    auto* f = reinterpret_cast<Frame*>(place);
    memcpy(static_cast<void*>(f), saved, n * sizeof(Value));
    f->prev = vm.frame;
    f->sp = f->localsplus() + (saved->sp - saved->localsplus());
    f->flags = FRAME_ENTRY;
    f->gen = g;
    bool started = g->state != GenState::Created;
    g->state = GenState::Running;
    frame_push(f);
    Value outer_handled = vm.handled;
    vm.handled = g->handled_exc;
    if (started && val_is_null(thrown)) *f->sp++ = sent;
    if (!val_is_null(thrown)) raise_value(thrown);
    Value r = run_frame(f, !val_is_null(thrown));
    g->handled_exc = vm.handled;
    vm.handled = outer_handled;
    if (g->state == GenState::Suspended) return r;
    g->state = GenState::Finished;
    free(g->saved);
    g->saved = nullptr;
    if (!val_is_null(r)) *returned = r;
    return VAL_NULL;
}

bool periodic_check() {
    gc_safepoint();
    if (vm.interrupted) {
        vm.interrupted = 0;
        raise_value(val(T.e_KeyboardInterrupt));
        return false;
    }
    return true;
}

}  // namespace krait
