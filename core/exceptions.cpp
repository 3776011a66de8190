// exceptions.cpp — raising and matching exceptions, the BaseException family's slots, and printing an uncaught
// exception the way CPython does (traceback entries, chained causes/contexts, SyntaxError's caret layout).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "code.h"
#include "containers.h"
#include "frames.h"
#include "gc.h"
#include "methods.h"
#include "slots.h"
#include "syntax_error.h"
#include "vm.h"

namespace krait {

namespace {

StrObject* S(const char* s) { return intern(s); }

ExceptionObject* alloc_exception(TypeObject* cls) {
    auto* e = gc_new<ExceptionObject>(cls, Kind::Exception);
    if (!e) return nullptr;
    e->shape = cls->root_shape;
    e->args = g_empty_tuple;
    e->cause = VAL_NONE;
    e->context = VAL_NONE;
    return e;
}

// A preallocated MemoryError: raising it must not allocate.
ExceptionObject* g_memory_error = nullptr;

// OSError(errno, strerror) picks the subclass for errno, as CPython does.
TypeObject* oserror_subclass(Value errno_value) {
    if (!val_is_int(errno_value)) return T.e_OSError;
    switch (val_int(errno_value)) {
        case 1: case 13: return T.e_PermissionError;
        case 2: return T.e_FileNotFoundError;
        case 3: return T.e_ProcessLookupError;
        case 4: return T.e_InterruptedError;
        case 10: return T.e_ChildProcessError;
        case 11: case 114: case 115: return T.e_BlockingIOError;
        case 17: return T.e_FileExistsError;
        case 20: return T.e_NotADirectoryError;
        case 21: return T.e_IsADirectoryError;
        case 32: return T.e_BrokenPipeError;
        case 103: return T.e_ConnectionAbortedError;
        case 104: return T.e_ConnectionResetError;
        case 110: return T.e_TimeoutError;
        case 111: return T.e_ConnectionRefusedError;
        default: return T.e_OSError;
    }
}

bool set_attr(Value o, const char* name, Value v) { return instance_set_own(o, intern(name), v); }

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): the attributes are set and args keeps
// (errno, strerror) only.
bool init_oserror(Value ev, Value* args, size_t npos) {
    auto* e = as<ExceptionObject>(ev);
    if (npos < 2 || npos > 5) return true;
    if (!set_attr(ev, "errno", args[0]) || !set_attr(ev, "strerror", args[1])) return false;
    if (npos >= 3 && !set_attr(ev, "filename", args[2])) return false;
    if (npos == 5 && !set_attr(ev, "filename2", args[4])) return false;
    if (npos >= 3) {
        Value t = tuple_pack({args[0], args[1]});
        if (val_is_null(t)) return false;
        e->args = as<TupleObject>(t);
    }
    return true;
}

Value exception_new(TypeObject* cls, Value* args, size_t nargs, TupleObject* kwnames) {
    size_t nkw = kwnames ? kwnames->size : 0;
    size_t npos = nargs - nkw;
    if (cls == T.e_OSError && npos >= 2) cls = oserror_subclass(args[0]);
    ExceptionObject* e = alloc_exception(cls);
    if (!e) return raise_no_memory();
    Value ev = val(e);
    Root r(ev);
    Value t = tuple_from_array(args, npos);
    if (val_is_null(t)) return VAL_NULL;
    e->args = as<TupleObject>(t);
    if (type_is_subtype(cls, T.e_OSError) && !init_oserror(ev, args, npos)) return VAL_NULL;
    if (type_is_subtype(cls, T.e_ImportError)) {
        for (size_t k = 0; k < nkw; k++) {
            std::string_view kw = str_view(kwnames->items[k]);
            if (kw != "name" && kw != "path")
                return raise(T.e_TypeError, "'%.*s' is an invalid keyword argument for %s()", static_cast<int>(kw.size()),
                             kw.data(), cls->name->data);
            if (!set_attr(ev, kw == "name" ? "name" : "path", args[npos + k])) return VAL_NULL;
        }
    }
    return ev;
}

Value exception_init(Value* args, size_t nargs, TupleObject* kwnames) {
    size_t npos = nargs - (kwnames ? kwnames->size : 0);
    bool is_import = is_instance(args[0], T.e_ImportError);
    if (kwnames && kwnames->size && !is_import)
        return raise(T.e_TypeError, "%s() takes no keyword arguments", type_name(args[0]));
    Value t = tuple_from_array(args + 1, npos - 1);
    if (val_is_null(t)) return VAL_NULL;
    as<ExceptionObject>(args[0])->args = as<TupleObject>(t);
    if (is_instance(args[0], T.e_OSError) && !init_oserror(args[0], args + 1, npos - 1)) return VAL_NULL;
    return VAL_NONE;
}

Value exception_str(Value self) {
    auto* e = as<ExceptionObject>(self);
    if (type_is_subtype(e->type, T.e_OSError)) {
        Value err = instance_get_own(self, intern("errno")), msg = instance_get_own(self, intern("strerror"));
        if (!val_is_null(err) && !val_is_null(msg) && !val_is_none(err) && !val_is_none(msg)) {
            Value es = obj_str(err), ms = obj_str(msg);
            if (val_is_null(es) || val_is_null(ms)) return VAL_NULL;
            std::string out = "[Errno " + std::string(str_view(es)) + "] " + std::string(str_view(ms));
            Value fn = instance_get_own(self, intern("filename"));
            if (!val_is_null(fn) && !val_is_none(fn)) {
                Value fr = obj_repr(fn);
                if (val_is_null(fr)) return VAL_NULL;
                out += ": " + std::string(str_view(fr));
            }
            return str_new(out);
        }
    }
    if (e->args->size == 0) return val(intern(""));
    if (e->args->size == 1) {
        if (type_is_subtype(e->type, T.e_KeyError)) return obj_repr(e->args->items[0]);
        return obj_str(e->args->items[0]);
    }
    return obj_str(val(e->args));
}

Value exception_repr(Value self) {
    auto* e = as<ExceptionObject>(self);
    std::string out(e->type->name->view());
    if (e->args->size == 1) {
        Value r = obj_repr(e->args->items[0]);
        if (val_is_null(r)) return r;
        return str_new(out + "(" + std::string(str_view(r)) + ")");
    }
    Value r = obj_repr(val(e->args));
    if (val_is_null(r)) return r;
    std::string_view t = str_view(r);
    if (e->args->size == 0) return str_new(out + "()");
    return str_new(out + std::string(t));
}

Value exception_getattr(Value self, StrObject* name) {
    auto* e = as<ExceptionObject>(self);
    std::string_view n = name->view();
    if (n == "args") return val(e->args);
    if (n == "__cause__") return val_is_null(e->cause) ? VAL_NONE : e->cause;
    if (n == "__context__") return val_is_null(e->context) ? VAL_NONE : e->context;
    if (n == "__suppress_context__") return val_from_bool(e->suppress_context);
    if (n == "__traceback__") return VAL_NONE;
    Value r = generic_getattr(self, name, false);
    if (!val_is_null(r) || err_occurred()) return r;
    if (n == "value" && type_is_subtype(e->type, T.e_StopIteration))
        return e->args->size ? e->args->items[0] : VAL_NONE;
    if (n == "code" && type_is_subtype(e->type, T.e_SystemExit))
        return e->args->size == 0 ? VAL_NONE : e->args->size == 1 ? e->args->items[0] : val(e->args);
    if ((n == "msg" || n == "filename" || n == "lineno" || n == "offset" || n == "text" || n == "end_lineno" ||
         n == "end_offset") &&
        type_is_subtype(e->type, T.e_SyntaxError)) {
        if (n == "msg") return e->args->size ? e->args->items[0] : VAL_NONE;
        if (e->args->size == 2 && is_kind(e->args->items[1], Kind::Tuple)) {
            TupleObject* d = as<TupleObject>(e->args->items[1]);
            size_t i = n == "filename" ? 0 : n == "lineno" ? 1 : n == "offset" ? 2 : n == "text" ? 3
                     : n == "end_lineno" ? 4 : 5;
            if (i < d->size) return d->items[i];
        }
        return VAL_NONE;
    }
    if ((n == "errno" || n == "strerror" || n == "filename" || n == "filename2") &&
        type_is_subtype(e->type, T.e_OSError))
        return VAL_NONE;
    if ((n == "name" || n == "path") && type_is_subtype(e->type, T.e_ImportError)) return VAL_NONE;
    return raise(T.e_AttributeError, "'%s' object has no attribute '%s'", e->type->name->data, name->data);
}

bool exception_setattr(Value self, StrObject* name, Value v) {
    auto* e = as<ExceptionObject>(self);
    std::string_view n = name->view();
    if (n == "args") {
        Value t = tuple_from_iterable(v);
        if (val_is_null(t)) return false;
        e->args = as<TupleObject>(t);
        return true;
    }
    if (n == "__cause__") {
        e->cause = val_is_null(v) ? VAL_NONE : v;
        e->suppress_context = true;
        return true;
    }
    if (n == "__context__") return e->context = val_is_null(v) ? VAL_NONE : v, true;
    if (n == "__suppress_context__") return e->suppress_context = obj_truth(v) > 0, true;
    if (n == "__traceback__") return true;
    return generic_setattr(self, name, v);
}

Value exception_with_traceback(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 2) return raise(T.e_TypeError, "with_traceback() takes exactly one argument");
    return args[0];
}

Value exception_add_note(Value* args, size_t nargs, TupleObject*) {
    if (nargs != 2) return raise(T.e_TypeError, "add_note() takes exactly one argument");
    return VAL_NONE;
}

const MethodDef exception_methods[] = {
    {"__init__", exception_init, 0},
    {"with_traceback", exception_with_traceback, 0},
    {"add_note", exception_add_note, 0},
    {nullptr, nullptr, 0},
};

// ---- printing ----

std::string text_of(Value v) {
    Value s = obj_str(v);
    if (val_is_null(s)) {
        err_clear();
        return "<exception str() failed>";
    }
    return std::string(str_view(s));
}

std::string exception_line(Value exc) {
    TypeObject* t = type_of(exc);
    std::string name(t->name->view());
    std::string mod(t->module->view());
    if (mod != "builtins" && mod != "__main__") name = mod + "." + name;
    std::string msg = text_of(exc);
    return msg.empty() ? name : name + ": " + msg;
}

std::string source_line(const std::string& file, int line) {
    auto it = vm.sources.find(file);
    if (it == vm.sources.end() || line < 1 || static_cast<size_t>(line) > it->second.size()) return "";
    const std::string& s = it->second[line - 1];
    size_t a = s.find_first_not_of(" \t\f");
    if (a == std::string::npos) return "";
    size_t b = s.find_last_not_of(" \t\r\n\f");
    return s.substr(a, b - a + 1);
}

void print_syntax_error_body(ExceptionObject* e, std::string& out) {
    // SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)) as exec.cpp raises it;
    // syntax_error.cpp lays it out exactly as CPython does.
    SyntaxErrorInfo info;
    info.type = std::string(e->type->name->view());
    info.msg = e->args->size ? text_of(e->args->items[0]) : "";
    if (e->args->size == 2 && is_kind(e->args->items[1], Kind::Tuple)) {
        TupleObject* d = as<TupleObject>(e->args->items[1]);
        auto int_at = [&](size_t i) { return i < d->size && val_is_int(d->items[i]) ? static_cast<int>(val_int(d->items[i])) : 0; };
        if (d->size >= 1 && is_kind(d->items[0], Kind::Str)) info.filename = std::string(str_view(d->items[0]));
        info.lineno = int_at(1);
        info.offset = int_at(2);
        if (d->size >= 4 && is_kind(d->items[3], Kind::Str)) info.text = std::string(str_view(d->items[3]));
        info.end_lineno = int_at(4);
        info.end_offset = int_at(5);
    }
    out += format_syntax_error(info);
    if (!out.empty() && out.back() != '\n') out += "\n";
}

void format_one(Value exc, std::string& out) {
    auto* e = as<ExceptionObject>(exc);
    if (e->trace && !e->trace->empty()) {
        out += "Traceback (most recent call last):\n";
        // Like CPython, a run of identical entries (deep recursion) prints three times and then a count.
        constexpr int kRecursiveCutoff = 3;
        const ExcTraceEntry* last = nullptr;
        int repeats = 0;
        auto flush_repeats = [&] {
            if (repeats > kRecursiveCutoff)
                out += "  [Previous line repeated " + std::to_string(repeats - kRecursiveCutoff) + " more time" +
                       (repeats - kRecursiveCutoff > 1 ? "s" : "") + "]\n";
        };
        for (size_t i = e->trace->size(); i-- > 0;) {
            ExcTraceEntry& t = (*e->trace)[i];
            if (last && last->code == t.code && last->line == t.line) {
                if (++repeats > kRecursiveCutoff) continue;
            } else {
                flush_repeats();
                repeats = 1;
                last = &t;
            }
            std::string file(t.code->filename->view());
            out += "  File \"" + file + "\", line " + std::to_string(t.line) + ", in " +
                   std::string(t.code->name->view()) + "\n";
            std::string src = source_line(file, t.line);
            if (!src.empty()) out += "    " + src + "\n";
        }
        flush_repeats();
    }
    if (type_is_subtype(e->type, T.e_SyntaxError)) print_syntax_error_body(e, out);
    else out += exception_line(exc) + "\n";
}

void format_chain(Value exc, std::string& out, int depth) {
    auto* e = as<ExceptionObject>(exc);
    if (depth < 50) {
        if (!val_is_none(e->cause) && !val_is_null(e->cause) && is_kind(e->cause, Kind::Exception)) {
            format_chain(e->cause, out, depth + 1);
            out += "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (!e->suppress_context && is_kind(e->context, Kind::Exception)) {
            format_chain(e->context, out, depth + 1);
            out += "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
    }
    format_one(exc, out);
}

}  // namespace

// ---- the error API ----

Value new_exception(TypeObject* type, std::string_view msg) {
    Value m = str_new(msg);
    if (val_is_null(m)) return VAL_NULL;
    Root r(m);
    return obj_call(val(type), &m, 1, nullptr);
}

Value raise_str(TypeObject* type, std::string_view msg) {
    Value e = new_exception(type, msg);
    if (val_is_null(e)) return VAL_NULL;
    return raise_value(e);
}

Value raise(TypeObject* type, const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    std::string msg;
    if (n >= static_cast<int>(sizeof buf)) {
        msg.resize(n + 1);
        va_start(ap, fmt);
        vsnprintf(msg.data(), n + 1, fmt, ap);
        va_end(ap);
        msg.resize(n);
    } else {
        msg.assign(buf, n < 0 ? 0 : n);
    }
    return raise_str(type, msg);
}

Value raise_no_memory() {
    if (g_memory_error) {
        g_memory_error->context = VAL_NONE;
        g_memory_error->cause = VAL_NONE;
        if (g_memory_error->trace) g_memory_error->trace->clear();
        vm.exc = val(g_memory_error);
    }
    return VAL_NULL;
}

Value raise_value(Value exc) {
    if (is_kind(exc, Kind::Type)) {
        if (!type_is_subtype(as<TypeObject>(exc), T.e_BaseException))
            return raise(T.e_TypeError, "exceptions must derive from BaseException");
        exc = obj_call(exc, nullptr, 0, nullptr);
        if (val_is_null(exc)) return VAL_NULL;
        if (!is_kind(exc, Kind::Exception))
            return raise(T.e_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                         type_name(exc), type_name(exc));
    }
    if (!is_kind(exc, Kind::Exception)) return raise(T.e_TypeError, "exceptions must derive from BaseException");
    auto* e = as<ExceptionObject>(exc);
    // Implicit chaining: an exception raised while another is being handled records it as its context.
    Value handled = topmost_handled();
    if (!val_is_null(handled) && handled.bits != exc.bits && (val_is_none(e->context) || val_is_null(e->context)))
        e->context = handled;
    vm.exc = exc;
    return VAL_NULL;
}

bool err_occurred() { return !val_is_null(vm.exc); }
Value err_fetch() {
    Value e = vm.exc;
    vm.exc = VAL_NULL;
    return e;
}
void err_restore(Value exc) { vm.exc = exc; }
void err_clear() { vm.exc = VAL_NULL; }
bool err_matches(TypeObject* type) { return err_occurred() && is_instance(vm.exc, type); }

bool exc_matches(Value exc, Value type_or_tuple) {
    if (is_kind(type_or_tuple, Kind::Tuple)) {
        TupleObject* t = as<TupleObject>(type_or_tuple);
        for (size_t i = 0; i < t->size; i++)
            if (exc_matches(exc, t->items[i])) return true;
        return false;
    }
    return is_kind(type_or_tuple, Kind::Type) && is_instance(exc, as<TypeObject>(type_or_tuple));
}

void print_exception(Value exc) {
    std::string out;
    if (is_kind(exc, Kind::Exception)) format_chain(exc, out, 0);
    else out = "Error: non-exception raised\n";
    fflush(stdout);
    fputs(out.c_str(), stderr);
    fflush(stderr);
}

void init_exception_slots() {
    TypeObject* b = T.e_BaseException;
    b->new_fn = exception_new, b->str = exception_str, b->repr = exception_repr;
    b->getattr = exception_getattr, b->setattr = exception_setattr;
    add_methods(b, exception_methods);
    g_memory_error = alloc_exception(T.e_MemoryError);
    gc_make_permanent(g_memory_error);
}

}  // namespace krait
