// str_format.cpp — text formatting for str: str.format / format_map, str.__format__, printf-style `str %
// args`, and the helpers of f-strings (the FORMAT_VALUE instruction).
//
// Used by: str_methods.cpp (the % operator, registration through init_str_format) and the interpreter, which
// calls str_mod, format_value and convert_value (declared in the lead's headers). The number formatting
// itself (format specs, %d/%f/%x pieces) is numfmt's; this file parses the templates, fetches the arguments
// in CPython's order and reports CPython's errors.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "numfmt.h"
#include "slice.h"

namespace krait {

Value str_mod(Value fmt, Value args);
Value format_value(Value v, Value spec);
Value convert_value(Value v, int conversion);
void init_str_format();

namespace {

StrObject* SO(Value v) {
    return as<StrObject>(v);
}

// Raises the Python exception that a numfmt error message stands for.
Value raise_numfmt(const std::string& err) {
    switch (numfmt_error_kind(err)) {
    case NumfmtErrorKind::kOverflowError: return raise_str(T.e_OverflowError, err);
    case NumfmtErrorKind::kMemoryError: return raise_no_memory();
    case NumfmtErrorKind::kValueError: break;
    }
    return raise_str(T.e_ValueError, err);
}

// Appends the text of a str value.
void append(std::string& out, Value s) {
    out += SO(s)->view();
}

// ---- str.__format__ ----

Value str_format_spec(Value self, std::string_view spec) {
    if (spec.empty()) return type_of(self) == T.t_str ? self : str_new(SO(self)->view());
    FormatSpec fs;
    std::string err, out;
    if (!parse_format_spec(spec, &fs, &err, 's', type_name(self))) return raise_numfmt(err);
    if (!format_string(SO(self)->view(), fs, &out, &err, type_name(self))) return raise_numfmt(err);
    return str_new(out);
}

Value str_m_dunder_format(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 2 || !is_kind(args[0], Kind::Str))
        return raise(T.e_TypeError, "__format__() takes exactly one argument (%zu given)",
                     nargs ? nargs - 1 : 0);
    if (!is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "__format__() argument must be str, not %s", type_name(args[1]));
    return str_format_spec(args[0], SO(args[1])->view());
}

// ---- str.format ----

struct FormatArgs {
    Value* pos;
    size_t npos;
    Value kw;       // a dict (format) or any mapping (format_map), VAL_NULL when none
    int auto_state; // 0 unknown, 1 automatic numbering, 2 manual
    size_t next_auto;
};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// The value a field's first name refers to: positional index, automatic number or keyword.
Value field_base(std::string_view name, FormatArgs* fa) {
    size_t index;
    if (name.empty()) {
        if (fa->auto_state == 2)
            return raise(T.e_ValueError,
                         "cannot switch from manual field specification to automatic field numbering");
        fa->auto_state = 1;
        index = fa->next_auto++;
    } else if (all_digits(name)) {
        if (fa->auto_state == 1)
            return raise(T.e_ValueError,
                         "cannot switch from automatic field numbering to manual field specification");
        fa->auto_state = 2;
        if (name.size() > 18) return raise(T.e_ValueError, "Too many decimal digits in format string");
        index = (size_t)std::stoull(std::string(name));
    } else {
        Value key = str_new(name);
        if (val_is_null(key)) return VAL_NULL;
        Root rk(key);
        if (val_is_null(fa->kw)) {
            Value exc = call1(val(T.e_KeyError), key);
            return val_is_null(exc) ? VAL_NULL : raise_value(exc);
        }
        return obj_getitem(fa->kw, key);
    }
    if (index >= fa->npos)
        return raise(T.e_IndexError, "Replacement index %zu out of range for positional args tuple", index);
    return fa->pos[index];
}

// Resolves "name.attr[key]..." to the object to format.
Value resolve_field(std::string_view field, FormatArgs* fa) {
    size_t i = 0;
    while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
    Value v = field_base(field.substr(0, i), fa);
    Root rv(v);
    while (!val_is_null(v) && i < field.size()) {
        if (field[i] == '.') {
            size_t j = ++i;
            while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
            if (i == j) return raise(T.e_ValueError, "Empty attribute in format string");
            v = obj_getattr(v, intern(field.substr(j, i - j)));
        } else if (field[i] == '[') {
            size_t j = ++i;
            while (i < field.size() && field[i] != ']') i++;
            if (i == field.size()) return raise(T.e_ValueError, "Missing ']' in format string");
            std::string_view key = field.substr(j, i - j);
            if (key.empty()) return raise(T.e_ValueError, "Empty attribute in format string");
            i++;
            if (i < field.size() && field[i] != '.' && field[i] != '[')
                return raise(T.e_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            Value k = all_digits(key) && key.size() <= 18
                          ? int_from_i64((int64_t)std::stoll(std::string(key)))
                          : str_new(key);
            if (val_is_null(k)) return VAL_NULL;
            Root rk(k);
            v = obj_getitem(v, k);
        } else {
            return raise(T.e_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return v;
}

Value convert(Value v, char conv) {
    switch (conv) {
    case 'r': return obj_repr(v);
    case 's': return obj_str(v);
    case 'a': return obj_ascii(v);
    }
    return raise(T.e_ValueError, "Unknown conversion specifier %c", conv);
}

bool render(std::string_view fmt, FormatArgs* fa, int depth, std::string* out);

// format(v, spec) appended to *out. Exact strs, ints and floats are formatted here directly (the hot path of
// f-strings and str.format); anything else goes through __format__, with spec_obj (or a new str) as argument.
bool format_into(Value v, std::string_view spec, Value spec_obj, std::string* out) {
    TypeObject* t = type_of(v);
    std::string err;
    if (t == T.t_str) {
        if (spec.empty()) return append(*out, v), true;
        FormatSpec fs;
        if (parse_format_spec(spec, &fs, &err, 's', "str") && format_string(SO(v)->view(), fs, out, &err))
            return true;
        return raise_numfmt(err), false;
    }
    if (val_is_int(v) || val_is_float(v)) {
        if (spec.empty()) {
            Value s = obj_str(v);
            return !val_is_null(s) && (append(*out, s), true);
        }
        FormatSpec fs;
        bool ok;
        if (val_is_int(v)) {
            ok = parse_format_spec(spec, &fs, &err, 'd', "int") &&
                 (format_spec_int_base(fs) == 0 ? format_float((double)val_int(v), fs, out, &err, "int")
                                                : format_int64(val_int(v), fs, out, &err, "int"));
        } else {
            ok = parse_format_spec(spec, &fs, &err, '\0', "float") &&
                 format_float(val_float(v), fs, out, &err);
        }
        return ok || (raise_numfmt(err), false);
    }
    Value sv = !val_is_null(spec_obj) ? spec_obj : spec.empty() ? val(intern("")) : str_new(spec);
    if (val_is_null(sv)) return false;
    Root rs(sv);
    Value r = obj_format(v, sv);
    return !val_is_null(r) && (append(*out, r), true);
}

// One replacement field (the text between the braces): field_name[!conv][:spec].
bool render_field(std::string_view field, FormatArgs* fa, int depth, std::string* out) {
    size_t i = 0;
    while (i < field.size()) {
        char c = field[i];
        if (c == '[') {
            while (i < field.size() && field[i] != ']') i++;
            if (i < field.size()) i++;
            continue;
        }
        if (c == '{') {
            raise(T.e_ValueError, "unexpected '{' in field name");
            return false;
        }
        if (c == ':' || c == '!') break;
        i++;
    }
    std::string_view name = field.substr(0, i), spec;
    char conv = 0;
    if (i < field.size() && field[i] == '!') {
        if (i + 1 >= field.size()) {
            raise(T.e_ValueError, "end of string while looking for conversion specifier");
            return false;
        }
        conv = field[i + 1];
        i += 2;
        if (i < field.size() && field[i] != ':') {
            raise(T.e_ValueError, "expected ':' after conversion specifier");
            return false;
        }
    }
    if (i < field.size()) spec = field.substr(i + 1);
    Value v = resolve_field(name, fa);
    if (val_is_null(v)) return false;
    Root rv(v);
    if (conv) {
        v = convert(v, conv);
        if (val_is_null(v)) return false;
    }
    std::string spec_text;
    if (spec.find('{') != std::string_view::npos) {
        if (!render(spec, fa, depth - 1, &spec_text)) return false;
        spec = spec_text;
    }
    return format_into(v, spec, VAL_NULL, out);
}

// Renders a format string; `depth` bounds nesting of fields inside format specs (CPython allows two levels).
bool render(std::string_view fmt, FormatArgs* fa, int depth, std::string* out) {
    if (depth <= 0) {
        raise(T.e_ValueError, "Max string recursion exceeded");
        return false;
    }
    size_t i = 0, n = fmt.size();
    while (i < n) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < n && fmt[i + 1] == '}') {
                *out += '}';
                i += 2;
                continue;
            }
            raise(T.e_ValueError, "Single '}' encountered in format string");
            return false;
        }
        if (c != '{') {
            size_t j = i;
            while (j < n && fmt[j] != '{' && fmt[j] != '}') j++;
            out->append(fmt.substr(i, j - i));
            i = j;
            continue;
        }
        if (i + 1 < n && fmt[i + 1] == '{') {
            *out += '{';
            i += 2;
            continue;
        }
        if (i + 1 == n) {
            raise(T.e_ValueError, "Single '{' encountered in format string");
            return false;
        }
        size_t j = i + 1;
        int level = 1;
        for (; j < n; j++) {
            if (fmt[j] == '[') { // brackets in the field name may hold braces
                while (j < n && fmt[j] != ']') j++;
                if (j == n) break;
                continue;
            }
            if (fmt[j] == '{')
                level++;
            else if (fmt[j] == '}' && --level == 0)
                break;
        }
        if (j >= n) {
            raise(T.e_ValueError, "expected '}' before end of string");
            return false;
        }
        if (!render_field(fmt.substr(i + 1, j - i - 1), fa, depth, out)) return false;
        i = j + 1;
    }
    return true;
}

Value str_m_format(Value* args, size_t nargs, TupleObject* kwnames) {
    if (nargs == 0 || !is_kind(args[0], Kind::Str))
        return raise(T.e_TypeError, "descriptor 'format' for 'str' objects needs an argument");
    size_t nkw = kwnames ? kwnames->size : 0;
    size_t npos = nargs - 1 - nkw;
    Value kw = VAL_NULL;
    if (nkw) {
        DictObject* d = dict_new();
        if (!d) return VAL_NULL;
        kw = val(d);
        for (size_t i = 0; i < nkw; i++)
            if (!dict_set(d, kwnames->items[i], args[1 + npos + i])) return VAL_NULL;
    }
    Root rk(kw);
    FormatArgs fa{args + 1, npos, kw, 0, 0};
    std::string out;
    if (!render(SO(args[0])->view(), &fa, 2, &out)) return VAL_NULL;
    return str_new(out);
}

Value str_m_format_map(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 2 || !is_kind(args[0], Kind::Str))
        return raise(T.e_TypeError, "str.format_map() takes exactly one argument (%zu given)",
                     nargs ? nargs - 1 : 0);
    FormatArgs fa{nullptr, 0, args[1], 0, 0};
    std::string out;
    if (!render(SO(args[0])->view(), &fa, 2, &out)) return VAL_NULL;
    return str_new(out);
}

// ---- printf-style formatting ----

// The arguments of `fmt % args` as CPython's PyUnicode_Format sees them: a tuple is a list of arguments,
// anything else one argument; a mapping (not a tuple or str) also serves %(key) conversions.
class PercentArgs : public PrintfArgSource {
public:
    PercentArgs(Value args) {
        if (is_kind(args, Kind::Tuple)) {
            items_ = as<TupleObject>(args)->items;
            count_ = (int64_t)as<TupleObject>(args)->size;
        } else {
            single_ = args;
            count_ = -1;
        }
        TypeObject* t = type_of(args);
        if (t->getitem && !is_kind(args, Kind::Tuple) && !is_kind(args, Kind::Str)) dict_ = args;
    }

    bool select_key(std::string_view key) override {
        if (val_is_null(dict_)) {
            raise(T.e_TypeError, "format requires a mapping");
            return false;
        }
        Value k = str_new(key);
        if (val_is_null(k)) return false;
        Root rk(k);
        Value v = obj_getitem(dict_, k);
        if (val_is_null(v)) return false;
        keyed_ = v; // this conversion takes its value (and any '*') from the mapping entry
        count_ = -1;
        single_ = v;
        taken_ = false;
        return true;
    }

    bool star_arg(bool, int64_t* value) override {
        Value v = next();
        if (val_is_null(v)) return false;
        if (!val_is_int(v) && !val_is_bool(v) && !is_kind(v, Kind::BigInt)) {
            raise(T.e_TypeError, "* wants int");
            return false;
        }
        return to_int64(v, value, "*");
    }

    Value next() {
        if (count_ >= 0) {
            if (index_ < count_) return items_[index_++];
        } else if (!taken_) {
            taken_ = true;
            return single_;
        }
        return raise(T.e_TypeError, "not enough arguments for format string");
    }

    bool all_used() const {
        if (!val_is_null(dict_)) return true;
        return count_ >= 0 ? index_ >= count_ : taken_;
    }

    Value keyed_ = VAL_NULL;
    Value dict_ = VAL_NULL;

private:
    Value* items_ = nullptr;
    int64_t count_ = 0;
    int64_t index_ = 0;
    Value single_ = VAL_NULL;
    bool taken_ = false;
};

// Sign and magnitude digits of an int in base 10, 16 or 8.
bool int_digits(Value v, int base, bool* negative, std::string* digits) {
    if (val_is_bool(v)) v = val_from_int(val_is_true(v));
    if (val_is_int(v)) { // an immediate: no str object needed
        int64_t i = val_int(v);
        uint64_t m = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
        char buf[72];
        size_t n = 0;
        do {
            buf[n++] = "0123456789abcdef"[m % (uint64_t)base];
            m /= (uint64_t)base;
        } while (m);
        *negative = i < 0;
        digits->assign(buf, n);
        std::reverse(digits->begin(), digits->end());
        return true;
    }
    Value s = int_to_str(v, base);
    if (val_is_null(s)) return false;
    std::string_view t = SO(s)->view();
    *negative = !t.empty() && t[0] == '-';
    *digits = std::string(t.substr(*negative ? 1 : 0));
    return true;
}

bool has_dunder(Value v, const char* name) {
    return val_is_obj(v) && !val_is_null(type_lookup(type_of(v), intern(name)));
}

// %d %i %u %x %X %o.
bool printf_int(Value v, const PrintfSpec& spec, char conv, std::string* out) {
    bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
    bool negative = false;
    std::string digits, err;
    Value iv = v;
    Root r(iv);
    if (is_int(v)) {
    } else if (decimal && val_is_float(v)) {
        double d = val_float(v);
        if (d != d) return raise(T.e_ValueError, "cannot convert float NaN to integer"), false;
        if (d == d * 2 && d != 0)
            return raise(T.e_OverflowError, "cannot convert float infinity to integer"), false;
        digits = float_to_int_digits(d);
        negative = digits[0] == '-';
        if (negative) digits.erase(0, 1);
        iv = VAL_NULL;
    } else if (has_dunder(v, "__index__") || (decimal && has_dunder(v, "__int__"))) {
        iv = call1(val(T.t_int), v);
        if (val_is_null(iv)) return false;
    } else {
        raise(T.e_TypeError,
              decimal ? "%%%c format: a real number is required, not %s"
                      : "%%%c format: an integer is required, not %s",
              conv, type_name(v));
        return false;
    }
    if (!val_is_null(iv) && !int_digits(iv, printf_int_base(conv), &negative, &digits)) return false;
    if (!format_printf_int(negative, digits, spec.flags, spec.width, spec.precision, conv, out, &err))
        return raise_numfmt(err), false;
    return true;
}

// %e %E %f %F %g %G.
bool printf_float(Value v, const PrintfSpec& spec, char conv, std::string* out) {
    double d;
    if (val_is_float(v)) {
        d = val_float(v);
    } else if (is_int(v) || has_dunder(v, "__float__") || has_dunder(v, "__index__")) {
        Value f = call1(val(T.t_float), v);
        if (val_is_null(f)) return false;
        d = val_float(f);
    } else {
        raise(T.e_TypeError, "must be real number, not %s", type_name(v));
        return false;
    }
    std::string err;
    if (!format_printf_float(d, spec.flags, spec.width, spec.precision, conv, out, &err))
        return raise_numfmt(err), false;
    return true;
}

// %c: an int code point or a one-character str.
bool printf_char(Value v, const PrintfSpec& spec, std::string* out) {
    std::string text;
    if (is_kind(v, Kind::Str)) {
        if (SO(v)->length != 1) return raise(T.e_TypeError, "%%c requires int or char"), false;
        text = SO(v)->view();
    } else if (is_int(v)) {
        int64_t c;
        if (is_kind(v, Kind::BigInt) || !to_int64(v, &c, "%c") || c < 0 || c > 0x10FFFF) {
            err_clear();
            return raise(T.e_OverflowError, "%%c arg not in range(0x110000)"), false;
        }
        utf8_append(text, (uint32_t)c);
    } else {
        return raise(T.e_TypeError, "%%c requires int or char"), false;
    }
    std::string err;
    if (!format_printf_str(text, spec.flags, spec.width, -1, 'c', out, &err)) return raise_numfmt(err), false;
    return true;
}

bool printf_one(Value v, const PrintfSpec& spec, std::string_view fmt, std::string* out) {
    char conv = spec.conv < 0x80 ? (char)spec.conv : '?';
    switch (conv) {
    case 's':
    case 'r':
    case 'a': {
        Value t = conv == 's' ? obj_str(v) : conv == 'r' ? obj_repr(v) : obj_ascii(v);
        if (val_is_null(t)) return false;
        std::string err;
        if (!format_printf_str(SO(t)->view(), spec.flags, spec.width, spec.precision, conv, out, &err))
            return raise_numfmt(err), false;
        return true;
    }
    case 'c': return printf_char(v, spec, out);
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': return printf_int(v, spec, conv, out);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': return printf_float(v, spec, conv, out);
    }
    // CPython reports the character and its index in code points.
    size_t at = spec.end - 1;
    while (at > 0 && (static_cast<unsigned char>(fmt[at]) & 0xC0) == 0x80) at--;
    size_t index = 0;
    for (size_t i = 0; i < at; i++) index += (static_cast<unsigned char>(fmt[i]) & 0xC0) != 0x80;
    char ch = spec.conv >= 32 && spec.conv <= 126 ? (char)spec.conv : '?';
    raise(T.e_ValueError, "unsupported format character '%c' (0x%x) at index %zu", ch, (unsigned)spec.conv,
          index);
    return false;
}

} // namespace

Value str_mod(Value fmt, Value args) {
    std::string_view f = SO(fmt)->view();
    Root rf(fmt), ra(args);
    PercentArgs pa(args);
    Root rk(pa.keyed_);
    std::string out;
    out.reserve(f.size() + 16);
    size_t i = 0;
    while (i < f.size()) {
        size_t pct = f.find('%', i);
        if (pct == std::string_view::npos) {
            out.append(f.substr(i));
            break;
        }
        out.append(f.substr(i, pct - i));
        if (pct + 1 < f.size() && f[pct + 1] == '%') {
            out += '%';
            i = pct + 2;
            continue;
        }
        PrintfSpec spec;
        std::string err;
        if (!parse_printf_spec(f, pct + 1, &spec, &err, &pa))
            return err.empty() ? VAL_NULL : raise_numfmt(err);
        Value v = pa.next();
        if (val_is_null(v)) return VAL_NULL;
        Root rv(v);
        if (!printf_one(v, spec, f, &out)) return VAL_NULL;
        i = spec.end;
    }
    if (!pa.all_used()) return raise(T.e_TypeError, "not all arguments converted during string formatting");
    return str_new(out);
}

Value convert_value(Value v, int conversion) {
    if (conversion == 0) return v;
    return convert(v, (char)conversion);
}

Value format_value(Value v, Value spec) {
    bool empty = val_is_null(spec) || (is_kind(spec, Kind::Str) && SO(spec)->nbytes == 0);
    if (empty && type_of(v) == T.t_str) return v;
    if (!empty && !is_kind(spec, Kind::Str)) return obj_format(v, spec);
    std::string out;
    if (!format_into(v, empty ? std::string_view() : SO(spec)->view(), empty ? VAL_NULL : spec, &out))
        return VAL_NULL;
    return str_new(out);
}

void init_str_format() {
    static const MethodDef defs[] = {
        {"format", str_m_format, 0},
        {"format_map", str_m_format_map, NF_NOKW},
        {"__format__", str_m_dunder_format, NF_NOKW},
        {"__mod__",
         [](Value* args, size_t nargs, TupleObject*) -> Value {
             if (nargs != 2 || !is_kind(args[0], Kind::Str))
                 return raise(T.e_TypeError, "expected 1 argument");
             return str_mod(args[0], args[1]);
         },
         NF_NOKW},
        {nullptr, nullptr, 0},
    };
    add_methods(T.t_str, defs);
}

} // namespace krait
