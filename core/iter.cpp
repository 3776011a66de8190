// iter.cpp — built-in iterator objects: one IterObject layout whose `next` function pointer does the work
// (containers.h), and the sequence iterator used for objects that only define __getitem__.
#include "containers.h"
#include "gc.h"
#include "methods.h"

namespace krait {

namespace {

TypeObject* g_seq_iter_type = nullptr;

Value iterobj_iter(Value self) { return self; }

Value iterobj_next(Value self) {
    auto* it = as<IterObject>(self);
    if (!it->next) return VAL_NULL;
    Value r = it->next(it);
    if (val_is_null(r) && !err_occurred()) {
        it->next = nullptr;  // exhausted for good; drop what it held
        it->src = VAL_NULL;
        it->aux = VAL_NULL;
    }
    return r;
}

// o[0], o[1], ... until IndexError or StopIteration.
Value seq_iter_next(IterObject* it) {
    Value r = obj_getitem(it->src, int_from_i64(it->index));
    if (val_is_null(r)) {
        if (err_matches(T.e_IndexError) || err_matches(T.e_StopIteration)) err_clear();
        return VAL_NULL;
    }
    it->index++;
    return r;
}

}  // namespace

// Every iterator type created with make_builtin_type(..., Kind::Iter) gets these slots via init_iter_slots.
void init_iter_type(TypeObject* t) {
    t->iter = iterobj_iter;
    t->next = iterobj_next;
}

Value make_iter(TypeObject* type, IterNextFn next, Value src, Value aux, int64_t index, int64_t end, int64_t step) {
    if (!type->next) init_iter_type(type);
    auto* it = gc_new<IterObject>(type, Kind::Iter);
    if (!it) return raise_no_memory();
    it->next = next, it->src = src, it->aux = aux, it->index = index, it->end = end, it->step = step;
    return val(it);
}

Value seq_iter(Value seq) {
    if (!g_seq_iter_type) {
        g_seq_iter_type = make_builtin_type("iterator", nullptr, Kind::Iter);
        init_iter_type(g_seq_iter_type);
    }
    TypeObject* t = type_of(seq);
    if (t->iter) return t->iter(seq);
    return make_iter(g_seq_iter_type, seq_iter_next, seq, VAL_NULL, 0, 0, 1);
}

}  // namespace krait
