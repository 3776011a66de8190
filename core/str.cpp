// str.cpp — str primitives: allocation, interning, hashing, code-point indexing, concatenation and repr.
//
// A str holds UTF-8 text plus its length in code points. ASCII strings (the common case) index by byte;
// others scan for the byte offset of a code point (O(n), acceptable until profiles say otherwise).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

#include "containers.h"
#include "gc.h"

namespace krait {

namespace {

std::unordered_map<std::string_view, StrObject*>& intern_table() {
    static auto* table = new std::unordered_map<std::string_view, StrObject*>();
    return *table;
}

constexpr size_t kMaxStrBytes = size_t(1) << 31;  // refuse larger strings with MemoryError (wasm32-safe)

}  // namespace

uint32_t utf8_decode(const char* p, size_t* len) {
    auto* s = reinterpret_cast<const unsigned char*>(p);
    if (s[0] < 0x80) return *len = 1, s[0];
    if ((s[0] & 0xE0) == 0xC0) return *len = 2, ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    if ((s[0] & 0xF0) == 0xE0) return *len = 3, ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    *len = 4;
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

// utf8_append (containers.h) is defined once, in tokenizer.cpp.

StrObject* str_alloc(size_t nbytes) {
    if (nbytes >= kMaxStrBytes) {
        raise_no_memory();
        return nullptr;
    }
    auto* s = gc_new<StrObject>(T.t_str, Kind::Str, nbytes);
    if (!s) {
        raise_no_memory();
        return nullptr;
    }
    s->hash = -1;
    s->nbytes = nbytes;
    return s;
}

void str_finish(StrObject* s) {
    s->data[s->nbytes] = 0;
    size_t cont = 0;  // continuation bytes do not start a code point
    bool ascii = true;
    for (size_t i = 0; i < s->nbytes; i++) {
        unsigned char c = static_cast<unsigned char>(s->data[i]);
        if (c >= 0x80) {
            ascii = false;
            if ((c & 0xC0) == 0x80) cont++;
        }
    }
    s->ascii = ascii;
    s->length = s->nbytes - cont;
}

Value str_new(std::string_view utf8) {
    StrObject* s = str_alloc(utf8.size());
    if (!s) return VAL_NULL;
    if (!utf8.empty()) memcpy(s->data, utf8.data(), utf8.size());  // an empty view may have a null data()
    str_finish(s);
    return val(s);
}

Value str_from_cstr(const char* s) { return str_new(s); }

std::string_view str_view(Value s) { return as<StrObject>(s)->view(); }

StrObject* intern(std::string_view text) {
    auto& table = intern_table();
    auto it = table.find(text);
    if (it != table.end()) return it->second;
    Value v = str_new(text);
    StrObject* s = as<StrObject>(v);
    s->interned = true;
    gc_make_permanent(s);
    table.emplace(s->view(), s);
    return s;
}

int64_t str_hash(StrObject* s) {
    if (s->hash != -1) return s->hash;
    uint64_t h = 14695981039346656037ull;  // FNV-1a: strings need a stable hash, not CPython's seeded one
    for (size_t i = 0; i < s->nbytes; i++) h = (h ^ static_cast<unsigned char>(s->data[i])) * 1099511628211ull;
    int64_t r = static_cast<int64_t>(h >> 1);
    if (r == -1) r = -2;
    s->hash = r;
    return r;
}

bool str_eq(StrObject* a, StrObject* b) {
    if (a == b) return true;
    if (a->nbytes != b->nbytes) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, a->nbytes) == 0;
}

int str_compare(StrObject* a, StrObject* b) {
    // UTF-8 byte order equals code point order.
    size_t n = a->nbytes < b->nbytes ? a->nbytes : b->nbytes;
    int c = memcmp(a->data, b->data, n);
    if (c) return c;
    return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes;
}

size_t str_byte_offset(StrObject* s, int64_t cp_index) {
    if (s->ascii) return static_cast<size_t>(cp_index);
    size_t off = 0;
    for (int64_t i = 0; i < cp_index && off < s->nbytes; i++) {
        size_t len;
        utf8_decode(s->data + off, &len);
        off += len;
    }
    return off;
}

Value str_from_codepoint(uint32_t cp) {
    static StrObject* ascii_chars[128];
    if (cp < 128) {
        if (!ascii_chars[cp]) {
            char c = static_cast<char>(cp);
            ascii_chars[cp] = intern(std::string_view(&c, 1));
        }
        return val(ascii_chars[cp]);
    }
    std::string out;
    utf8_append(out, cp);
    return str_new(out);
}

Value str_char_at(StrObject* s, int64_t index) {
    if (s->ascii) return str_from_codepoint(static_cast<unsigned char>(s->data[index]));
    size_t off = str_byte_offset(s, index), len;
    return str_from_codepoint(utf8_decode(s->data + off, &len));
}

Value str_substr(StrObject* s, int64_t start, int64_t stop) {
    int64_t n = static_cast<int64_t>(s->length);
    if (start < 0) start = 0;
    if (stop > n) stop = n;
    if (start >= stop) return val(intern(""));
    if (start == 0 && stop == n) return val(s);
    size_t b0 = str_byte_offset(s, start);
    size_t b1 = s->ascii ? static_cast<size_t>(stop) : b0 + str_byte_offset(s, stop) - str_byte_offset(s, start);
    return str_new(std::string_view(s->data + b0, b1 - b0));
}

Value str_concat(Value a, Value b) {
    StrObject* x = as<StrObject>(a);
    StrObject* y = as<StrObject>(b);
    if (!y->nbytes) return a;
    if (!x->nbytes) return b;
    StrObject* s = str_alloc(x->nbytes + y->nbytes);
    if (!s) return VAL_NULL;
    memcpy(s->data, x->data, x->nbytes);
    memcpy(s->data + x->nbytes, y->data, y->nbytes);
    s->data[s->nbytes] = 0;
    s->ascii = x->ascii && y->ascii;
    s->length = x->length + y->length;
    return val(s);
}

Value str_repeat(Value v, int64_t n) {
    StrObject* x = as<StrObject>(v);
    if (n <= 0 || !x->nbytes) return val(intern(""));
    if (n == 1) return v;
    if (static_cast<uint64_t>(n) > kMaxStrBytes / x->nbytes) return raise_no_memory();
    StrObject* s = str_alloc(x->nbytes * n);
    if (!s) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) memcpy(s->data + i * x->nbytes, x->data, x->nbytes);
    s->data[s->nbytes] = 0;
    s->ascii = x->ascii;
    s->length = x->length * n;
    return val(s);
}

namespace {

// Approximates Python's str.isprintable for repr: controls, separators other than ' ', format characters,
// surrogates and private-use characters are escaped.
bool is_printable(uint32_t cp) {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD) return false;
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F)) return false;
    if (cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
    if ((cp >= 0xD800 && cp <= 0xF8FF) || cp >= 0xF0000) return false;
    return true;
}

void append_escape(std::string& out, uint32_t cp) {
    char buf[16];
    if (cp < 0x100) snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", cp);
    else snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
}

}  // namespace

Value str_repr(StrObject* s) {
    std::string_view t = s->view();
    bool has_single = t.find('\'') != std::string_view::npos;
    bool has_double = t.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out;
    out.reserve(t.size() + 2);
    out += quote;
    for (size_t i = 0; i < t.size();) {
        size_t len;
        uint32_t cp = utf8_decode(t.data() + i, &len);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (!is_printable(cp)) {
            append_escape(out, cp);
        } else {
            out.append(t.data() + i, len);
        }
        i += len;
    }
    out += quote;
    return str_new(out);
}

Value str_join(Value sep, Value iterable) {
    Root r1(sep), r2(iterable);
    Value seq = is_kind(iterable, Kind::List) || is_kind(iterable, Kind::Tuple) ? iterable
                                                                                 : list_from_iterable(iterable);
    if (val_is_null(seq)) return VAL_NULL;
    Root r3(seq);
    const Value* items;
    size_t n;
    if (is_kind(seq, Kind::List)) items = as<ListObject>(seq)->items, n = as<ListObject>(seq)->size;
    else items = as<TupleObject>(seq)->items, n = as<TupleObject>(seq)->size;
    StrObject* sp = as<StrObject>(sep);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_kind(items[i], Kind::Str)) {
            return raise(T.e_TypeError, "sequence item %zu: expected str instance, %s found", i, type_name(items[i]));
        }
        total += as<StrObject>(items[i])->nbytes + (i ? sp->nbytes : 0);
    }
    if (n == 1 && type_of(items[0]) == T.t_str) return items[0];
    StrObject* out = str_alloc(total);
    if (!out) return VAL_NULL;
    char* p = out->data;
    bool ascii = sp->ascii || n < 2;
    size_t length = n > 1 ? sp->length * (n - 1) : 0;
    for (size_t i = 0; i < n; i++) {
        if (i) memcpy(p, sp->data, sp->nbytes), p += sp->nbytes;
        StrObject* it = as<StrObject>(items[i]);
        memcpy(p, it->data, it->nbytes);
        p += it->nbytes;
        ascii = ascii && it->ascii;
        length += it->length;
    }
    out->data[total] = 0;
    out->ascii = ascii;
    out->length = length;
    return val(out);
}

Value str_from_ascii_int(int64_t i) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", static_cast<long long>(i));
    return str_new(std::string_view(buf, n));
}

}  // namespace krait
