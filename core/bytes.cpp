// bytes.cpp — the bytes type: immutable byte strings (literals, str.encode(), bytes(...)), with the operations
// programs use on them: repr, len, indexing and slicing, iteration, comparison, hashing, + and *, decode, hex.
#include <cstring>
#include <string>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "slice.h"

namespace krait {

namespace {

BytesObject* bytes_alloc(size_t n) {
    if (n >= (size_t(1) << 31)) {
        raise_no_memory();
        return nullptr;
    }
    auto* b = gc_new<BytesObject>(T.t_bytes, Kind::Bytes, n);
    if (!b) {
        raise_no_memory();
        return nullptr;
    }
    b->hash = -1;
    b->size = n;
    return b;
}

Value bytes_from(const char* data, size_t n) {
    BytesObject* b = bytes_alloc(n);
    if (!b) return VAL_NULL;
    if (n) memcpy(b->data, data, n);
    return val(b);
}

std::string_view bview(Value v) { return {as<BytesObject>(v)->data, as<BytesObject>(v)->size}; }

Value bytes_repr(Value self) {
    std::string_view s = bview(self);
    bool single = s.find('\'') != std::string_view::npos, dbl = s.find('"') != std::string_view::npos;
    char quote = single && !dbl ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c >= 0x7F) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return str_new(out);
}

bool bytes_length(Value self, int64_t* out) {
    *out = static_cast<int64_t>(as<BytesObject>(self)->size);
    return true;
}

Value bytes_getitem(Value self, Value key) {
    BytesObject* b = as<BytesObject>(self);
    int64_t n = static_cast<int64_t>(b->size);
    if (is_kind(key, Kind::Slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(key, n, &start, &stop, &step, &len)) return VAL_NULL;
        std::string out;
        for (int64_t i = 0, j = start; i < len; i++, j += step) out += b->data[j];
        return bytes_from(out.data(), out.size());
    }
    int64_t i;
    if (!is_int(key)) return raise(T.e_TypeError, "byte indices must be integers or slices, not %s", type_name(key));
    if (!index_of(key, &i)) return VAL_NULL;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(T.e_IndexError, "index out of range");
    return int_from_i64(static_cast<unsigned char>(b->data[i]));
}

Value bytes_iter_next(IterObject* it) {
    BytesObject* b = as<BytesObject>(it->src);
    if (it->index >= static_cast<int64_t>(b->size)) return VAL_NULL;
    return int_from_i64(static_cast<unsigned char>(b->data[it->index++]));
}

TypeObject* g_bytes_iter = nullptr;

Value bytes_iter(Value self) { return make_iter(g_bytes_iter, bytes_iter_next, self, VAL_NULL, 0, 0, 1); }

int bytes_contains(Value self, Value item) {
    std::string_view s = bview(self);
    if (is_kind(item, Kind::Bytes)) return s.find(bview(item)) != std::string_view::npos;
    int64_t c;
    if (!is_int(item)) {
        raise(T.e_TypeError, "a bytes-like object is required, not '%s'", type_name(item));
        return -1;
    }
    if (!index_of(item, &c)) return -1;
    if (c < 0 || c > 255) {
        raise(T.e_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return s.find(static_cast<char>(c)) != std::string_view::npos;
}

Value bytes_richcompare(Value self, Value other, CmpOp op) {
    if (!is_kind(other, Kind::Bytes)) return g_not_implemented;
    int c = bview(self).compare(bview(other));
    bool r = op == CmpOp::LT ? c < 0 : op == CmpOp::LE ? c <= 0 : op == CmpOp::EQ ? c == 0
           : op == CmpOp::NE ? c != 0 : op == CmpOp::GT ? c > 0 : c >= 0;
    return val_from_bool(r);
}

bool bytes_hash(Value self, int64_t* out) {
    BytesObject* b = as<BytesObject>(self);
    if (b->hash == -1) {
        uint64_t h = 14695981039346656037ull;
        for (size_t i = 0; i < b->size; i++) h = (h ^ static_cast<unsigned char>(b->data[i])) * 1099511628211ull;
        b->hash = static_cast<int64_t>(h >> 1);
    }
    *out = b->hash;
    return true;
}

Value bytes_binop(Value self, Value other, BinOp op, bool reflected) {
    if (op == BinOp::Add && !reflected && is_kind(other, Kind::Bytes)) {
        std::string s(bview(self));
        s += bview(other);
        return bytes_from(s.data(), s.size());
    }
    if (op == BinOp::Mul && is_int(other)) {
        int64_t n;
        if (!index_of(other, &n)) return VAL_NULL;
        size_t len = as<BytesObject>(self)->size;
        if (n <= 0 || len == 0) return bytes_from("", 0);
        if (static_cast<uint64_t>(n) > (size_t(1) << 31) / len) return raise_no_memory();
        std::string s;
        s.reserve(len * n);
        for (int64_t i = 0; i < n; i++) s += bview(self);
        return bytes_from(s.data(), s.size());
    }
    return g_not_implemented;
}

int bytes_truth(Value self) { return as<BytesObject>(self)->size != 0; }

Value bytes_new(TypeObject*, Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[3];
    if (!bind_args("bytes", args, nargs, kwnames, {"source", "encoding", "errors"}, 0, a)) return VAL_NULL;
    if (val_is_null(a[0])) return bytes_from("", 0);
    Value src = a[0];
    if (is_kind(src, Kind::Str)) {
        if (val_is_null(a[1])) return raise(T.e_TypeError, "string argument without an encoding");
        return bytes_from(str_view(src).data(), str_view(src).size());
    }
    if (is_kind(src, Kind::Bytes)) return src;
    if (is_int(src)) {
        int64_t n;
        if (!index_of(src, &n)) return VAL_NULL;
        if (n < 0) return raise(T.e_ValueError, "negative count");
        BytesObject* b = bytes_alloc(static_cast<size_t>(n));
        return b ? val(b) : VAL_NULL;
    }
    Value items = list_from_iterable(src);
    if (val_is_null(items)) return VAL_NULL;
    ListObject* l = as<ListObject>(items);
    std::string out;
    for (size_t i = 0; i < l->size; i++) {
        int64_t c;
        if (!is_int(l->items[i]))
            return raise(T.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(l->items[i]));
        if (!index_of(l->items[i], &c)) return VAL_NULL;
        if (c < 0 || c > 255) return raise(T.e_ValueError, "bytes must be in range(0, 256)");
        out += static_cast<char>(c);
    }
    return bytes_from(out.data(), out.size());
}

Value bytes_decode(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[3];
    if (!bind_args("decode", args, nargs, kwnames, {"self", "encoding", "errors"}, 1, a)) return VAL_NULL;
    std::string_view s = bview(a[0]);
    // Validate UTF-8 (the only encoding supported) so that str keeps its invariant.
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = len && i + len <= s.size();
        for (size_t k = 1; ok && k < len; k++) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (!ok)
            return raise(T.e_UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %zu: invalid start byte",
                         c, i);
        i += len;
    }
    return str_new(s);
}

Value bytes_hex(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 1) return raise(T.e_TypeError, "hex() takes no arguments");
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bview(args[0])) out += hex[c >> 4], out += hex[c & 15];
    return str_new(out);
}

const MethodDef bytes_methods[] = {
    {"decode", bytes_decode, 0},
    {"hex", bytes_hex, 0},
    {nullptr, nullptr, 0},
};

}  // namespace

Value bytes_new_from(const char* data, size_t n) { return bytes_from(data, n); }

void init_bytes() {
    TypeObject* t = T.t_bytes;
    t->repr = bytes_repr, t->length = bytes_length, t->getitem = bytes_getitem, t->iter = bytes_iter;
    t->contains = bytes_contains, t->richcompare = bytes_richcompare, t->hash = bytes_hash;
    t->binop = bytes_binop, t->truth = bytes_truth, t->new_fn = bytes_new;
    g_bytes_iter = make_builtin_type("bytes_iterator", nullptr, Kind::Iter);
    add_methods(t, bytes_methods);
}

}  // namespace krait
