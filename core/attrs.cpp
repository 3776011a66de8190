// attrs.cpp — instance attribute storage (shapes) and the generic attribute protocol.
//
// An instance starts with its type's empty root shape. Assigning a new attribute moves it to the child shape
// for that name (created once, shared by every instance that gains the same names in the same order), and
// stores the value in the next slot. Deleting an attribute or asking for __dict__ switches the instance to a
// real dict for good ("dict mode"), which keeps the rare dynamic cases simple.
#include <cstdlib>

#include "containers.h"
#include "gc.h"
#include "slots.h"

namespace krait {

namespace {
uint32_t g_shape_ids = 1u << 20;
}  // namespace

Shape* shape_child(Shape* s, StrObject* name) {
    for (auto& [n, child] : s->transitions)
        if (n == name) return child;
    auto* c = new Shape();
    c->parent = s;
    c->name = name;
    c->index = s->size;
    c->size = s->size + 1;
    c->id = g_shape_ids++;
    c->names = s->names;
    c->names.push_back(name);
    s->transitions.emplace_back(name, c);
    return c;
}

int shape_index(Shape* s, StrObject* name) {
    for (size_t i = 0; i < s->names.size(); i++)
        if (s->names[i] == name) return static_cast<int>(i);
    return -1;
}

namespace {

bool has_storage(Value o) { return is_kind(o, Kind::Instance) || is_kind(o, Kind::Exception); }

StrObject* name_class() {
    static StrObject* n = intern("__class__");
    return n;
}
StrObject* name_dict() {
    static StrObject* n = intern("__dict__");
    return n;
}

}  // namespace

InstanceObject* instance_alloc(TypeObject* cls) {
    auto* o = gc_new<InstanceObject>(cls, Kind::Instance);
    if (!o) return nullptr;
    o->shape = cls->root_shape;
    if (cls->slots_hint) {
        o->slots = static_cast<Value*>(gc_buffer_alloc(cls->slots_hint * sizeof(Value)));
        if (o->slots) {
            o->capacity = cls->slots_hint;
            gc_account(cls->slots_hint * sizeof(Value));
        }
    }
    return o;
}

bool has_instance_attrs(Value o) { return has_storage(o) && type_of(o) != T.t_object; }

Value instance_get_own(Value o, StrObject* name) {
    auto* in = as<InstanceObject>(o);
    if (in->dict) return dict_get_str(in->dict, name);
    if (!in->shape) return VAL_NULL;
    int i = shape_index(in->shape, name);
    return i < 0 ? VAL_NULL : in->slots[i];
}

DictObject* instance_dict(Value o) {
    auto* in = as<InstanceObject>(o);
    if (!in->dict) {
        DictObject* d = dict_new();
        if (!d) return nullptr;
        if (in->shape)
            for (uint32_t i = 0; i < in->shape->size; i++) dict_set_str(d, in->shape->names[i], in->slots[i]);
        in->dict = d;
        in->shape = nullptr;
        gc_buffer_free(in->slots, in->capacity * sizeof(Value));
        in->slots = nullptr;
        in->capacity = 0;
    }
    return in->dict;
}

bool instance_set_own(Value o, StrObject* name, Value v) {
    auto* in = as<InstanceObject>(o);
    if (val_is_null(v) && !in->dict) {
        if (!in->shape || shape_index(in->shape, name) < 0) {
            raise(T.e_AttributeError, "'%s' object has no attribute '%s'", type_name(o), name->data);
            return false;
        }
        if (!instance_dict(o)) return false;
    }
    if (in->dict) {
        if (!val_is_null(v)) return dict_set_str(in->dict, name, v);
        if (dict_del(in->dict, val(name)) <= 0) {
            if (!err_occurred())
                raise(T.e_AttributeError, "'%s' object has no attribute '%s'", type_name(o), name->data);
            return false;
        }
        return true;
    }
    if (!in->shape) in->shape = in->type->root_shape;
    int i = shape_index(in->shape, name);
    if (i >= 0) {
        in->slots[i] = v;
        return true;
    }
    Shape* next = shape_child(in->shape, name);
    // Instances of this type will likely grow as big: new ones get that many slots up front (instance_alloc),
    // so that adding attributes in __init__ does not reallocate (and STORE_ATTR_INSTANCE_ADD finds room).
    if (next->size > in->type->slots_hint) in->type->slots_hint = next->size < 64 ? next->size : 64;
    if (next->size > in->capacity) {
        uint32_t cap = in->capacity ? in->capacity * 2 : 4;
        auto* slots = static_cast<Value*>(gc_buffer_realloc(in->slots, in->capacity * sizeof(Value), cap * sizeof(Value)));
        if (!slots) {
            raise_no_memory();
            return false;
        }
        gc_account((cap - in->capacity) * sizeof(Value));
        in->slots = slots;
        in->capacity = cap;
    }
    in->slots[next->index] = v;
    in->shape = next;
    return true;
}

// Instance shapes compare names by identity: every name used with them must be the interned one.
inline StrObject* interned(StrObject* name) { return name->interned ? name : intern(name->view()); }

Value generic_getattr(Value o, StrObject* name, bool raise_missing) {
    name = interned(name);
    TypeObject* t = type_of(o);
    Value descr = type_lookup(t, name);
    TypeObject* dt = val_is_null(descr) ? nullptr : type_of(descr);
    if (dt && dt->descr_set && dt->descr_get) return dt->descr_get(descr, o, val(t));
    if (has_storage(o)) {
        Value v = instance_get_own(o, name);
        if (!val_is_null(v)) return v;
        if (name == name_dict() && t != T.t_object) {
            DictObject* d = instance_dict(o);
            return d ? val(d) : VAL_NULL;
        }
    }
    if (dt) return dt->descr_get ? dt->descr_get(descr, o, val(t)) : descr;
    if (name == name_class()) return val(t);
    if (!raise_missing) return VAL_NULL;
    return raise(T.e_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
}

bool generic_setattr(Value o, StrObject* name, Value v) {
    name = interned(name);
    TypeObject* t = type_of(o);
    Value descr = type_lookup(t, name);
    if (!val_is_null(descr)) {
        TypeObject* dt = type_of(descr);
        if (dt->descr_set) return dt->descr_set(descr, o, v);
    }
    if (has_instance_attrs(o)) {
        if (name == name_dict()) {
            // o.__dict__ = d: the instance uses d from now on (dict mode, as after `del o.x`); `del o.__dict__`
            // leaves it a new empty one, as CPython does.
            if (val_is_null(v)) {
                DictObject* fresh = dict_new();
                if (!fresh) return false;
                v = val(fresh);
            }
            if (!is_instance(v, T.t_dict))
                return raise(T.e_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v)), false;
            auto* in = as<InstanceObject>(o);
            gc_buffer_free(in->slots, in->capacity * sizeof(Value));
            in->slots = nullptr;
            in->capacity = 0;
            in->shape = nullptr;
            in->dict = as<DictObject>(v);
            return true;
        }
        if (name == name_class()) {
            if (!is_kind(v, Kind::Type) || as<TypeObject>(v)->layout != t->layout ||
                !(as<TypeObject>(v)->flags & TF_HEAPTYPE)) {
                raise(T.e_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
                return false;
            }
            // The shape belongs to the old class's tree; move the attributes into a dict first.
            if (!instance_dict(o)) return false;
            obj(o)->type = as<TypeObject>(v);
            return true;
        }
        return instance_set_own(o, name, v);
    }
    if (!val_is_null(descr))
        raise(T.e_AttributeError, "'%s' object attribute '%s' is read-only", t->name->data, name->data);
    else
        raise(T.e_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name->data);
    return false;
}

}  // namespace krait
