// vm.h — the state of the running program: the value stack, the current frame, the exception being raised and
// the one being handled, the module table and the command-line options. One global instance `vm`.
#pragma once

#include <csignal>
#include <string>
#include <unordered_map>
#include <vector>

#include "frame.h"
#include "object.h"

namespace krait {

struct Options {
    bool gc_stress = false;
    bool dis = false;
    bool stats = false;       // -X stats: count specialization events, print them at exit
    bool specialize = true;   // -X specialize=off runs the generic interpreter
    std::vector<std::string> xopts;  // every -X option as given, for sys._xoptions
};

struct VM {
    Value* stack_base = nullptr;  // the one value stack
    Value* stack_limit = nullptr;
    Frame* frame = nullptr;       // innermost running frame
    int depth = 0;                // Python frames on the stack
    int recursion_limit = 1000;
    int c_depth = 0;              // nested C++ re-entries (repr of nested lists, callbacks ...)
    Value exc = VAL_NULL;         // exception being raised (VAL_NULL: none)
    Value handled = VAL_NULL;     // exception being handled (sys.exc_info())
    DictObject* builtins = nullptr;
    ModuleObject* builtins_module = nullptr;
    ModuleObject* sys_module = nullptr;
    DictObject* modules = nullptr;  // sys.modules
    std::string script_dir;         // where `import x` finds x.py
    Options options;
    std::unordered_map<std::string, std::vector<std::string>> sources;  // filename -> lines, for tracebacks
    volatile sig_atomic_t interrupted = 0;  // set by SIGINT (or the browser's Stop button)
    bool loop_switch = false;  // the interpreter loop returned to change mode (interp.cpp), not to its caller
};
extern VM vm;

constexpr int kMaxCDepth = 1200;  // bounds C++ recursion whatever sys.setrecursionlimit says

// Initializes types, builtins and the sys/math/time modules. Call once before running anything.
void runtime_init(int argc, char** argv, int script_arg);
// Sets up what instruction bodies read as globals (instr_api.cpp); the last step of runtime_init.
void krt_api_init();

// Runs a module body in `globals`; returns its result or VAL_NULL with the exception set.
Value run_module_code(CodeObject* code, DictObject* globals);
// Calls a Python function from C++ (pushes an entry frame and runs it to completion).
Value call_function(FunctionObject* f, Value* args, size_t nargs, TupleObject* kwnames);
// Runs a class body function with `ns` as its locals namespace.
Value run_class_body(FunctionObject* f, DictObject* ns);
// Resumes a generator with `sent` (or throws `thrown` into it when non-null). Returns the yielded value, or
// VAL_NULL: finished when !err_occurred() (then *returned holds the return value), failed otherwise.
Value gen_resume(GeneratorObject* g, Value sent, Value thrown, Value* returned);

// The periodic check of safepoints: collects garbage when due and turns a pending interrupt into
// KeyboardInterrupt. Returns false when an exception was raised.
bool periodic_check();

// Compiles and runs source text as module `name` (the main script or an imported module).
// Prints nothing; returns the module or VAL_NULL with the exception set (SyntaxError included).
Value exec_source(std::string_view source, const std::string& filename, ModuleObject* module);

// Records the source of a file so tracebacks can show its lines.
void remember_source(const std::string& filename, std::string_view source);
// Prints an uncaught exception as CPython does (traceback, chained exceptions, SyntaxError layout) to stderr.
void print_exception(Value exc);

}  // namespace krait
