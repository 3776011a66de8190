// main.cpp — the `krait` command line: python3-like conventions (script, -c, stdin, -X options, exit statuses).
// The same file is the entry point of the WebAssembly build (run by web/krait-node.js).
#include <unistd.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "code.h"
#include "containers.h"
#include "gc.h"
#include "instr_api.h"
#include "methods.h"
#include "specialize.h"
#include "tier2.h"
#include "tier2_backend.h"
#include "vm.h"

namespace krait {
CodeObject* compile_source(std::string_view source, const std::string& filename);
}
#if KRAIT_NATIVE_JIT
namespace krait::jit {
const Tier2Backend* native_backend();  // jit-native/jit_native.h: the CLI picks the backend, core does not know it
}
#endif

using namespace krait;

namespace {

const char* const kVersion = "Krait 0.1 (Python 3.12 language)";

void usage(FILE* out) {
    fputs("usage: krait [option] ... [-c cmd | file | -] [arg] ...\n"
          "Options:\n"
          "  -c cmd     : program passed in as string (terminates option list)\n"
          "  -h, --help : print this help message and exit\n"
          "  -V, --version : print the version number and exit\n"
          "  -X opt     : implementation-specific option:\n"
          "               -X gc-stress   collect garbage at every safepoint (also KRAIT_GC_STRESS=1)\n"
          "               -X specialize=off  run the generic interpreter (no inline-cache specialization)\n"
          "               -X stats       print specialization and tier-2 statistics to stderr at exit\n"
#if KRAIT_NATIVE_JIT
          "               -X jit=on      trace hot loops and functions into optimized micro-op traces (tier 2)\n"
          "                              and compile them to machine code (copy-and-patch JIT; the default)\n"
          "               -X jit=uops    the same traces, run by the uop interpreter\n"
          "               -X jit=off     tier 1 only (the specializing interpreter)\n"
#else
          "               -X jit=uops    trace hot loops and functions into optimized micro-op traces (tier 2)\n"
          "                              and run them in the uop interpreter\n"
          "               -X jit=off     tier 1 only (the specializing interpreter; the default)\n"
#endif
          "               -X trace-threshold=N  back-edges before a loop is traced, calls before a function\n"
          "                              is (default 1000)\n"
          "               -X dump-traces print each trace before and after optimization, and why\n"
          "                              any recording was aborted, to stderr\n"
#if KRAIT_NATIVE_JIT
          "               -X dump-jit[=FILE]  write each compiled trace's machine code, uop by uop, to FILE\n"
          "                              (default krait-jit.dump; disassemble with llvm-mc --disassemble)\n"
          "               -X perf        write /tmp/perf-PID.map so that perf names the JIT's code\n"
          "               -X jit-arena=KIB  the JIT's code memory (default 65536, 32768 on AArch64;\n"
          "                              when it is full, new traces run in the uop interpreter)\n"
          "               -X regalloc=off  keep every value in the frame between stencils (the default,\n"
          "                              regalloc=on, keeps the stack's top in registers)\n"
#endif
          "  --dis      : print the bytecode of every code object instead of running\n"
          "  file       : program read from script file\n"
          "  -          : program read from stdin (default when stdin is not a terminal)\n"
          "  arg ...    : arguments passed to program in sys.argv[1:]\n",
          out);
}

void on_sigint(int) {
    vm.interrupted = 1;
    krt_eval_breaker_flag = 1;
}

// -X jit=on given explicitly (not only the default): then a machine without a JIT is told so.
bool jit_requested = false;

// The number after the option's name (`skip` characters); false (with a message) unless it is one in [lo, hi].
bool parse_count(const std::string& opt, size_t skip, unsigned long lo, unsigned long hi, const char* form,
                 unsigned long* n) {
    std::string v = opt.substr(skip);
    char* end = nullptr;
    *n = strtoul(v.c_str(), &end, 10);
    if (v.empty() || *end || *n < lo || *n > hi) {
        fprintf(stderr, "Invalid -X option: %s (expected %s with %lu <= %s <= %lu)\n", opt.c_str(), form, lo,
                strchr(form, '=') + 1, hi);
        return false;
    }
    return true;
}

// Applies one -X option; false (with a message) for a known option with a bad value. Unknown options are kept
// for sys._xoptions and otherwise ignored, as python3 does.
bool apply_xoption(const std::string& opt) {
    vm.options.xopts.push_back(opt);
    if (opt == "gc-stress") vm.options.gc_stress = true;
    else if (opt == "stats") vm.options.stats = true;
    else if (opt == "dump-traces") g_tier2.dump = true;
    else if (opt == "dump-jit") g_tier2.dump_jit = "krait-jit.dump";
    else if (opt.rfind("dump-jit=", 0) == 0) g_tier2.dump_jit = opt.substr(9);
    else if (opt == "perf") g_tier2.perf_map = true;
    else if (opt.rfind("jit=", 0) == 0) {
        std::string v = opt.substr(4);
        if (v == "off") g_tier2.mode = JitMode::Off;
        else if (v == "uops") g_tier2.mode = JitMode::Uops;
        else if (v == "on") {
            g_tier2.mode = JitMode::On;
            jit_requested = true;
        }
        else {
            fprintf(stderr, "Invalid -X option: %s (expected jit=on, jit=uops or jit=off)\n", opt.c_str());
            return false;
        }
        g_tier2_on = g_tier2.mode != JitMode::Off;
    } else if (opt.rfind("trace-threshold=", 0) == 0) {
        unsigned long n;
        if (!parse_count(opt, 16, 1, 100000000, "trace-threshold=N", &n)) return false;
        g_tier2.trace_threshold = static_cast<uint32_t>(n);
    } else if (opt == "regalloc=on" || opt == "regalloc=off") {
        g_tier2.regalloc = opt == "regalloc=on";
    } else if (opt.rfind("regalloc", 0) == 0) {
        fprintf(stderr, "Invalid -X option: %s (expected regalloc=on or regalloc=off)\n", opt.c_str());
        return false;
    } else if (opt.rfind("jit-arena=", 0) == 0) {
        unsigned long n;
        if (!parse_count(opt, 10, 64, 1 << 20, "jit-arena=KIB", &n)) return false;
        g_tier2.arena_kib = static_cast<uint32_t>(n);
    } else if (opt.rfind("specialize", 0) == 0) {
        if (opt == "specialize" || opt == "specialize=on") vm.options.specialize = true;
        else if (opt == "specialize=off") vm.options.specialize = false;
        else {
            fprintf(stderr, "Invalid -X option: %s (expected specialize=on or specialize=off)\n", opt.c_str());
            return false;
        }
    }
    return true;
}

bool read_file(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
}

// Exit status for an uncaught exception, printing it the way CPython does.
int report_uncaught(Value exc) {
    Root r(exc);
    if (is_instance(exc, T.e_SystemExit)) {
        Value code = obj_getattr(exc, intern("code"));
        if (val_is_null(code)) err_clear();
        fflush(stdout);
        if (val_is_null(code) || val_is_none(code)) return 0;
        if (val_is_int(code)) return static_cast<int>(val_int(code) & 0xFF);
        if (val_is_bool(code)) return val_is_true(code);
        Value s = obj_str(code);
        if (!val_is_null(s)) fprintf(stderr, "%s\n", std::string(str_view(s)).c_str());
        else err_clear();
        return 1;
    }
    print_exception(exc);
    if (is_instance(exc, T.e_KeyboardInterrupt)) {
        // Like CPython: die of SIGINT so the parent sees the interrupt.
        fflush(stdout);
        fflush(stderr);
#ifdef __EMSCRIPTEN__
        // kill() does nothing under Emscripten: the Node runner ends its own process with the signal.
        EM_ASM({ Module.kraitDieBySignal($0); }, SIGINT);
#else
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
#endif
        return 130;
    }
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string command;
    bool have_command = false, dis = false;
#if KRAIT_NATIVE_JIT
    g_tier2.mode = JitMode::On;  // the default where this build has a JIT for the machine (-X jit=off: tier 1 only)
    g_tier2_on = true;
#endif
    int i = 1;
    for (; i < argc; i++) {
        std::string a = argv[i];
        if (a == "-c") {
            if (i + 1 >= argc) {
                fputs("Argument expected for the -c option\n", stderr);
                usage(stderr);
                return 2;
            }
            command = argv[++i];
            have_command = true;
            break;
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else if (a == "-V" || a == "--version") {
            printf("%s\n", kVersion);
            return 0;
        } else if (a == "--dis") {
            dis = true;
        } else if (a == "-X") {
            if (i + 1 >= argc) {
                fputs("Argument expected for the -X option\n", stderr);
                return 2;
            }
            if (!apply_xoption(argv[++i])) return 2;
        } else if (a.rfind("-X", 0) == 0 && a.size() > 2) {
            if (!apply_xoption(a.substr(2))) return 2;
        } else if (a == "-u" || a == "-B" || a == "-E" || a == "-s" || a == "-S" || a == "-I" || a == "-O") {
            // Accepted for compatibility with python3; they change nothing here.
        } else if (a == "-") {
            break;
        } else if (a.size() > 1 && a[0] == '-') {
            fprintf(stderr, "Unknown option: %s\n", a.c_str());
            usage(stderr);
            return 2;
        } else {
            break;
        }
    }
    std::string source, filename;
    int script_arg = i;
    if (have_command) {
        source = command;
        filename = "<string>";
    } else if (i < argc && std::string(argv[i]) != "-") {
        filename = argv[i];
        if (!read_file(filename, &source)) {
            fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n", argv[0], argv[i]);
            return 2;
        }
    } else {
        std::stringstream ss;
        ss << std::cin.rdbuf();
        source = ss.str();
        filename = "<stdin>";
    }
    runtime_init(argc, argv, script_arg);
    if (g_tier2.mode == JitMode::On) {
#if KRAIT_NATIVE_JIT
        g_tier2_backend = jit::native_backend();
#endif
        if (!g_tier2_backend && jit_requested) {  // a runtime the JIT cannot serve still runs the same traces
            fprintf(stderr, "krait: -X jit=on: no JIT for this machine; running traces in the uop interpreter\n");
            g_tier2.mode = JitMode::Uops;
        } else if (!g_tier2_backend) {  // the default: no JIT here (no executable memory near the runtime), tier 1
            g_tier2.mode = JitMode::Off;
        }
        g_tier2_on = g_tier2.mode != JitMode::Off;
    }
    if (have_command) {
        // sys.argv[0] is '-c' for a command.
        Value argv_list = obj_getattr(val(vm.sys_module), intern("argv"));
        if (is_kind(argv_list, Kind::List) && as<ListObject>(argv_list)->size > 0)
            as<ListObject>(argv_list)->items[0] = val(intern("-c"));
    }
    gc.stress = vm.options.gc_stress || getenv("KRAIT_GC_STRESS") != nullptr;
    size_t slash = filename.find_last_of('/');
    vm.script_dir = filename[0] == '<' ? "." : slash == std::string::npos ? "." : filename.substr(0, slash);
    signal(SIGINT, on_sigint);

    if (dis) {
        CodeObject* code = compile_source(source, filename);
        if (!code) return report_uncaught(err_fetch());
        fputs(disassemble(code).c_str(), stdout);
        return 0;
    }
    ModuleObject* main_module = module_new("__main__");
    dict_set_str(main_module->dict, intern("__builtins__"), val(vm.builtins_module));
    if (filename[0] != '<') dict_set_str(main_module->dict, intern("__file__"), str_new(filename));
    dict_set_str(vm.modules, intern("__main__"), val(main_module));
    Value r = exec_source(source, filename, main_module);
    int status = val_is_null(r) ? report_uncaught(err_fetch()) : 0;
    fflush(stdout);
    if (vm.options.stats) {
        print_specialization_stats(stderr);
        if (g_tier2_on) print_tier2_stats(stderr);
    }
    fflush(stderr);
    return status;
}
