// protocol.cpp — the generic object protocol (runtime.h): each operation dispatches through the type's slots,
// with CPython's rules for reflected operators, rich comparison fallbacks and the error messages.
#include <cstring>
#include <string>

#include "containers.h"
#include "recursion_guard.h"
#include "gc.h"
#include "slots.h"
#include "vm.h"

namespace krait {

namespace {

const char* const kCmpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
const CmpOp kCmpSwapped[] = {CmpOp::GT, CmpOp::GE, CmpOp::EQ, CmpOp::NE, CmpOp::LT, CmpOp::LE};

inline bool is_not_impl(Value v) { return v.bits == g_not_implemented.bits; }

}  // namespace

std::vector<Object*>& repr_stack() {
    static auto* stack = new std::vector<Object*>();  // never destroyed: no exit-time ordering issues
    return *stack;
}

bool enter_recursive_call(const char* where) {
    if (++vm.c_depth > kMaxCDepth) {
        vm.c_depth--;
        raise(T.e_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    return true;
}

void leave_recursive_call() { vm.c_depth--; }

// ---- text ----

Value obj_repr(Value v) {
    if (is_kind(v, Kind::Str) && type_of(v) == T.t_str) return str_repr(as<StrObject>(v));
    TypeObject* t = type_of(v);
    if (!enter_recursive_call(" while getting the repr of an object")) return VAL_NULL;
    Value r = t->repr(v);
    leave_recursive_call();
    return r;
}

Value obj_str(Value v) {
    if (is_kind(v, Kind::Str) && type_of(v) == T.t_str) return v;
    TypeObject* t = type_of(v);
    if (!enter_recursive_call(" while getting the str of an object")) return VAL_NULL;
    Value r = t->str ? t->str(v) : t->repr(v);
    leave_recursive_call();
    return r;
}

Value obj_ascii(Value v) {
    Value r = obj_repr(v);
    if (val_is_null(r)) return r;
    StrObject* s = as<StrObject>(r);
    if (s->ascii) return r;
    std::string out;
    for (size_t i = 0; i < s->nbytes;) {
        size_t len;
        uint32_t cp = utf8_decode(s->data + i, &len);
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else {
            char buf[16];
            snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
            out += buf;
        }
        i += len;
    }
    return str_new(out);
}

Value obj_format(Value v, Value spec) {
    static StrObject* name = intern("__format__");
    Root r1(v), r2(spec);
    Value self = VAL_NULL;
    Value m = obj_get_method(v, name, &self);
    if (val_is_null(m)) return VAL_NULL;
    Value r = val_is_null(self) ? call1(m, spec) : call2(m, self, spec);
    if (!val_is_null(r) && !is_instance(r, T.t_str))
        return raise(T.e_TypeError, "__format__ must return a str, not %s", type_name(r));
    return r;
}

// ---- truth, hash, comparison ----

int obj_truth(Value v) {
    if (val_is_bool(v)) return val_is_true(v);
    if (val_is_none(v)) return 0;
    if (val_is_int(v)) return val_int(v) != 0;
    if (val_is_float(v)) return val_float(v) != 0.0;
    TypeObject* t = type_of(v);
    if (t->truth) return t->truth(v);
    if (t->length) {
        int64_t n;
        if (!t->length(v, &n)) return -1;
        return n != 0;
    }
    return 1;
}

bool obj_hash(Value v, int64_t* out) {
    if (is_kind(v, Kind::Str)) {
        if (type_of(v) == T.t_str) return *out = str_hash(as<StrObject>(v)), true;
    }
    TypeObject* t = type_of(v);
    if (!t->hash) {
        raise(T.e_TypeError, "unhashable type: '%s'", t->name->data);
        return false;
    }
    return t->hash(v, out);
}

Value obj_compare(Value a, Value b, CmpOp op) {
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    bool checked_reflected = false;
    if (ta != tb && type_is_subtype(tb, ta) && tb->richcompare) {
        checked_reflected = true;
        Value r = tb->richcompare(b, a, kCmpSwapped[static_cast<int>(op)]);
        if (val_is_null(r) || !is_not_impl(r)) return r;
    }
    if (ta->richcompare) {
        Value r = ta->richcompare(a, b, op);
        if (val_is_null(r) || !is_not_impl(r)) return r;
    }
    if (!checked_reflected && tb->richcompare) {
        Value r = tb->richcompare(b, a, kCmpSwapped[static_cast<int>(op)]);
        if (val_is_null(r) || !is_not_impl(r)) return r;
    }
    if (op == CmpOp::EQ) return val_from_bool(a.bits == b.bits);
    if (op == CmpOp::NE) return val_from_bool(a.bits != b.bits);
    return raise(T.e_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                 kCmpSymbols[static_cast<int>(op)], ta->name->data, tb->name->data);
}

int obj_compare_bool(Value a, Value b, CmpOp op) {
    if (val_is_int(a) && val_is_int(b)) {
        int64_t x = val_int(a), y = val_int(b);
        switch (op) {
            case CmpOp::LT: return x < y;
            case CmpOp::LE: return x <= y;
            case CmpOp::EQ: return x == y;
            case CmpOp::NE: return x != y;
            case CmpOp::GT: return x > y;
            case CmpOp::GE: return x >= y;
        }
    }
    if (!enter_recursive_call(" in comparison")) return -1;
    Value r = obj_compare(a, b, op);
    leave_recursive_call();
    if (val_is_null(r)) return -1;
    return obj_truth(r);
}

int obj_eq(Value a, Value b) {
    if (a.bits == b.bits && !val_is_float(a)) return 1;  // identity implies equality (except NaN floats)
    if (is_kind(a, Kind::Str) && is_kind(b, Kind::Str) && type_of(a) == T.t_str && type_of(b) == T.t_str)
        return str_eq(as<StrObject>(a), as<StrObject>(b));
    return obj_compare_bool(a, b, CmpOp::EQ);
}

// ---- attributes ----

Value obj_getattr(Value o, StrObject* name) {
    TypeObject* t = type_of(o);
    if (!t->getattr) return raise(T.e_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
    return t->getattr(o, name);
}

Value obj_getattr_default(Value o, StrObject* name, Value dflt) {
    Value r = obj_getattr(o, name);
    if (val_is_null(r) && err_matches(T.e_AttributeError)) {
        err_clear();
        return dflt;
    }
    return r;
}

bool obj_setattr(Value o, StrObject* name, Value v) {
    TypeObject* t = type_of(o);
    if (!t->setattr) {
        raise(T.e_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
        return false;
    }
    return t->setattr(o, name, v);
}

Value obj_get_method(Value o, StrObject* name, Value* self) {
    if (self) *self = VAL_NULL;
    TypeObject* t = type_of(o);
    // Fast path: a plain function or native method found on the type, not shadowed by an instance attribute,
    // is returned unbound with the receiver, so the call needs no bound-method object.
    if (self && (t->getattr == T.t_object->getattr)) {
        Value d = type_lookup(t, name);
        if (!val_is_null(d) && (is_kind(d, Kind::Function) ||
                                (is_kind(d, Kind::Native) && (as<NativeObject>(d)->flags & NF_METHOD)))) {
            bool shadowed = (is_kind(o, Kind::Instance) || is_kind(o, Kind::Exception)) &&
                            !val_is_null(instance_get_own(o, name));
            if (!shadowed) {
                *self = o;
                return d;
            }
        }
    }
    return obj_getattr(o, name);
}

// ---- calls ----

Value obj_call(Value callable, Value* args, size_t nargs, TupleObject* kwnames) {
    TypeObject* t = type_of(callable);
    if (!t->call) return raise(T.e_TypeError, "'%s' object is not callable", t->name->data);
    if (!enter_recursive_call(" while calling a Python object")) return VAL_NULL;
    Value r = t->call(callable, args, nargs, kwnames);
    leave_recursive_call();
    return r;
}

Value call0(Value f) { return obj_call(f, nullptr, 0, nullptr); }
Value call1(Value f, Value a) {
    Value args[1] = {a};
    RootArray r(args, 1);
    return obj_call(f, args, 1, nullptr);
}
Value call2(Value f, Value a, Value b) {
    Value args[2] = {a, b};
    RootArray r(args, 2);
    return obj_call(f, args, 2, nullptr);
}
Value call_method0(Value o, StrObject* name) {
    Value self;
    Root r(o);
    Value m = obj_get_method(o, name, &self);
    if (val_is_null(m)) return m;
    return val_is_null(self) ? call0(m) : call1(m, self);
}
Value call_method1(Value o, StrObject* name, Value a) {
    Value self;
    Root r1(o), r2(a);
    Value m = obj_get_method(o, name, &self);
    if (val_is_null(m)) return m;
    return val_is_null(self) ? call1(m, a) : call2(m, self, a);
}

// ---- containers ----

Value obj_getitem(Value o, Value key) {
    TypeObject* t = type_of(o);
    if (t->getitem) return t->getitem(o, key);
    if (is_kind(o, Kind::Type)) {
        // Generic alias subscription (list[int]) is accepted and ignored: returns the class itself.
        static StrObject* cgi = intern("__class_getitem__");
        Value m = type_lookup(as<TypeObject>(o), cgi);
        if (!val_is_null(m)) return call_with_self(m, o, &key, 1, nullptr);
        if (as<TypeObject>(o)->flags & TF_BASETYPE) return o;
        return raise(T.e_TypeError, "type '%s' is not subscriptable", as<TypeObject>(o)->name->data);
    }
    return raise(T.e_TypeError, "'%s' object is not subscriptable", t->name->data);
}

bool obj_setitem(Value o, Value key, Value v) {
    TypeObject* t = type_of(o);
    if (!t->setitem) {
        raise(T.e_TypeError, "'%s' object does not support item assignment", t->name->data);
        return false;
    }
    return t->setitem(o, key, v);
}

bool obj_delitem(Value o, Value key) {
    TypeObject* t = type_of(o);
    if (!t->setitem) {
        raise(T.e_TypeError, "'%s' object doesn't support item deletion", t->name->data);
        return false;
    }
    return t->setitem(o, key, VAL_NULL);
}

bool obj_length(Value o, int64_t* out) {
    TypeObject* t = type_of(o);
    if (!t->length) {
        raise(T.e_TypeError, "object of type '%s' has no len()", t->name->data);
        return false;
    }
    return t->length(o, out);
}

int obj_contains(Value container, Value item) {
    TypeObject* t = type_of(container);
    if (t->contains) return t->contains(container, item);
    Root r1(container), r2(item);
    Value it = obj_getiter(container);
    if (val_is_null(it)) {
        if (err_matches(T.e_TypeError)) {
            err_clear();
            raise(T.e_TypeError, "argument of type '%s' is not iterable", t->name->data);
        }
        return -1;
    }
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? -1 : 0;
        int eq = obj_eq(x, item);
        if (eq != 0) return eq;
    }
}

// ---- iteration ----

Value obj_getiter(Value o) {
    TypeObject* t = type_of(o);
    if (t->iter) return t->iter(o);
    if (t->getitem) return seq_iter(o);  // the old sequence protocol: o[0], o[1], ... until IndexError
    return raise(T.e_TypeError, "'%s' object is not iterable", t->name->data);
}

Value iter_next(Value it) {
    TypeObject* t = type_of(it);
    if (!t->next) return raise(T.e_TypeError, "'%s' object is not an iterator", t->name->data);
    Value r = t->next(it);
    if (val_is_null(r) && err_matches(T.e_StopIteration)) err_clear();  // end of iteration either way
    return r;
}

// ---- operators ----

const char* binop_symbol(BinOp op, bool inplace) {
    static const char* const plain[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};
    static const char* const inpl[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="};
    return (inplace ? inpl : plain)[static_cast<int>(op)];
}

Value binary_op(Value a, Value b, BinOp op, bool inplace) {
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    if (inplace && ta->inplace) {
        Value r = ta->inplace(a, b, op);
        if (val_is_null(r) || !is_not_impl(r)) return r;
    }
    bool tried_reflected = false;
    if (ta != tb && tb->binop && type_is_subtype(tb, ta) && tb->binop != ta->binop) {
        tried_reflected = true;
        Value r = tb->binop(b, a, op, true);
        if (val_is_null(r) || !is_not_impl(r)) return r;
    }
    if (ta->binop) {
        Value r = ta->binop(a, b, op, false);
        if (val_is_null(r) || !is_not_impl(r)) return r;
    }
    if (ta != tb && !tried_reflected && tb->binop) {
        Value r = tb->binop(b, a, op, true);
        if (val_is_null(r) || !is_not_impl(r)) return r;
    }
    return binop_type_error(a, b, op, inplace);
}

Value binop_type_error(Value a, Value b, BinOp op, bool inplace) {
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    if (is_kind(a, Kind::Str) && op == BinOp::Add)
        return raise(T.e_TypeError, "can only concatenate str (not \"%s\") to str", tb->name->data);
    if (is_kind(a, Kind::List) && op == BinOp::Add && !inplace)
        return raise(T.e_TypeError, "can only concatenate list (not \"%s\") to list", tb->name->data);
    if (is_kind(a, Kind::Tuple) && op == BinOp::Add)
        return raise(T.e_TypeError, "can only concatenate tuple (not \"%s\") to tuple", tb->name->data);
    return raise(T.e_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", binop_symbol(op, inplace),
                 ta->name->data, tb->name->data);
}

static Value unary(Value v, UnaryOp op) {
    TypeObject* t = type_of(v);
    if (!t->unary) {
        const char* sym[] = {"unary -", "unary +", "unary ~", "abs()"};
        return raise(T.e_TypeError, "bad operand type for %s: '%s'", sym[static_cast<int>(op)], t->name->data);
    }
    return t->unary(v, op);
}

Value unary_neg(Value v) { return unary(v, UnaryOp::Neg); }
Value unary_pos(Value v) { return unary(v, UnaryOp::Pos); }
Value unary_invert(Value v) { return unary(v, UnaryOp::Invert); }

}  // namespace krait
