// tier2_backend.h — what core asks of a JIT backend (ARCHITECTURE: core knows no backend; the CLI or the wasm entry
// point installs one). A backend compiles an installed executor's uops into its own form, runs it, and frees it.
// Without a backend, or when compiling fails, the uop interpreter runs the executor: the output never depends on
// which ran it.
#pragma once

#include "tier2.h"

namespace krait {

struct Tier2Backend {
    const char* name;
    // Compiles ex (installed, exits built) and sets ex->machine_code; false leaves it to the uop interpreter.
    bool (*compile)(Executor* ex);
    // Frees ex->machine_code (ex is being freed, never running).
    void (*release)(Executor* ex);
    // Runs ex's machine code from its first uop in frame f (f->ip at ex->start, f->sp saved): as run_uops.
    Tier2Exit (*run)(Executor* ex, Frame* f);
    // Prints the backend's counters for -X stats.
    void (*print_stats)(FILE* out);
};

// The backend -X jit=on uses (null: none on this platform).
extern const Tier2Backend* g_tier2_backend;

}  // namespace krait
