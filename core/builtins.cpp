// builtins.cpp — the built-in functions (print, len, min, max, sum, sorted, isinstance, getattr, round, pow
// ...) and the built-in iterator types enumerate, zip, map, filter, reversed and callable_iterator.
//
// runtime_init calls init_builtins(builtins dict) after the built-in types are in place (the types themselves
// — int, str, list, range, object, type, super, property ... — are put into builtins by runtime.cpp). Each
// builtin is a native function `Value fn(Value* args, size_t nargs, TupleObject* kwnames)` with
// CPython 3.12's argument rules and error messages. Natives may run Python code (keys, __str__, __next__
// ...): values kept across such calls are rooted. File objects come from file.cpp, number helpers from
// number.cpp.
#include <cmath>
#include <cstdio>
#include <string>

#include "bigint.h"
#include "code.h"
#include "containers.h"
#include "frame.h"
#include "gc.h"
#include "methods.h"
#include "numfmt.h"
#include "runtime.h"
#include "vm.h"

namespace krait {

// From number.cpp.
Value number_index(Value v);
Value number_divmod(Value a, Value b);
Value number_float_to_int(double d);
// From file.cpp.
void init_file_type();
Value file_std_stream(int which);
bool file_write(Value file, std::string_view text);
bool file_flush(Value file);
Value file_readline(Value file);
Value builtin_open(Value* args, size_t nargs, TupleObject* kwnames);

namespace {

StrObject* S(const char* s) {
    return intern(s);
}

size_t npos_of(size_t nargs, TupleObject* kwnames) {
    return nargs - (kwnames ? kwnames->size : 0);
}

// sys.<name> (stdout, stdin ...): the current binding, which programs may replace; the C stream before sys
// exists.
Value sys_attr(const char* name, int fallback) {
    if (vm.sys_module) {
        Value v = dict_get_str(vm.sys_module->dict, S(name));
        if (!val_is_null(v)) return v;
    }
    return file_std_stream(fallback);
}

// ---- output and input ----

// Appends str(v) to out, without creating a str object for the common immediate and str cases.
bool append_str(Value v, std::string* out) {
    if (is_kind(v, Kind::Str) && type_of(v) == T.t_str) {
        out->append(as<StrObject>(v)->view());
        return true;
    }
    if (val_is_int(v)) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", static_cast<long long>(val_int(v)));
        out->append(buf, size_t(n));
        return true;
    }
    if (val_is_float(v)) {
        out->append(float_repr(val_float(v)));
        return true;
    }
    Value s = obj_str(v);
    if (val_is_null(s)) return false;
    out->append(str_view(s));
    return true;
}

// sep / end of print: None or a str.
bool print_text_arg(const char* what, Value v, std::string_view dflt, std::string_view* out) {
    if (val_is_null(v) || val_is_none(v)) return *out = dflt, true;
    if (!is_kind(v, Kind::Str)) {
        raise(T.e_TypeError, "%s must be None or a string, not %s", what, type_name(v));
        return false;
    }
    *out = str_view(v);
    return true;
}

Value b_print(Value* args, size_t nargs, TupleObject* kwnames) {
    size_t npos = npos_of(nargs, kwnames);
    Value sep_v = VAL_NULL, end_v = VAL_NULL, file = VAL_NULL, flush = VAL_NULL;
    for (size_t k = 0; kwnames && k < kwnames->size; k++) {
        std::string_view kw = str_view(kwnames->items[k]);
        Value v = args[npos + k];
        if (kw == "sep")
            sep_v = v;
        else if (kw == "end")
            end_v = v;
        else if (kw == "file")
            file = v;
        else if (kw == "flush")
            flush = v;
        else
            return raise(T.e_TypeError, "'%.*s' is an invalid keyword argument for print()", int(kw.size()),
                         kw.data());
    }
    std::string_view sep, end;
    if (!print_text_arg("sep", sep_v, " ", &sep) || !print_text_arg("end", end_v, "\n", &end))
        return VAL_NULL;
    if (val_is_null(file) || val_is_none(file)) file = sys_attr("stdout", 1);
    if (val_is_none(file)) return VAL_NONE;
    Root rf(file);
    std::string out;
    if (is_kind(file, Kind::File)) {
        // One write for the whole line: the common case.
        for (size_t i = 0; i < npos; i++) {
            if (i) out.append(sep);
            if (!append_str(args[i], &out)) return VAL_NULL;
        }
        out.append(end);
        if (!file_write(file, out)) return VAL_NULL;
    } else {
        // Another object with write(): one call per piece, as CPython makes them.
        for (size_t i = 0; i < npos; i++) {
            if (i && !file_write(file, sep)) return VAL_NULL;
            out.clear();
            if (!append_str(args[i], &out) || !file_write(file, out)) return VAL_NULL;
        }
        if (!file_write(file, end)) return VAL_NULL;
    }
    if (!val_is_null(flush)) {
        int t = obj_truth(flush);
        if (t < 0 || (t && !file_flush(file))) return VAL_NULL;
    }
    return VAL_NONE;
}

Value b_input(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("input", kwnames) || !check_nargs("input", nargs, 0, 1)) return VAL_NULL;
    Value out = sys_attr("stdout", 1);
    Root ro(out);
    if (nargs == 1) {
        std::string prompt;
        if (!append_str(args[0], &prompt)) return VAL_NULL;
        if (!val_is_none(out) && !file_write(out, prompt)) return VAL_NULL;
    }
    if (!val_is_none(out) && !file_flush(out)) return VAL_NULL;
    Value in = sys_attr("stdin", 0);
    if (val_is_none(in)) return raise(T.e_RuntimeError, "input(): lost sys.stdin");
    Value line = file_readline(in);
    if (val_is_null(line)) return line;
    if (!is_kind(line, Kind::Str)) return raise(T.e_TypeError, "object.readline() returned non-string");
    std::string_view s = str_view(line);
    if (s.empty()) return raise(T.e_EOFError, "EOF when reading a line");
    if (s.back() == '\n') return str_new(s.substr(0, s.size() - 1));
    return line;
}

// ---- simple queries ----

Value b_len(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("len", kwnames) || !check_nargs("len", nargs, 1, 1)) return VAL_NULL;
    int64_t n;
    if (!obj_length(args[0], &n)) return VAL_NULL;
    return int_from_i64(n);
}

Value b_repr(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("repr", kwnames) || !check_nargs("repr", nargs, 1, 1)) return VAL_NULL;
    return obj_repr(args[0]);
}

Value b_ascii(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("ascii", kwnames) || !check_nargs("ascii", nargs, 1, 1)) return VAL_NULL;
    return obj_ascii(args[0]);
}

Value b_hash(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("hash", kwnames) || !check_nargs("hash", nargs, 1, 1)) return VAL_NULL;
    int64_t h;
    if (!obj_hash(args[0], &h)) return VAL_NULL;
    return int_from_i64(h);
}

// id(): the object's address; immediates (ints, floats, bools, None) use their bits, so equal immediates,
// which are identical (`is`), have equal ids.
Value b_id(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("id", kwnames) || !check_nargs("id", nargs, 1, 1)) return VAL_NULL;
    return int_from_bigint(big_from_uint64(args[0].bits));
}

Value b_callable(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("callable", kwnames) || !check_nargs("callable", nargs, 1, 1)) return VAL_NULL;
    return val_from_bool(type_of(args[0])->call != nullptr);
}

Value b_abs(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("abs", kwnames) || !check_nargs("abs", nargs, 1, 1)) return VAL_NULL;
    Value v = args[0];
    if (val_is_int(v) && val_int(v) != VAL_INT_MIN)
        return val_from_int(val_int(v) < 0 ? -val_int(v) : val_int(v));
    if (val_is_float(v)) return val_from_float(std::fabs(val_float(v)));
    TypeObject* t = type_of(v);
    if (!t->unary) return raise(T.e_TypeError, "bad operand type for abs(): '%s'", t->name->data);
    return t->unary(v, UnaryOp::Abs);
}

Value b_format(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[2];
    if (!bind_args("format", args, nargs, kwnames, {"value", "format_spec"}, 1, a)) return VAL_NULL;
    Value spec = a[1];
    if (val_is_null(spec))
        spec = val(S(""));
    else if (!is_kind(spec, Kind::Str))
        return raise(T.e_TypeError, "format() argument 2 must be str, not %s", type_name(spec));
    return obj_format(a[0], spec);
}

// ---- characters and integer text ----

Value b_ord(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("ord", kwnames) || !check_nargs("ord", nargs, 1, 1)) return VAL_NULL;
    Value v = args[0];
    if (is_kind(v, Kind::Str)) {
        auto* s = as<StrObject>(v);
        if (s->length != 1)
            return raise(T.e_TypeError, "ord() expected a character, but string of length %zu found",
                         s->length);
        size_t len;
        return val_from_int(utf8_decode(s->data, &len));
    }
    if (is_kind(v, Kind::Bytes)) {
        auto* b = as<BytesObject>(v);
        if (b->size != 1)
            return raise(T.e_TypeError, "ord() expected a character, but string of length %zu found",
                         b->size);
        return val_from_int(static_cast<unsigned char>(b->data[0]));
    }
    return raise(T.e_TypeError, "ord() expected string of length 1, but %s found", type_name(v));
}

Value b_chr(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("chr", kwnames) || !check_nargs("chr", nargs, 1, 1)) return VAL_NULL;
    int64_t cp;
    if (!index_of(args[0], &cp)) {
        if (err_matches(T.e_OverflowError)) {
            err_clear();
            return raise(T.e_OverflowError, "Python int too large to convert to C int");
        }
        return VAL_NULL;
    }
    if (cp < 0 || cp >= 0x110000) return raise(T.e_ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint(uint32_t(cp));
}

// hex(), oct(), bin(): the digits with the prefix after the sign ("-0xff").
Value int_with_prefix(Value* args, size_t nargs, TupleObject* kwnames, const char* name, int base,
                      const char* prefix) {
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return VAL_NULL;
    Value v = number_index(args[0]);
    if (val_is_null(v)) return v;
    Value digits = int_to_str(v, base);
    if (val_is_null(digits)) return digits;
    std::string_view d = str_view(digits);
    std::string out;
    if (!d.empty() && d[0] == '-') out += '-', d.remove_prefix(1);
    out += prefix;
    out.append(d);
    return str_new(out);
}

Value b_hex(Value* a, size_t n, TupleObject* k) {
    return int_with_prefix(a, n, k, "hex", 16, "0x");
}
Value b_oct(Value* a, size_t n, TupleObject* k) {
    return int_with_prefix(a, n, k, "oct", 8, "0o");
}
Value b_bin(Value* a, size_t n, TupleObject* k) {
    return int_with_prefix(a, n, k, "bin", 2, "0b");
}

// ---- arithmetic ----

Value b_divmod(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("divmod", kwnames) || !check_nargs("divmod", nargs, 2, 2)) return VAL_NULL;
    Value a = args[0], b = args[1];
    Value r = number_divmod(a, b);
    if (val_is_null(r) || r.bits != g_not_implemented.bits) return r;
    static StrObject* fwd = intern("__divmod__");
    static StrObject* rev = intern("__rdivmod__");
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    Value m = type_lookup(ta, fwd);
    if (!val_is_null(m)) {
        r = call2(m, a, b);
        if (val_is_null(r) || r.bits != g_not_implemented.bits) return r;
    }
    m = ta != tb ? type_lookup(tb, rev) : VAL_NULL;
    if (!val_is_null(m)) {
        r = call2(m, b, a);
        if (val_is_null(r) || r.bits != g_not_implemented.bits) return r;
    }
    return raise(T.e_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", ta->name->data,
                 tb->name->data);
}

// pow(base, exp, mod) for ints.
Value int_powmod(Value base, Value exp, Value mod) {
    BigInt m = int_to_bigint(mod);
    if (big_is_zero(m)) return raise(T.e_ValueError, "pow() 3rd argument cannot be 0");
    if (val_is_int(base) && val_is_int(exp) && val_is_int(mod) && val_int(exp) >= 0 && val_int(mod) > 0) {
        // All small, positive modulus: square-and-multiply in 128-bit arithmetic.
        int64_t md = val_int(mod), e = val_int(exp);
        int64_t b = val_int(base) % md;
        if (b < 0) b += md;
        __int128 r = 1 % md, x = b;
        while (e > 0) {
            if (e & 1) r = r * x % md;
            x = x * x % md;
            e >>= 1;
        }
        return val_from_int(int64_t(r));
    }
    BigInt out;
    if (!big_powmod(int_to_bigint(base), int_to_bigint(exp), m, &out))
        return raise(T.e_ValueError, "base is not invertible for the given modulus");
    return int_from_bigint(out);
}

Value b_pow(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[3];
    if (!bind_args("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, a)) return VAL_NULL;
    if (val_is_null(a[2]) || val_is_none(a[2])) return binary_op(a[0], a[1], BinOp::Pow, false);
    if (is_int(a[0]) && is_int(a[1]) && is_int(a[2])) return int_powmod(a[0], a[1], a[2]);
    bool numbers = (is_int(a[0]) || val_is_float(a[0])) && (is_int(a[1]) || val_is_float(a[1])) &&
                   (is_int(a[2]) || val_is_float(a[2]));
    if (numbers)
        return raise(T.e_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    static StrObject* dpow = intern("__pow__");
    Value m = type_lookup(type_of(a[0]), dpow);
    // Only classes defined in Python can take a third argument (built-in types' __pow__ wrappers are binary).
    if (!val_is_null(m) && (type_of(a[0])->flags & TF_HEAPTYPE)) {
        Value cargs[3] = {a[0], a[1], a[2]};
        RootArray rc(cargs, 3);
        Value r = obj_call(m, cargs, 3, nullptr);
        if (val_is_null(r) || r.bits != g_not_implemented.bits) return r;
    }
    return raise(T.e_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                 type_name(a[0]), type_name(a[1]), type_name(a[2]));
}

Value b_round(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[2];
    if (!bind_args("round", args, nargs, kwnames, {"number", "ndigits"}, 1, a)) return VAL_NULL;
    bool no_digits = val_is_null(a[1]) || val_is_none(a[1]);
    if (no_digits && val_is_float(a[0])) return number_float_to_int(round_half_even(val_float(a[0])));
    if (no_digits && val_is_int(a[0])) return a[0];
    static StrObject* dround = intern("__round__");
    Value m = type_lookup(type_of(a[0]), dround);
    if (val_is_null(m))
        return raise(T.e_TypeError, "type %s doesn't define __round__ method", type_name(a[0]));
    return no_digits ? call1(m, a[0]) : call2(m, a[0], a[1]);
}

// ---- reductions ----

Value b_any_all(Value* args, size_t nargs, TupleObject* kwnames, bool want_any) {
    const char* name = want_any ? "any" : "all";
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return VAL_NULL;
    Value it = obj_getiter(args[0]);
    if (val_is_null(it)) return it;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? VAL_NULL : val_from_bool(!want_any);
        int t = obj_truth(x);
        if (t < 0) return VAL_NULL;
        if (t == want_any) return val_from_bool(want_any);
    }
}
Value b_any(Value* a, size_t n, TupleObject* k) {
    return b_any_all(a, n, k, true);
}
Value b_all(Value* a, size_t n, TupleObject* k) {
    return b_any_all(a, n, k, false);
}

Value b_minmax(Value* args, size_t nargs, TupleObject* kwnames, bool is_max) {
    const char* name = is_max ? "max" : "min";
    size_t npos = npos_of(nargs, kwnames);
    Value key = VAL_NULL, dflt = VAL_NULL;
    for (size_t k = 0; kwnames && k < kwnames->size; k++) {
        std::string_view kw = str_view(kwnames->items[k]);
        if (kw == "key")
            key = args[npos + k];
        else if (kw == "default")
            dflt = args[npos + k];
        else
            return raise(T.e_TypeError, "'%.*s' is an invalid keyword argument for %s()", int(kw.size()),
                         kw.data(), name);
    }
    if (npos == 0) return raise(T.e_TypeError, "%s expected at least 1 argument, got 0", name);
    if (npos > 1 && !val_is_null(dflt))
        return raise(T.e_TypeError, "Cannot specify a default for %s() with multiple positional arguments",
                     name);
    if (val_is_none(key)) key = VAL_NULL;
    RootVec rv; // [iterator, best item, best key, item, key]
    rv.items.assign(5, VAL_NULL);
    if (npos == 1) {
        rv.items[0] = obj_getiter(args[0]);
        if (val_is_null(rv.items[0])) return VAL_NULL;
    }
    CmpOp op = is_max ? CmpOp::GT : CmpOp::LT;
    for (size_t i = 0;; i++) {
        Value item;
        if (npos == 1) {
            item = iter_next(rv.items[0]);
            if (val_is_null(item)) {
                if (err_occurred()) return VAL_NULL;
                break;
            }
        } else {
            if (i == npos) break;
            item = args[i];
        }
        rv.items[3] = item;
        Value k = item;
        if (!val_is_null(key)) {
            k = call1(key, item);
            if (val_is_null(k)) return VAL_NULL;
        }
        rv.items[4] = k;
        if (val_is_null(rv.items[1])) {
            rv.items[1] = item, rv.items[2] = k;
            continue;
        }
        int c = obj_compare_bool(k, rv.items[2], op);
        if (c < 0) return VAL_NULL;
        if (c) rv.items[1] = item, rv.items[2] = k;
    }
    if (!val_is_null(rv.items[1])) return rv.items[1];
    if (!val_is_null(dflt)) return dflt;
    return raise(T.e_ValueError, "%s() iterable argument is empty", name);
}
Value b_min(Value* a, size_t n, TupleObject* k) {
    return b_minmax(a, n, k, false);
}
Value b_max(Value* a, size_t n, TupleObject* k) {
    return b_minmax(a, n, k, true);
}

// An exact int (or bool) that fits a machine word, as PyLong_AsLongAndOverflow sees it.
bool machine_int(Value v, bool exact, int64_t* out) {
    if (val_is_int(v)) return *out = val_int(v), true;
    if (val_is_bool(v)) return *out = int64_t(v.bits & 1), true;
    if (!is_kind(v, Kind::BigInt) || (exact && type_of(v) != T.t_int)) return false;
    const BigInt& b = as<BigIntObject>(v)->value;
    if (!big_fits_int64(b)) return false;
    return *out = big_to_int64(b), true;
}

// The phases of sum() below share this state; `result` and `item` live in a RootVec.
struct SumState {
    Value it;
    Value* result;
    Value* item;
};

// Phase 1 (CPython's i_result loop): exact ints accumulated in a machine word. Returns 1 when the iterator
// is exhausted (*result is the sum), 0 when another phase must go on from *result, -1 on error.
int sum_ints(SumState& s) {
    int64_t acc;
    if (!machine_int(*s.result, true, &acc) || val_is_bool(*s.result)) return 0;
    for (;;) {
        *s.item = iter_next(s.it);
        if (val_is_null(*s.item)) {
            if (err_occurred()) return -1;
            *s.result = int_from_i64(acc);
            return val_is_null(*s.result) ? -1 : 1;
        }
        int64_t b, sum;
        if (machine_int(*s.item, true, &b) && !__builtin_add_overflow(acc, b, &sum)) {
            acc = sum;
            continue;
        }
        *s.result = int_from_i64(acc);
        if (val_is_null(*s.result)) return -1;
        *s.result = binary_op(*s.result, *s.item, BinOp::Add, false);
        return val_is_null(*s.result) ? -1 : 0;
    }
}

// Phase 2 (CPython's f_result loop): floats with Neumaier's compensated summation; ints that fit a machine
// word (subclasses included, as PyLong_Check) are added as doubles. Same returns as sum_ints.
int sum_floats(SumState& s) {
    if (!val_is_float(*s.result)) return 0;
    double f = val_float(*s.result), c = 0.0;
    for (;;) {
        *s.item = iter_next(s.it);
        if (val_is_null(*s.item)) {
            if (err_occurred()) return -1;
            if (c != 0.0 && std::isfinite(c)) f += c;
            *s.result = val_from_float(f);
            return 1;
        }
        int64_t i;
        if (val_is_float(*s.item)) {
            double x = val_float(*s.item), t = f + x;
            if (std::fabs(f) >= std::fabs(x))
                c += (f - t) + x;
            else
                c += (x - t) + f;
            f = t;
            continue;
        }
        if (machine_int(*s.item, false, &i)) {
            f += double(i);
            continue;
        }
        if (c != 0.0 && std::isfinite(c)) f += c;
        *s.result = binary_op(val_from_float(f), *s.item, BinOp::Add, false);
        return val_is_null(*s.result) ? -1 : 0;
    }
}

// The start argument of sum(), checked: strs and bytes are refused with CPython's hints.
bool sum_start(Value* args, size_t nargs, TupleObject* kwnames, Value* start) {
    size_t npos = npos_of(nargs, kwnames);
    *start = npos > 1 ? args[1] : VAL_NULL;
    if (nargs > 2) return raise(T.e_TypeError, "sum() takes at most 2 arguments (%zu given)", nargs), false;
    for (size_t k = 0; kwnames && k < kwnames->size; k++) {
        std::string_view kw = str_view(kwnames->items[k]);
        if (kw == "start" && npos > 1)
            return raise(T.e_TypeError, "argument for sum() given by name ('start') and position (2)"), false;
        if (kw != "start")
            return raise(T.e_TypeError, "sum() got an unexpected keyword argument '%.*s'", int(kw.size()),
                         kw.data()),
                   false;
        *start = args[npos + k];
    }
    if (npos == 0) return raise(T.e_TypeError, "sum() takes at least 1 positional argument (0 given)"), false;
    if (val_is_null(*start)) *start = val_from_int(0);
    if (is_kind(*start, Kind::Str))
        return raise(T.e_TypeError, "sum() can't sum strings [use ''.join(seq) instead]"), false;
    if (is_kind(*start, Kind::Bytes))
        return raise(T.e_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]"), false;
    return true;
}

// sum(iterable, /, start=0) exactly as CPython 3.12: a machine-int phase, then a float phase with
// compensated summation (so sum([0.1] * 10) == 1.0), then generic `+`.
Value b_sum(Value* args, size_t nargs, TupleObject* kwnames) {
    RootVec rv; // [iterator, result, item]
    rv.items.assign(3, VAL_NULL);
    if (!sum_start(args, nargs, kwnames, &rv.items[1])) return VAL_NULL;
    rv.items[0] = obj_getiter(args[0]);
    if (val_is_null(rv.items[0])) return VAL_NULL;
    SumState s{rv.items[0], &rv.items[1], &rv.items[2]};
    int done = sum_ints(s);
    if (done == 0) done = sum_floats(s);
    if (done < 0) return VAL_NULL;
    if (done > 0) return *s.result;
    for (;;) {
        *s.item = iter_next(s.it);
        if (val_is_null(*s.item)) return err_occurred() ? VAL_NULL : *s.result;
        *s.result = binary_op(*s.result, *s.item, BinOp::Add, false);
        if (val_is_null(*s.result)) return VAL_NULL;
    }
}

// sorted(iterable, /, *, key=None, reverse=False): a new list sorted by list.sort (which owns the semantics).
Value b_sorted(Value* args, size_t nargs, TupleObject* kwnames) {
    size_t npos = npos_of(nargs, kwnames);
    if (npos != 1) return raise(T.e_TypeError, "sorted expected 1 argument, got %zu", npos);
    Value list = list_from_iterable(args[0]);
    if (val_is_null(list)) return list;
    Root rl(list);
    static StrObject* sort = intern("sort");
    Value self;
    Value m = obj_get_method(list, sort, &self);
    if (val_is_null(m)) return m;
    Root rm(m);
    size_t nkw = nargs - npos;
    RootVec cargs;
    if (!val_is_null(self)) cargs.items.push_back(self);
    for (size_t k = 0; k < nkw; k++) cargs.items.push_back(args[npos + k]);
    Value r = obj_call(m, cargs.items.data(), cargs.items.size(), kwnames);
    if (val_is_null(r)) return r;
    return list;
}

// ---- attributes and types ----

bool attr_name(Value v, StrObject** out) {
    if (!is_kind(v, Kind::Str)) {
        raise(T.e_TypeError, "attribute name must be string, not '%s'", type_name(v));
        return false;
    }
    *out = as<StrObject>(v);
    return true;
}

Value b_getattr(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("getattr", kwnames) || !check_nargs("getattr", nargs, 2, 3)) return VAL_NULL;
    StrObject* name;
    if (!attr_name(args[1], &name)) return VAL_NULL;
    if (nargs == 3) return obj_getattr_default(args[0], name, args[2]);
    return obj_getattr(args[0], name);
}

Value b_hasattr(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("hasattr", kwnames) || !check_nargs("hasattr", nargs, 2, 2)) return VAL_NULL;
    StrObject* name;
    if (!attr_name(args[1], &name)) return VAL_NULL;
    Value r = obj_getattr(args[0], name);
    if (!val_is_null(r)) return VAL_TRUE;
    if (!err_matches(T.e_AttributeError)) return VAL_NULL;
    err_clear();
    return VAL_FALSE;
}

Value b_setattr(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("setattr", kwnames) || !check_nargs("setattr", nargs, 3, 3)) return VAL_NULL;
    StrObject* name;
    if (!attr_name(args[1], &name) || !obj_setattr(args[0], name, args[2])) return VAL_NULL;
    return VAL_NONE;
}

Value b_delattr(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("delattr", kwnames) || !check_nargs("delattr", nargs, 2, 2)) return VAL_NULL;
    StrObject* name;
    if (!attr_name(args[1], &name) || !obj_setattr(args[0], name, VAL_NULL)) return VAL_NULL;
    return VAL_NONE;
}

// isinstance/issubclass against a class or a (nested) tuple of classes. -1 on error.
int class_check(Value v, Value cls, bool subclass, int depth) {
    if (is_kind(cls, Kind::Type)) {
        if (!subclass) return is_instance(v, as<TypeObject>(cls));
        return type_is_subtype(as<TypeObject>(v), as<TypeObject>(cls));
    }
    if (is_kind(cls, Kind::Tuple) && depth < 100) {
        auto* t = as<TupleObject>(cls);
        for (size_t i = 0; i < t->size; i++) {
            int r = class_check(v, t->items[i], subclass, depth + 1);
            if (r != 0) return r;
        }
        return 0;
    }
    if (subclass)
        raise(T.e_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    else
        raise(T.e_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

Value b_isinstance(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("isinstance", kwnames) || !check_nargs("isinstance", nargs, 2, 2)) return VAL_NULL;
    if (is_kind(args[1], Kind::Type)) return val_from_bool(is_instance(args[0], as<TypeObject>(args[1])));
    int r = class_check(args[0], args[1], false, 0);
    return r < 0 ? VAL_NULL : val_from_bool(r);
}

Value b_issubclass(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("issubclass", kwnames) || !check_nargs("issubclass", nargs, 2, 2)) return VAL_NULL;
    if (!is_kind(args[0], Kind::Type)) return raise(T.e_TypeError, "issubclass() arg 1 must be a class");
    int r = class_check(args[0], args[1], true, 0);
    return r < 0 ? VAL_NULL : val_from_bool(r);
}

// The locals of the running Python frame as a dict (a snapshot for function frames).
Value frame_locals() {
    Frame* f = vm.frame;
    if (!f) return val(dict_new());
    if (!val_is_null(f->locals_dict)) return f->locals_dict;
    DictObject* d = dict_new();
    if (!d) return raise_no_memory();
    CodeObject* code = f->code;
    for (uint32_t i = 0; i < code->nlocalsplus; i++) {
        Value v = f->localsplus()[i];
        if ((code->localsplus_kinds[i] & (LK_CELL | LK_FREE)) && is_kind(v, Kind::Cell))
            v = as<CellObject>(v)->ref;
        if (!val_is_null(v)) dict_set_str(d, code->localsplus_names[i], v);
    }
    return val(d);
}

Value b_globals(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("globals", kwnames) || !check_nargs("globals", nargs, 0, 0)) return VAL_NULL;
    if (!vm.frame) return val(vm.builtins);
    return val(vm.frame->globals);
}

Value b_locals(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("locals", kwnames) || !check_nargs("locals", nargs, 0, 0)) return VAL_NULL;
    return frame_locals();
}

Value b_vars(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("vars", kwnames) || !check_nargs("vars", nargs, 0, 1)) return VAL_NULL;
    if (nargs == 0) return frame_locals();
    Value d = obj_getattr(args[0], S("__dict__"));
    if (val_is_null(d) && err_matches(T.e_AttributeError)) {
        err_clear();
        return raise(T.e_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

// exit() / quit(): raise SystemExit(code).
Value b_exit(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[1];
    if (!bind_args("exit", args, nargs, kwnames, {"code"}, 0, a)) return VAL_NULL;
    Value code = val_is_null(a[0]) ? VAL_NONE : a[0];
    Value exc = obj_call(val(T.e_SystemExit), &code, val_is_none(code) ? 0 : 1, nullptr);
    if (val_is_null(exc)) return exc;
    return raise_value(exc);
}

Value b_next(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("next", kwnames) || !check_nargs("next", nargs, 1, 2)) return VAL_NULL;
    TypeObject* t = type_of(args[0]);
    if (!t->next) return raise(T.e_TypeError, "'%s' object is not an iterator", t->name->data);
    Value r = t->next(args[0]);
    if (!val_is_null(r)) return r;
    if (err_occurred()) {
        if (nargs == 1 || !err_matches(T.e_StopIteration)) return VAL_NULL;
        err_clear();
    }
    if (nargs == 2) return args[1];
    return raise_value(val(T.e_StopIteration));
}

// ---- iterator types ----

TypeObject* t_enumerate = nullptr;
TypeObject* t_zip = nullptr;
TypeObject* t_map = nullptr;
TypeObject* t_filter = nullptr;
TypeObject* t_reversed = nullptr;
TypeObject* t_callable_iterator = nullptr;

// enumerate: src = iterator, index = next count (aux = next count as a big int once it is one).
Value enumerate_next(IterObject* it) {
    Value item = iter_next(it->src);
    if (val_is_null(item)) return item;
    Root ri(item);
    Value count;
    if (val_is_null(it->aux)) {
        count = int_from_i64(it->index);
        if (it->index == INT64_MAX)
            it->aux = binary_op(count, val_from_int(1), BinOp::Add, false);
        else
            it->index++;
    } else {
        count = it->aux;
        it->aux = binary_op(count, val_from_int(1), BinOp::Add, false);
    }
    if (val_is_null(count)) return count;
    return tuple_pack({count, item});
}

Value enumerate_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[2];
    if (!bind_args("enumerate", args, nargs, kwnames, {"iterable", "start"}, 1, a)) return VAL_NULL;
    int64_t start = 0;
    Value big = VAL_NULL;
    if (!val_is_null(a[1])) {
        if (!is_int(a[1]))
            return raise(T.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
        if (!val_is_int(a[1]) && !val_is_bool(a[1]))
            big = number_index(a[1]);
        else if (!to_int64(a[1], &start, "start"))
            return VAL_NULL;
    }
    Root rb(big);
    Value src = obj_getiter(a[0]);
    if (val_is_null(src)) return src;
    return make_iter(cls, enumerate_next, src, big, start, 0, 1);
}

// zip: src = tuple of iterators, index = strict flag.
Value zip_mismatch(size_t i, bool longer) {
    if (i == 1)
        return raise(T.e_ValueError, "zip() argument 2 is %s than argument 1", longer ? "longer" : "shorter");
    return raise(T.e_ValueError, "zip() argument %zu is %s than arguments 1-%zu", i + 1,
                 longer ? "longer" : "shorter", i);
}

Value zip_next(IterObject* it) {
    auto* iters = as<TupleObject>(it->src);
    size_t n = iters->size;
    if (n == 0) return VAL_NULL;
    TupleObject* t = tuple_new(n);
    if (!t) return raise_no_memory();
    Value tv = val(t);
    Root rt(tv);
    for (size_t i = 0; i < n; i++) {
        Value x = iter_next(iters->items[i]);
        if (!val_is_null(x)) {
            t->items[i] = x;
            continue;
        }
        if (err_occurred() || !it->index) return VAL_NULL;
        // strict=True: every iterator must be exhausted at the same time.
        if (i > 0) return zip_mismatch(i, false);
        for (size_t j = 1; j < n; j++) {
            Value y = iter_next(iters->items[j]);
            if (!val_is_null(y)) return zip_mismatch(j, true);
            if (err_occurred()) return VAL_NULL;
        }
        return VAL_NULL;
    }
    return tv;
}

// A tuple of iterators over args[first..last).
Value iterators_of(Value* args, size_t first, size_t last) {
    TupleObject* t = tuple_new(last - first);
    if (!t) return raise_no_memory();
    Value tv = val(t);
    Root rt(tv);
    for (size_t i = first; i < last; i++) {
        Value x = obj_getiter(args[i]);
        if (val_is_null(x)) return x;
        t->items[i - first] = x;
    }
    return tv;
}

Value zip_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    size_t npos = npos_of(nargs, kwnames);
    bool strict = false;
    for (size_t k = 0; kwnames && k < kwnames->size; k++) {
        std::string_view kw = str_view(kwnames->items[k]);
        if (kw != "strict")
            return raise(T.e_TypeError, "'%.*s' is an invalid keyword argument for zip()", int(kw.size()),
                         kw.data());
        int t = obj_truth(args[npos + k]);
        if (t < 0) return VAL_NULL;
        strict = t;
    }
    Value iters = iterators_of(args, 0, npos);
    if (val_is_null(iters)) return iters;
    return make_iter(cls, zip_next, iters, VAL_NULL, strict, 0, 1);
}

// map: src = tuple of iterators, aux = function.
Value map_next(IterObject* it) {
    auto* iters = as<TupleObject>(it->src);
    size_t n = iters->size;
    RootVec callargs;
    callargs.items.reserve(n);
    for (size_t i = 0; i < n; i++) {
        Value x = iter_next(iters->items[i]);
        if (val_is_null(x)) return x;
        callargs.items.push_back(x);
    }
    Value f = it->aux;
    return obj_call(f, callargs.items.data(), n, nullptr);
}

Value map_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("map", kwnames)) return VAL_NULL;
    if (nargs < 2) return raise(T.e_TypeError, "map() must have at least two arguments.");
    Value iters = iterators_of(args, 1, nargs);
    if (val_is_null(iters)) return iters;
    return make_iter(cls, map_next, iters, args[0], 0, 0, 1);
}

// filter: src = iterator, aux = predicate (None: truth of the item).
Value filter_next(IterObject* it) {
    for (;;) {
        Value item = iter_next(it->src);
        if (val_is_null(item)) return item;
        Root ri(item);
        int t;
        if (val_is_none(it->aux) || it->aux.bits == val(T.t_bool).bits) {
            t = obj_truth(item);
        } else {
            Value r = call1(it->aux, item);
            if (val_is_null(r)) return r;
            t = obj_truth(r);
        }
        if (t < 0) return VAL_NULL;
        if (t) return item;
    }
}

Value filter_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("filter", kwnames) || !check_nargs("filter", nargs, 2, 2)) return VAL_NULL;
    Value src = obj_getiter(args[1]);
    if (val_is_null(src)) return src;
    return make_iter(cls, filter_next, src, args[0], 0, 0, 1);
}

// reversed over a sequence: src = sequence, index = next index (counts down to -1).
Value reversed_next(IterObject* it) {
    if (it->index < 0) return VAL_NULL;
    Value r = obj_getitem(it->src, int_from_i64(it->index));
    if (val_is_null(r)) {
        if (err_matches(T.e_IndexError) || err_matches(T.e_StopIteration)) err_clear();
        it->index = -1;
        return VAL_NULL;
    }
    it->index--;
    return r;
}

Value reversed_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("reversed", kwnames) || !check_nargs("reversed", nargs, 1, 1)) return VAL_NULL;
    Value seq = args[0];
    TypeObject* t = type_of(seq);
    static StrObject* drev = intern("__reversed__");
    Value m = type_lookup(t, drev);
    if (!val_is_null(m)) {
        if (val_is_none(m)) return raise(T.e_TypeError, "'%s' object is not reversible", t->name->data);
        return call1(m, seq);
    }
    if (!t->getitem || !t->length || is_kind(seq, Kind::Dict))
        return raise(T.e_TypeError, "'%s' object is not reversible", t->name->data);
    int64_t n;
    if (!obj_length(seq, &n)) return VAL_NULL;
    return make_iter(cls, reversed_next, seq, VAL_NULL, n - 1, 0, -1);
}

// iter(callable, sentinel): src = callable, aux = sentinel.
Value callable_iter_next(IterObject* it) {
    Value r = call0(it->src);
    if (val_is_null(r)) {
        if (err_matches(T.e_StopIteration)) err_clear();
        return r;
    }
    Root rr(r);
    int eq = obj_eq(r, it->aux);
    if (eq < 0) return VAL_NULL;
    return eq ? VAL_NULL : r;
}

Value b_iter(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("iter", kwnames) || !check_nargs("iter", nargs, 1, 2)) return VAL_NULL;
    if (nargs == 1) return obj_getiter(args[0]);
    if (!type_of(args[0])->call)
        return raise(T.e_TypeError, "iter(object, sentinel): object must be callable");
    return make_iter(t_callable_iterator, callable_iter_next, args[0], args[1], 0, 0, 1);
}

TypeObject* iter_type(const char* name, NewFn new_fn) {
    TypeObject* t = make_builtin_type(name, nullptr, Kind::Iter);
    t->new_fn = new_fn;
    add_slot_wrappers(t);
    return t;
}

const MethodDef builtin_functions[] = {
    {"print", b_print, 0},
    {"input", b_input, 0},
    {"open", builtin_open, 0},
    {"len", b_len, 0},
    {"repr", b_repr, 0},
    {"ascii", b_ascii, 0},
    {"hash", b_hash, 0},
    {"id", b_id, 0},
    {"callable", b_callable, 0},
    {"abs", b_abs, 0},
    {"format", b_format, 0},
    {"ord", b_ord, 0},
    {"chr", b_chr, 0},
    {"hex", b_hex, 0},
    {"oct", b_oct, 0},
    {"bin", b_bin, 0},
    {"divmod", b_divmod, 0},
    {"pow", b_pow, 0},
    {"round", b_round, 0},
    {"any", b_any, 0},
    {"all", b_all, 0},
    {"min", b_min, 0},
    {"max", b_max, 0},
    {"sum", b_sum, 0},
    {"sorted", b_sorted, 0},
    {"getattr", b_getattr, 0},
    {"hasattr", b_hasattr, 0},
    {"setattr", b_setattr, 0},
    {"delattr", b_delattr, 0},
    {"isinstance", b_isinstance, 0},
    {"issubclass", b_issubclass, 0},
    {"globals", b_globals, 0},
    {"locals", b_locals, 0},
    {"vars", b_vars, 0},
    {"exit", b_exit, 0},
    {"quit", b_exit, 0},
    {"next", b_next, 0},
    {"iter", b_iter, 0},
    {nullptr, nullptr, 0},
};

} // namespace

void init_builtins(DictObject* b) {
    init_file_type();
    add_functions(b, builtin_functions);
    t_enumerate = iter_type("enumerate", enumerate_new);
    t_zip = iter_type("zip", zip_new);
    t_map = iter_type("map", map_new);
    t_filter = iter_type("filter", filter_new);
    t_reversed = iter_type("reversed", reversed_new);
    t_callable_iterator = iter_type("callable_iterator", nullptr);
    for (TypeObject* t : {t_enumerate, t_zip, t_map, t_filter, t_reversed}) dict_set_str(b, t->name, val(t));
}

} // namespace krait
