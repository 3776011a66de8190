// args.cpp — argument binding for native functions, with CPython's error messages.
// Convention (object.h): args holds the positional arguments followed by the keyword values; nargs counts both;
// kwnames names the trailing keyword values.
#include <cstring>

#include "containers.h"

namespace krait {

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) return true;
    if (min == max) {
        if (min == 0) raise(T.e_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
        else if (min == 1) raise(T.e_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
        else raise(T.e_TypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
    } else if (nargs < min) {
        raise(T.e_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s", nargs);
    } else {
        raise(T.e_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s", nargs);
    }
    return false;
}

bool no_kwargs(const char* fname, TupleObject* kwnames) {
    if (!kwnames || kwnames->size == 0) return true;
    raise(T.e_TypeError, "%s() takes no keyword arguments", fname);
    return false;
}

bool bind_args(const char* fname, Value* args, size_t nargs, TupleObject* kwnames,
               std::initializer_list<const char*> names, size_t nrequired, Value* out) {
    size_t nparams = names.size();
    size_t nkw = kwnames ? kwnames->size : 0;
    size_t npos = nargs - nkw;
    for (size_t i = 0; i < nparams; i++) out[i] = VAL_NULL;
    if (npos > nparams) {
        raise(T.e_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, nparams, nparams == 1 ? "" : "s",
              npos);
        return false;
    }
    for (size_t i = 0; i < npos; i++) out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        std::string_view kw = str_view(kwnames->items[k]);
        size_t i = 0;
        for (const char* n : names) {
            if (kw == n) break;
            i++;
        }
        if (i == nparams) {
            raise(T.e_TypeError, "%s() got an unexpected keyword argument '%.*s'", fname, static_cast<int>(kw.size()),
                  kw.data());
            return false;
        }
        if (!val_is_null(out[i])) {
            raise(T.e_TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname,
                  names.begin()[i], i + 1);
            return false;
        }
        out[i] = args[npos + k];
    }
    for (size_t i = 0; i < nrequired; i++) {
        if (val_is_null(out[i])) {
            raise(T.e_TypeError, "%s() missing required argument '%s' (pos %zu)", fname, names.begin()[i], i + 1);
            return false;
        }
    }
    return true;
}

}  // namespace krait
