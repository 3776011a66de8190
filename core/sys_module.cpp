// sys_module.cpp — the `sys` module: argv, exit(), the standard streams, the recursion limit, version and
// implementation data, modules/path, the int<->str digit limit, intern(), getsizeof() and exc_info().
// runtime_init calls init_sys_module(argc, argv, script_arg) once, after init_builtins (which creates the
// file type and the standard stream objects); vm.sys_module then holds the result.
//
// version_info, float_info, int_info and implementation are "struct sequences": tuples of a small tuple
// subtype whose fields are also attributes and whose repr names them, like CPython's.
#include <cfloat>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include <sys/stat.h>

#include "bigint.h"
#include "containers.h"
#include "frames.h"
#include "gc.h"
#include "methods.h"
#include "runtime.h"
#include "vm.h"

namespace krait {

// From number.cpp and file.cpp.
extern uint64_t g_int_max_str_digits;
Value file_std_stream(int which);

namespace {

StrObject* S(const char* s) {
    return intern(s);
}

// ---- struct sequences ----

struct StructSeqType {
    TypeObject* type;
    const char* repr_prefix; // "sys.version_info" or "namespace"
    std::vector<const char*> fields;
};

constexpr int kMaxSeqTypes = 8;
StructSeqType* g_seq_types[kMaxSeqTypes];
int g_nseq_types = 0;

StructSeqType* seq_type_of(TypeObject* t) {
    for (int i = 0; i < g_nseq_types; i++)
        if (g_seq_types[i]->type == t) return g_seq_types[i];
    return nullptr;
}

Value seq_getattr(Value self, StrObject* name) {
    StructSeqType* st = seq_type_of(type_of(self));
    auto* t = as<TupleObject>(self);
    for (size_t i = 0; st && i < st->fields.size(); i++)
        if (name->view() == st->fields[i]) return t->items[i];
    return generic_getattr(self, name, true);
}

Value seq_repr(Value self) {
    StructSeqType* st = seq_type_of(type_of(self));
    auto* t = as<TupleObject>(self);
    std::string out = std::string(st->repr_prefix) + "(";
    for (size_t i = 0; i < st->fields.size(); i++) {
        Value r = obj_repr(t->items[i]);
        if (val_is_null(r)) return r;
        if (i) out += ", ";
        out += st->fields[i];
        out += '=';
        out.append(str_view(r));
    }
    return str_new(out + ")");
}

StructSeqType* make_seq_type(const char* name, const char* repr_prefix, std::vector<const char*> fields) {
    TypeObject* t = make_builtin_type(name, T.t_tuple, Kind::Tuple);
    t->module = S("sys");
    t->getattr = seq_getattr;
    t->repr = seq_repr;
    t->new_fn = nullptr;
    add_slot_wrappers(t);
    auto* st = new StructSeqType{t, repr_prefix, std::move(fields)};
    if (g_nseq_types < kMaxSeqTypes) g_seq_types[g_nseq_types++] = st;
    return st;
}

// An instance holding `values` (one per field).
Value make_seq(StructSeqType* st, std::initializer_list<Value> values) {
    Value t = tuple_from_array(values.begin(), values.size());
    if (val_is_null(t)) return t;
    obj(t)->type = st->type;
    gc_make_permanent(obj(t));
    return t;
}

// ---- functions ----

Value s_exit(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("exit", kwnames) || !check_nargs("exit", nargs, 0, 1)) return VAL_NULL;
    Value exc = obj_call(val(T.e_SystemExit), args, nargs, nullptr);
    if (val_is_null(exc)) return exc;
    return raise_value(exc);
}

Value s_getrecursionlimit(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("getrecursionlimit", kwnames) || !check_nargs("getrecursionlimit", nargs, 0, 0))
        return VAL_NULL;
    return val_from_int(vm.recursion_limit);
}

Value s_setrecursionlimit(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("setrecursionlimit", kwnames) || !check_nargs("setrecursionlimit", nargs, 1, 1))
        return VAL_NULL;
    if (val_is_float(args[0]))
        return raise(T.e_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n;
    if (!to_int64(args[0], &n, "limit")) return VAL_NULL;
    if (n < 1) return raise(T.e_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT32_MAX) return raise(T.e_OverflowError, "Python int too large to convert to C int");
    if (n <= vm.depth)
        return raise(T.e_RecursionError,
                     "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                     (long long)n, vm.depth);
    vm.recursion_limit = int(n);
    return VAL_NONE;
}

Value s_get_int_max_str_digits(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("get_int_max_str_digits", kwnames) || !check_nargs("get_int_max_str_digits", nargs, 0, 0))
        return VAL_NULL;
    return int_from_i64(int64_t(g_int_max_str_digits));
}

Value s_set_int_max_str_digits(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[1];
    if (!bind_args("set_int_max_str_digits", args, nargs, kwnames, {"maxdigits"}, 1, a)) return VAL_NULL;
    int64_t n;
    if (!to_int64(a[0], &n, "maxdigits")) return VAL_NULL;
    if (n != 0 && n < 640) return raise(T.e_ValueError, "maxdigits must be 0 or larger than 640");
    g_int_max_str_digits = uint64_t(n);
    return VAL_NONE;
}

Value s_intern(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("intern", kwnames) || !check_nargs("intern", nargs, 1, 1)) return VAL_NULL;
    if (!is_kind(args[0], Kind::Str) || type_of(args[0]) != T.t_str)
        return raise(T.e_TypeError, "intern() argument must be str, not %s", type_name(args[0]));
    return val(intern(str_view(args[0])));
}

// Approximately CPython's sizes on 64-bit builds; Krait's own layouts differ (immediates take no memory).
Value s_getsizeof(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[2];
    if (!bind_args("getsizeof", args, nargs, kwnames, {"object", "default"}, 1, a)) return VAL_NULL;
    Value v = a[0];
    int64_t size = 56;
    if (val_is_bool(v) || val_is_int(v))
        size = 28;
    else if (val_is_float(v))
        size = 24;
    else if (val_is_none(v))
        size = 16;
    else if (is_kind(v, Kind::BigInt))
        size = 24 + 4 * int64_t((big_bit_length(as<BigIntObject>(v)->value) + 29) / 30);
    else if (is_kind(v, Kind::Str))
        size = 41 + int64_t(as<StrObject>(v)->nbytes) + (as<StrObject>(v)->ascii ? 0 : 33);
    else if (is_kind(v, Kind::Bytes))
        size = 33 + int64_t(as<BytesObject>(v)->size);
    else if (is_kind(v, Kind::Tuple))
        size = 40 + 8 * int64_t(as<TupleObject>(v)->size);
    else if (is_kind(v, Kind::List))
        size = 56 + 8 * int64_t(as<ListObject>(v)->capacity);
    else if (is_kind(v, Kind::Dict))
        size = dict_size(as<DictObject>(v)) ? 184 + 8 * int64_t(as<DictObject>(v)->table.capacity) : 64;
    else if (is_kind(v, Kind::Set))
        size = 216;
    return int_from_i64(size);
}

Value s_exc_info(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("exc_info", kwnames) || !check_nargs("exc_info", nargs, 0, 0)) return VAL_NULL;
    Value e = topmost_handled();
    if (val_is_null(e)) return tuple_pack({VAL_NONE, VAL_NONE, VAL_NONE});
    return tuple_pack({val(type_of(e)), e, VAL_NONE});
}

Value s_exception(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("exception", kwnames) || !check_nargs("exception", nargs, 0, 0)) return VAL_NULL;
    Value e = topmost_handled();
    return val_is_null(e) ? VAL_NONE : e;
}

Value s_utf8(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("getdefaultencoding", kwnames) || !check_nargs("getdefaultencoding", nargs, 0, 0))
        return VAL_NULL;
    return val(S("utf-8"));
}

const MethodDef sys_functions[] = {
    {"exit", s_exit, 0},
    {"getrecursionlimit", s_getrecursionlimit, 0},
    {"setrecursionlimit", s_setrecursionlimit, 0},
    {"get_int_max_str_digits", s_get_int_max_str_digits, 0},
    {"set_int_max_str_digits", s_set_int_max_str_digits, 0},
    {"intern", s_intern, 0},
    {"getsizeof", s_getsizeof, 0},
    {"exc_info", s_exc_info, 0},
    {"exception", s_exception, 0},
    {"getdefaultencoding", s_utf8, 0},
    {"getfilesystemencoding", s_utf8, 0},
    {nullptr, nullptr, 0},
};

Value str_of(const char* s) {
    return val(S(s));
}

// A permanent list of strs.
Value str_list(char** items, int n) {
    ListObject* l = list_new();
    gc_make_permanent(l);
    for (int i = 0; i < n; i++) list_append(l, str_new(items[i]));
    return val(l);
}

void set(DictObject* d, const char* name, Value v) {
    dict_set_str(d, S(name), v);
}

void add_version_data(DictObject* d) {
    StructSeqType* vi = make_seq_type("version_info", "sys.version_info",
                                      {"major", "minor", "micro", "releaselevel", "serial"});
    Value version_info =
        make_seq(vi, {val_from_int(3), val_from_int(12), val_from_int(0), str_of("final"), val_from_int(0)});
    set(d, "version_info", version_info);
    set(d, "version", str_of("3.12.0 (Krait 0.1, a Python 3.12 runtime)"));
    set(d, "hexversion", val_from_int(0x030C00F0));
    StructSeqType* ns =
        make_seq_type("SimpleNamespace", "namespace", {"name", "cache_tag", "version", "hexversion"});
    Value kv =
        make_seq(vi, {val_from_int(0), val_from_int(1), val_from_int(0), str_of("alpha"), val_from_int(0)});
    set(d, "implementation", make_seq(ns, {str_of("krait"), VAL_NONE, kv, val_from_int(0x000100A0)}));
    StructSeqType* fi = make_seq_type("float_info", "sys.float_info",
                                      {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                                       "mant_dig", "epsilon", "radix", "rounds"});
    set(d, "float_info",
        make_seq(fi, {val_from_float(DBL_MAX), val_from_int(DBL_MAX_EXP), val_from_int(DBL_MAX_10_EXP),
                      val_from_float(DBL_MIN), val_from_int(DBL_MIN_EXP), val_from_int(DBL_MIN_10_EXP),
                      val_from_int(DBL_DIG), val_from_int(DBL_MANT_DIG), val_from_float(DBL_EPSILON),
                      val_from_int(FLT_RADIX), val_from_int(1)}));
    StructSeqType* ii = make_seq_type(
        "int_info", "sys.int_info",
        {"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"});
    set(d, "int_info",
        make_seq(ii, {val_from_int(30), val_from_int(4), val_from_int(int64_t(kBigDefaultMaxStrDigits)),
                      val_from_int(640)}));
}

// -X options as sys._xoptions: "-X name=value" -> {'name': 'value'}, "-X name" -> {'name': True}.
Value xoptions() {
    DictObject* d = dict_new();
    gc_make_permanent(d);
    for (const std::string& x : vm.options.xopts) {
        size_t eq = x.find('=');
        if (eq == std::string::npos)
            dict_set(d, str_new(x), VAL_TRUE);
        else
            dict_set(d, str_new(x.substr(0, eq)), str_new(x.substr(eq + 1)));
    }
    return val(d);
}

// sys.path[0]: the absolute directory of the script, or '' when the program is not a file (-c, stdin).
// (main.cpp sets vm.script_dir only after runtime_init, so this looks at the argument itself.)
std::string script_directory(const char* script) {
    struct stat st;
    if (!script || stat(script, &st) != 0 || !S_ISREG(st.st_mode)) return "";
    std::string s(script);
    size_t slash = s.find_last_of('/');
    std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : s.substr(0, slash);
    char buf[PATH_MAX];
    return realpath(dir.c_str(), buf) ? std::string(buf) : dir;
}

} // namespace

ModuleObject* init_sys_module(int argc, char** argv, int script_arg) {
    ModuleObject* m = module_new("sys");
    gc_make_permanent(m);
    DictObject* d = m->dict;
    add_functions(d, sys_functions);
    static char empty[] = "";
    static char* no_args[] = {empty};
    bool have_script = argv && script_arg >= 0 && script_arg < argc;
    set(d, "argv", have_script ? str_list(argv + script_arg, argc - script_arg) : str_list(no_args, 1));
    set(d, "orig_argv", argv ? str_list(argv, argc) : str_list(no_args, 0));
    set(d, "executable", str_of(argv && argc > 0 ? argv[0] : ""));
    const char* names[] = {"stdin", "stdout", "stderr"};
    for (int i = 0; i < 3; i++) {
        set(d, names[i], file_std_stream(i));
        set(d, (std::string("__") + names[i] + "__").c_str(), file_std_stream(i));
    }
    set(d, "maxsize", int_from_i64(INT64_MAX));
    set(d, "maxunicode", val_from_int(0x10FFFF));
    set(d, "byteorder", str_of("little"));
#ifdef __EMSCRIPTEN__
    set(d, "platform", str_of("emscripten"));
#else
    set(d, "platform", str_of("linux"));
#endif
    if (vm.modules) set(d, "modules", val(vm.modules));
    ListObject* path = list_new();
    gc_make_permanent(path);
    list_append(path, str_new(script_directory(have_script ? argv[script_arg] : nullptr)));
    set(d, "path", val(path));
    set(d, "builtin_module_names",
        tuple_pack({str_of("builtins"), str_of("math"), str_of("sys"), str_of("time")}));
    set(d, "_xoptions", xoptions());
    set(d, "dont_write_bytecode", VAL_TRUE);
    add_version_data(d);
    return m;
}

} // namespace krait
