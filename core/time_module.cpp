// time_module.cpp — the `time` module's clocks and sleep(): time(), time_ns(), perf_counter(),
// perf_counter_ns(), monotonic(), monotonic_ns(), process_time(), process_time_ns(), sleep(). POSIX
// clock_gettime works both natively and under Emscripten. runtime_init calls init_time_module() once.
#include <cerrno>
#include <cmath>
#include <ctime>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "runtime.h"
#include "vm.h"

namespace krait {

namespace {

int64_t clock_ns(clockid_t id) {
    timespec ts;
    clock_gettime(id, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

bool no_args(const char* name, size_t nargs, TupleObject* kwnames) {
    return no_kwargs(name, kwnames) && check_nargs(name, nargs, 0, 0);
}

template <clockid_t Id>
Value seconds(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_args("time", nargs, kwnames)) return VAL_NULL;
    timespec ts;
    clock_gettime(Id, &ts);
    return val_from_float(double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
}

template <clockid_t Id>
Value nanoseconds(Value*, size_t nargs, TupleObject* kwnames) {
    if (!no_args("time_ns", nargs, kwnames)) return VAL_NULL;
    return int_from_i64(clock_ns(Id));
}

// sleep(secs): a KeyboardInterrupt (SIGINT) ends the sleep early; the interpreter raises it at its next
// check.
Value t_sleep(Value* args, size_t nargs, TupleObject* kwnames) {
    if (!no_kwargs("sleep", kwnames) || !check_nargs("sleep", nargs, 1, 1)) return VAL_NULL;
    double secs;
    if (!val_is_float(args[0]) && !is_int(args[0]))
        return raise(T.e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    if (!to_double(args[0], &secs)) return VAL_NULL;
    if (std::isnan(secs)) return raise(T.e_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return raise(T.e_ValueError, "sleep length must be non-negative");
    if (secs > 1e15) return raise(T.e_OverflowError, "sleep length is too large");
    timespec req;
    req.tv_sec = time_t(secs);
    req.tv_nsec = long((secs - double(req.tv_sec)) * 1e9);
    timespec rem;
    while (nanosleep(&req, &rem) != 0 && errno == EINTR && !vm.interrupted) req = rem;
    return VAL_NONE;
}

const MethodDef time_functions[] = {
    {"time", seconds<CLOCK_REALTIME>, 0},
    {"time_ns", nanoseconds<CLOCK_REALTIME>, 0},
    {"perf_counter", seconds<CLOCK_MONOTONIC>, 0},
    {"perf_counter_ns", nanoseconds<CLOCK_MONOTONIC>, 0},
    {"monotonic", seconds<CLOCK_MONOTONIC>, 0},
    {"monotonic_ns", nanoseconds<CLOCK_MONOTONIC>, 0},
    {"process_time", seconds<CLOCK_PROCESS_CPUTIME_ID>, 0},
    {"process_time_ns", nanoseconds<CLOCK_PROCESS_CPUTIME_ID>, 0},
    {"sleep", t_sleep, 0},
    {nullptr, nullptr, 0},
};

} // namespace

ModuleObject* init_time_module() {
    ModuleObject* m = module_new("time");
    gc_make_permanent(m);
    add_functions(m->dict, time_functions);
    return m;
}

} // namespace krait
