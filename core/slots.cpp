// slots.cpp — connecting slots and dunder methods in both directions.
//
// Built-in types implement slots natively; add_slot_wrappers exposes each slot as dunder methods so that Python
// code can call list.__len__(x) or super().__getitem__(i). Classes defined in Python get trampolines: a slot
// function that looks the dunder up on the object's type and calls it. fixup_heap_slots decides, per slot, whether
// a class uses a trampoline (some class in its MRO defines the dunder in Python) or a built-in base's native slot.
#include <cstring>
#include <string>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slots.h"
#include "vm.h"

namespace krait {

Value g_native_bound = VAL_NULL;

namespace {

const char* const kBinopNames[][3] = {
    {"__add__", "__radd__", "__iadd__"},          {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},          {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},          {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"}, {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},             {"__xor__", "__rxor__", "__ixor__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
};
const char* const kCmpNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
const char* const kUnaryNames[] = {"__neg__", "__pos__", "__invert__", "__abs__"};

StrObject* S(const char* s) { return intern(s); }

// Calls the dunder `name` found on type(self) with self prepended. VAL_NULL without an exception when the type
// has no such attribute.
Value call_dunder(Value self, StrObject* name, Value* args, size_t n, bool* found) {
    Value meth = type_lookup(type_of(self), name);
    *found = !val_is_null(meth);
    if (!*found) return VAL_NULL;
    return call_with_self(meth, self, args, n, nullptr);
}

Value call_dunder_required(Value self, const char* name, Value* args, size_t n) {
    bool found;
    Value r = call_dunder(self, S(name), args, n, &found);
    if (!found) return raise(T.e_TypeError, "'%s' object has no attribute '%s'", type_name(self), name);
    return r;
}

// ---- trampolines for classes defined in Python ----

Value tr_repr(Value self) {
    Value r = call_dunder_required(self, "__repr__", nullptr, 0);
    if (!val_is_null(r) && !is_instance(r, T.t_str))
        return raise(T.e_TypeError, "__repr__ returned non-string (type %s)", type_name(r));
    return r;
}

Value tr_str(Value self) {
    Value r = call_dunder_required(self, "__str__", nullptr, 0);
    if (!val_is_null(r) && !is_instance(r, T.t_str))
        return raise(T.e_TypeError, "__str__ returned non-string (type %s)", type_name(r));
    return r;
}

bool tr_hash(Value self, int64_t* out) {
    Value meth = type_lookup(type_of(self), S("__hash__"));
    if (val_is_null(meth) || val_is_none(meth)) {
        raise(T.e_TypeError, "unhashable type: '%s'", type_name(self));
        return false;
    }
    Value r = call_with_self(meth, self, nullptr, 0, nullptr);
    if (val_is_null(r)) return false;
    if (!is_int(r)) {
        raise(T.e_TypeError, "__hash__ method should return an integer");
        return false;
    }
    return obj_hash(r, out);
}

Value tr_richcompare(Value self, Value other, CmpOp op) {
    bool found;
    Value r = call_dunder(self, S(kCmpNames[static_cast<int>(op)]), &other, 1, &found);
    return found ? r : g_not_implemented;
}

Value tr_binop(Value self, Value other, BinOp op, bool reflected) {
    bool found;
    Value r = call_dunder(self, S(kBinopNames[static_cast<int>(op)][reflected ? 1 : 0]), &other, 1, &found);
    return found ? r : g_not_implemented;
}

Value tr_inplace(Value self, Value other, BinOp op) {
    bool found;
    Value r = call_dunder(self, S(kBinopNames[static_cast<int>(op)][2]), &other, 1, &found);
    return found ? r : g_not_implemented;
}

Value tr_unary(Value self, UnaryOp op) {
    bool found;
    const char* name = kUnaryNames[static_cast<int>(op)];
    Value r = call_dunder(self, S(name), nullptr, 0, &found);
    if (!found) {
        const char* sym[] = {"unary -", "unary +", "unary ~", "abs()"};
        return raise(T.e_TypeError, "bad operand type for %s: '%s'", sym[static_cast<int>(op)], type_name(self));
    }
    return r;
}

int tr_truth(Value self) {
    bool found;
    Value r = call_dunder(self, S("__bool__"), nullptr, 0, &found);
    if (found) {
        if (val_is_null(r)) return -1;
        if (!val_is_bool(r)) {
            raise(T.e_TypeError, "__bool__ should return bool, returned %s", type_name(r));
            return -1;
        }
        return val_is_true(r);
    }
    r = call_dunder(self, S("__len__"), nullptr, 0, &found);
    if (!found) return 1;
    if (val_is_null(r)) return -1;
    int64_t n;
    if (!index_of(r, &n)) return -1;
    if (n < 0) {
        raise(T.e_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n != 0;
}

Value tr_getattr(Value self, StrObject* name) {
    Value r = generic_getattr(self, name, true);
    if (!val_is_null(r) || !err_matches(T.e_AttributeError)) return r;
    Value meth = type_lookup(type_of(self), S("__getattr__"));
    if (val_is_null(meth)) return VAL_NULL;
    err_clear();
    Value arg = val(name);
    return call_with_self(meth, self, &arg, 1, nullptr);
}

bool tr_setattr(Value self, StrObject* name, Value v) {
    Value meth = type_lookup_owner(type_of(self), S(val_is_null(v) ? "__delattr__" : "__setattr__")) &&
                         (type_lookup_owner(type_of(self), S(val_is_null(v) ? "__delattr__" : "__setattr__"))->flags &
                          TF_HEAPTYPE)
                     ? type_lookup(type_of(self), S(val_is_null(v) ? "__delattr__" : "__setattr__"))
                     : VAL_NULL;
    if (val_is_null(meth)) return generic_setattr(self, name, v);
    Value args[2] = {val(name), v};
    Value r = call_with_self(meth, self, args, val_is_null(v) ? 1 : 2, nullptr);
    return !val_is_null(r);
}

Value tr_getitem(Value self, Value key) { return call_dunder_required(self, "__getitem__", &key, 1); }

bool tr_setitem(Value self, Value key, Value v) {
    Value args[2] = {key, v};
    bool del = val_is_null(v);
    bool found;
    Value r = call_dunder(self, S(del ? "__delitem__" : "__setitem__"), args, del ? 1 : 2, &found);
    if (!found) {
        raise(T.e_TypeError, del ? "'%s' object doesn't support item deletion"
                                 : "'%s' object does not support item assignment",
              type_name(self));
        return false;
    }
    return !val_is_null(r);
}

bool tr_length(Value self, int64_t* out) {
    Value r = call_dunder_required(self, "__len__", nullptr, 0);
    if (val_is_null(r)) return false;
    if (!is_int(r)) {
        raise(T.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
        return false;
    }
    if (!index_of(r, out)) return false;
    if (*out < 0) {
        raise(T.e_ValueError, "__len__() should return >= 0");
        return false;
    }
    return true;
}

int tr_contains(Value self, Value item) {
    Value r = call_dunder_required(self, "__contains__", &item, 1);
    return val_is_null(r) ? -1 : obj_truth(r);
}

Value tr_iter(Value self) {
    Value r = call_dunder_required(self, "__iter__", nullptr, 0);
    if (!val_is_null(r) && !type_of(r)->next)
        return raise(T.e_TypeError, "iter() returned non-iterator of type '%s'", type_name(r));
    return r;
}

Value tr_next(Value self) {
    Value r = call_dunder_required(self, "__next__", nullptr, 0);
    if (val_is_null(r) && err_matches(T.e_StopIteration)) err_clear();  // exhausted
    return r;
}

Value tr_call(Value self, Value* args, size_t nargs, TupleObject* kwnames) {
    Value meth = type_lookup(type_of(self), S("__call__"));
    if (val_is_null(meth)) return raise(T.e_TypeError, "'%s' object is not callable", type_name(self));
    return call_with_self(meth, self, args, nargs, kwnames);
}

Value tr_descr_get(Value self, Value o, Value type) {
    Value args[2] = {val_is_null(o) ? VAL_NONE : o, val_is_null(type) ? VAL_NONE : type};
    return call_dunder_required(self, "__get__", args, 2);
}

bool tr_descr_set(Value self, Value o, Value v) {
    Value args[2] = {o, v};
    bool del = val_is_null(v);
    bool found;
    Value r = call_dunder(self, S(del ? "__delete__" : "__set__"), args, del ? 1 : 2, &found);
    if (!found) {
        raise(T.e_AttributeError, del ? "__delete__" : "__set__");
        return false;
    }
    return !val_is_null(r);
}

// ---- wrappers exposing native slots as dunder methods ----
// Each wrapper's NativeObject::bound is the type whose slot it calls (not type(self): a subclass's trampoline
// would recurse when its __len__ calls super().__len__()).

TypeObject* wrapper_type() { return as<TypeObject>(g_native_bound); }

bool check_self(TypeObject* t, Value* args, size_t nargs, size_t want, const char* name) {
    if (nargs != want) {
        raise(T.e_TypeError, "expected %zu argument%s, got %zu", want - 1, want == 2 ? "" : "s", nargs - 1);
        return false;
    }
    if (!is_instance(args[0], t)) {
        raise(T.e_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", name, t->name->data,
              type_name(args[0]));
        return false;
    }
    return true;
}

#define WRAPPER_PROLOGUE(n, name)                     \
    TypeObject* t = wrapper_type();                    \
    if (!check_self(t, args, nargs, n, name)) return VAL_NULL;

Value w_repr(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, "__repr__")
    return t->repr(args[0]);
}
Value w_str(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, "__str__")
    return t->str(args[0]);
}
Value w_hash(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, "__hash__")
    int64_t h;
    return t->hash(args[0], &h) ? int_from_i64(h) : VAL_NULL;
}
template <CmpOp op>
Value w_cmp(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, kCmpNames[static_cast<int>(op)])
    return t->richcompare(args[0], args[1], op);
}
template <BinOp op, int form>
Value w_binop(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, kBinopNames[static_cast<int>(op)][form])
    if (form == 2) return t->inplace(args[0], args[1], op);
    return t->binop(args[0], args[1], op, form == 1);
}
template <UnaryOp op>
Value w_unary(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, kUnaryNames[static_cast<int>(op)])
    return t->unary(args[0], op);
}
Value w_bool(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, "__bool__")
    int r = t->truth(args[0]);
    return r < 0 ? VAL_NULL : val_from_bool(r);
}
Value w_getattribute(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, "__getattribute__")
    if (!is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
    return t->getattr(args[0], intern(str_view(args[1])));
}
Value w_setattr(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(3, "__setattr__")
    if (!is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
    return t->setattr(args[0], intern(str_view(args[1])), args[2]) ? VAL_NONE : VAL_NULL;
}
Value w_delattr(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, "__delattr__")
    if (!is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
    return t->setattr(args[0], intern(str_view(args[1])), VAL_NULL) ? VAL_NONE : VAL_NULL;
}
Value w_getitem(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, "__getitem__")
    return t->getitem(args[0], args[1]);
}
Value w_setitem(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(3, "__setitem__")
    return t->setitem(args[0], args[1], args[2]) ? VAL_NONE : VAL_NULL;
}
Value w_delitem(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, "__delitem__")
    return t->setitem(args[0], args[1], VAL_NULL) ? VAL_NONE : VAL_NULL;
}
Value w_len(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, "__len__")
    int64_t n;
    return t->length(args[0], &n) ? int_from_i64(n) : VAL_NULL;
}
Value w_contains(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, "__contains__")
    int r = t->contains(args[0], args[1]);
    return r < 0 ? VAL_NULL : val_from_bool(r);
}
Value w_iter(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, "__iter__")
    return t->iter(args[0]);
}
Value w_next(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(1, "__next__")
    Value r = t->next(args[0]);
    if (val_is_null(r) && !err_occurred()) return raise_value(val(T.e_StopIteration));
    return r;
}
Value w_call(Value* args, size_t nargs, TupleObject* kwnames) {
    TypeObject* t = wrapper_type();
    if (nargs < 1 || !is_instance(args[0], t)) return raise(T.e_TypeError, "descriptor '__call__' needs an argument");
    return t->call(args[0], args + 1, nargs - 1, kwnames);
}
Value w_get(Value* args, size_t nargs, TupleObject*) {
    TypeObject* t = wrapper_type();
    if (nargs < 2 || nargs > 3) return raise(T.e_TypeError, "expected 1 or 2 arguments, got %zu", nargs - 1);
    Value o = val_is_none(args[1]) ? VAL_NULL : args[1];
    Value ty = nargs == 3 && !val_is_none(args[2]) ? args[2] : (val_is_null(o) ? VAL_NULL : val(type_of(o)));
    return t->descr_get(args[0], o, ty);
}
Value w_set(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(3, "__set__")
    return t->descr_set(args[0], args[1], args[2]) ? VAL_NONE : VAL_NULL;
}
Value w_delete(Value* args, size_t nargs, TupleObject*) {
    WRAPPER_PROLOGUE(2, "__delete__")
    return t->descr_set(args[0], args[1], VAL_NULL) ? VAL_NONE : VAL_NULL;
}

void add_wrapper(TypeObject* t, const char* name, NativeFn fn) {
    StrObject* n = intern(name);
    if (!val_is_null(dict_get_str(t->dict, n))) return;  // an explicit method wins
    dict_set_str(t->dict, n, native_new(name, fn, NF_METHOD | NF_SLOT_WRAPPER, val(t)));
}

template <int I>
void add_binop_wrappers(TypeObject* t) {
    if constexpr (I < static_cast<int>(BinOp::Count)) {
        constexpr BinOp op = static_cast<BinOp>(I);
        if (t->binop) {
            add_wrapper(t, kBinopNames[I][0], w_binop<op, 0>);
            add_wrapper(t, kBinopNames[I][1], w_binop<op, 1>);
        }
        if (t->inplace) add_wrapper(t, kBinopNames[I][2], w_binop<op, 2>);
        add_binop_wrappers<I + 1>(t);
    }
}

}  // namespace

StrObject* binop_dunder(BinOp op, int form) { return intern(kBinopNames[static_cast<int>(op)][form]); }

// Which dunder names feed which slot (for fixup_heap_slots and is_slot_dunder).
bool is_slot_dunder(StrObject* name) {
    std::string_view n = name->view();
    return n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__";
}

void add_slot_wrappers(TypeObject* t) {
    TypeObject* base = t->bases->size ? as<TypeObject>(t->bases->items[0]) : nullptr;
    auto own = [&](auto TypeObject::*slot) { return t->*slot && (!base || base->*slot != t->*slot); };
    if (own(&TypeObject::repr)) add_wrapper(t, "__repr__", w_repr);
    if (own(&TypeObject::str)) add_wrapper(t, "__str__", w_str);
    if (own(&TypeObject::hash)) add_wrapper(t, "__hash__", w_hash);
    if (own(&TypeObject::richcompare)) {
        add_wrapper(t, "__lt__", w_cmp<CmpOp::LT>), add_wrapper(t, "__le__", w_cmp<CmpOp::LE>);
        add_wrapper(t, "__eq__", w_cmp<CmpOp::EQ>), add_wrapper(t, "__ne__", w_cmp<CmpOp::NE>);
        add_wrapper(t, "__gt__", w_cmp<CmpOp::GT>), add_wrapper(t, "__ge__", w_cmp<CmpOp::GE>);
    }
    if (own(&TypeObject::binop) || own(&TypeObject::inplace)) add_binop_wrappers<0>(t);
    if (own(&TypeObject::unary)) {
        add_wrapper(t, "__neg__", w_unary<UnaryOp::Neg>), add_wrapper(t, "__pos__", w_unary<UnaryOp::Pos>);
        add_wrapper(t, "__invert__", w_unary<UnaryOp::Invert>), add_wrapper(t, "__abs__", w_unary<UnaryOp::Abs>);
    }
    // Containers take their truth from __len__, as in CPython: exposing a __bool__ would make a subclass's
    // own __len__ lose to the base's truth.
    if (own(&TypeObject::truth) && (!t->length || t == T.t_range)) add_wrapper(t, "__bool__", w_bool);
    if (own(&TypeObject::getattr)) add_wrapper(t, "__getattribute__", w_getattribute);
    if (own(&TypeObject::setattr)) add_wrapper(t, "__setattr__", w_setattr), add_wrapper(t, "__delattr__", w_delattr);
    if (own(&TypeObject::getitem)) add_wrapper(t, "__getitem__", w_getitem);
    if (own(&TypeObject::setitem)) add_wrapper(t, "__setitem__", w_setitem), add_wrapper(t, "__delitem__", w_delitem);
    if (own(&TypeObject::length)) add_wrapper(t, "__len__", w_len);
    if (own(&TypeObject::contains)) add_wrapper(t, "__contains__", w_contains);
    if (own(&TypeObject::iter)) add_wrapper(t, "__iter__", w_iter);
    if (own(&TypeObject::next)) add_wrapper(t, "__next__", w_next);
    if (own(&TypeObject::call)) add_wrapper(t, "__call__", w_call);
    if (own(&TypeObject::descr_get)) add_wrapper(t, "__get__", w_get);
    if (own(&TypeObject::descr_set)) add_wrapper(t, "__set__", w_set), add_wrapper(t, "__delete__", w_delete);
}

void inherit_builtin_slots(TypeObject* t) {
    if (!t->bases->size) return;
    TypeObject* b = as<TypeObject>(t->bases->items[0]);
#define INHERIT(s) \
    if (!t->s) t->s = b->s;
    INHERIT(repr) INHERIT(str) INHERIT(hash) INHERIT(richcompare) INHERIT(binop) INHERIT(inplace) INHERIT(unary)
    INHERIT(truth) INHERIT(getattr) INHERIT(setattr) INHERIT(getitem) INHERIT(setitem) INHERIT(length)
    INHERIT(contains) INHERIT(iter) INHERIT(next) INHERIT(call) INHERIT(descr_get) INHERIT(descr_set)
    INHERIT(new_fn)
#undef INHERIT
}

void inherit_all_builtin_slots() {
    // Types were created base-first, so walking object's subclass tree in order fills every type from its base.
    std::vector<TypeObject*> todo{T.t_object};
    for (size_t i = 0; i < todo.size(); i++) {
        TypeObject* t = todo[i];
        if (t != T.t_object && !(t->flags & TF_HEAPTYPE)) inherit_builtin_slots(t);
        for (TypeObject* s : *t->subclasses) todo.push_back(s);
    }
}

void fixup_heap_slots(TypeObject* t) {
    // For each slot: the first class along the MRO that defines one of the slot's dunders decides. A class defined
    // in Python means a trampoline; a built-in class means its native slot.
    auto owner_of = [&](std::initializer_list<const char*> names) -> TypeObject* {
        TupleObject* mro = t->mro;
        for (size_t i = 0; i < mro->size; i++) {
            TypeObject* c = as<TypeObject>(mro->items[i]);
            for (const char* n : names)
                if (!val_is_null(dict_get_str(c->dict, intern(n)))) return c;
        }
        return nullptr;
    };
    TypeObject* solid = t->solid_base;
#define FIX(slot, tramp, ...)                                                  \
    {                                                                          \
        TypeObject* o = owner_of({__VA_ARGS__});                               \
        t->slot = !o ? solid->slot : (o->flags & TF_HEAPTYPE) ? tramp : o->slot; \
    }
    FIX(repr, tr_repr, "__repr__")
    FIX(str, tr_str, "__str__")
    FIX(hash, tr_hash, "__hash__")
    FIX(richcompare, tr_richcompare, "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")
    {
        TypeObject* o = nullptr;
        for (auto& names : kBinopNames) {
            o = owner_of({names[0], names[1]});
            if (o && (o->flags & TF_HEAPTYPE)) break;
        }
        t->binop = o && (o->flags & TF_HEAPTYPE) ? tr_binop : solid->binop;
        TypeObject* oi = nullptr;
        for (auto& names : kBinopNames) {
            oi = owner_of({names[2]});
            if (oi && (oi->flags & TF_HEAPTYPE)) break;
        }
        t->inplace = oi && (oi->flags & TF_HEAPTYPE) ? tr_inplace : solid->inplace;
    }
    FIX(unary, tr_unary, "__neg__", "__pos__", "__invert__", "__abs__")
    {
        TypeObject* ob = owner_of({"__bool__"});
        TypeObject* ol = owner_of({"__len__"});
        bool heap = (ob && (ob->flags & TF_HEAPTYPE)) || (ol && (ol->flags & TF_HEAPTYPE));
        t->truth = heap ? tr_truth : solid->truth;
    }
    {
        TypeObject* o = owner_of({"__getattr__"});
        if (o) t->flags |= TF_HAS_GETATTR;
        else t->flags &= ~TF_HAS_GETATTR;
        t->getattr = o ? tr_getattr : solid->getattr;
    }
    FIX(setattr, tr_setattr, "__setattr__", "__delattr__")
    FIX(getitem, tr_getitem, "__getitem__")
    FIX(setitem, tr_setitem, "__setitem__", "__delitem__")
    FIX(length, tr_length, "__len__")
    FIX(contains, tr_contains, "__contains__")
    FIX(iter, tr_iter, "__iter__")
    FIX(next, tr_next, "__next__")
    FIX(call, tr_call, "__call__")
    FIX(descr_get, tr_descr_get, "__get__")
    FIX(descr_set, tr_descr_set, "__set__", "__delete__")
#undef FIX
    t->new_fn = solid->new_fn;
    for (TypeObject* sub : *t->subclasses) fixup_heap_slots(sub);
}

}  // namespace krait
