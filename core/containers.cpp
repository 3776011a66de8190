// containers.cpp — tuple and list primitives (containers.h). Their Python methods live in list_methods.cpp.
#include <cstdlib>
#include <cstring>

#include "containers.h"
#include "gc.h"

namespace krait {

TupleObject* g_empty_tuple = nullptr;

// ---- tuple ----

TupleObject* tuple_new(size_t n) {
    if (n == 0 && g_empty_tuple) return g_empty_tuple;
    if (n > (SIZE_MAX / 2) / sizeof(Value)) {
        raise_no_memory();
        return nullptr;
    }
    auto* t = gc_new<TupleObject>(T.t_tuple, Kind::Tuple, n ? (n - 1) * sizeof(Value) : 0);
    if (!t) {
        raise_no_memory();
        return nullptr;
    }
    t->size = n;
    return t;
}

Value tuple_from_array(const Value* items, size_t n) {
    TupleObject* t = tuple_new(n);
    if (!t) return VAL_NULL;
    if (n) memcpy(t->items, items, n * sizeof(Value));
    return val(t);
}

Value tuple_pack(std::initializer_list<Value> items) { return tuple_from_array(items.begin(), items.size()); }

Value tuple_from_iterable(Value iterable) {
    if (type_of(iterable) == T.t_tuple) return iterable;
    if (type_of(iterable) == T.t_list) {
        ListObject* l = as<ListObject>(iterable);
        return tuple_from_array(l->items, l->size);
    }
    Value l = list_from_iterable(iterable);
    if (val_is_null(l)) return VAL_NULL;
    return tuple_from_array(as<ListObject>(l)->items, as<ListObject>(l)->size);
}

// ---- list ----

ListObject* list_new(size_t capacity) {
    auto* l = gc_new<ListObject>(T.t_list, Kind::List);
    if (!l || (capacity && !list_reserve(l, capacity))) {
        if (!l) raise_no_memory();
        return nullptr;
    }
    return l;
}

bool list_reserve(ListObject* l, size_t capacity) {
    if (capacity <= l->capacity) return true;
    // Refuse absurd sizes before asking the allocator (it may abort rather than fail, e.g. under ASan).
    if (capacity > (uint64_t(1) << 36) / sizeof(Value)) {
        raise_no_memory();
        return false;
    }
    auto* items = static_cast<Value*>(gc_buffer_realloc(l->items, l->capacity * sizeof(Value), capacity * sizeof(Value)));
    if (!items) {
        raise_no_memory();
        return false;
    }
    gc_account((capacity - l->capacity) * sizeof(Value));
    l->items = items;
    l->capacity = capacity;
    return true;
}

bool list_append(ListObject* l, Value v) {
    if (l->size == l->capacity && !list_reserve(l, l->capacity < 4 ? 4 : l->capacity + l->capacity / 2 + 1))
        return false;
    l->items[l->size++] = v;
    return true;
}

bool list_insert(ListObject* l, int64_t index, Value v) {
    int64_t n = static_cast<int64_t>(l->size);
    if (index < 0) index = index + n < 0 ? 0 : index + n;
    if (index > n) index = n;
    if (!list_append(l, v)) return false;
    memmove(l->items + index + 1, l->items + index, (n - index) * sizeof(Value));
    l->items[index] = v;
    return true;
}

Value list_from_array(const Value* items, size_t n) {
    ListObject* l = list_new(n);
    if (!l) return VAL_NULL;
    if (n) memcpy(l->items, items, n * sizeof(Value));
    l->size = n;
    return val(l);
}

bool list_extend(ListObject* l, Value iterable) {
    if (is_kind(iterable, Kind::List) || is_kind(iterable, Kind::Tuple)) {
        bool is_list = is_kind(iterable, Kind::List);
        size_t n = is_list ? as<ListObject>(iterable)->size : as<TupleObject>(iterable)->size;
        if (!list_reserve(l, l->size + n)) return false;
        // Re-read the source after reserving: l.extend(l) reads the list being grown.
        const Value* src = is_list ? as<ListObject>(iterable)->items : as<TupleObject>(iterable)->items;
        if (n) memcpy(l->items + l->size, src, n * sizeof(Value));
        l->size += n;
        return true;
    }
    Value lv = val(l);
    Root r1(lv), r2(iterable);
    Value it = obj_getiter(iterable);
    if (val_is_null(it)) return false;
    Root ri(it);
    for (;;) {
        Value item = iter_next(it);
        if (val_is_null(item)) return !err_occurred();
        if (!list_append(l, item)) return false;
    }
}

Value list_from_iterable(Value iterable) {
    Root r(iterable);
    ListObject* l = list_new(0);
    if (!l) return VAL_NULL;
    Value lv = val(l);
    Root rl(lv);
    return list_extend(l, iterable) ? lv : VAL_NULL;
}

}  // namespace krait
