// tier2_executor.cpp — executors' lives: installing a finished trace (at its loop's back-edge or function's RESUME,
// or on the exit it was recorded for), the dependencies that invalidate it, freeing it with its code, and what
// -X dump-traces and -X stats print about them.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "runtime.h"
#include "tier2.h"
#include "tier2_backend.h"
#include "vm.h"

namespace krait {

Tier2Options g_tier2;
bool g_tier2_on = false;
const Tier2Backend* g_tier2_backend = nullptr;
Tier2Stats g_tier2_stats;

namespace {

uint32_t next_id = 0;
std::vector<Executor*> all_executors;                            // every live executor, roots and side traces
// Invalidated or replaced executors, freed at the next entry into tier 2 from tier 1 with none running (one may
// still be running when it is invalidated: by a uop of its own).
std::vector<Executor*> graveyard;
int running = 0;  // tier2_enter calls on the C++ stack
// A dict's table or a type -> the executors that depend on it (inlined its values, dropped guards on it).
std::unordered_map<const void*, std::vector<Executor*>> dependents;

uint16_t exit_warmup() { return static_cast<uint16_t>(std::min<uint32_t>(g_tier2.trace_threshold, 64)); }

// Gives each uop that can deopt its exit. A side trace recorded again in place of another starts with the backoff
// its exit has reached, so a site that keeps changing is re-recorded less and less often.
void build_exits(Executor* ex, uint8_t backoff) {
    ex->exits.clear();
    for (UopInst& u : ex->uops) {
        if (!(uop_flags[u.op] & OPF_DEOPT)) continue;
        u.exit = static_cast<uint16_t>(ex->exits.size());
        TraceExit e;
        e.owner = ex;
        e.target = u.target;
        e.counter = static_cast<uint16_t>(std::max<uint32_t>(exit_warmup(), (1u << backoff) - 1));
        e.backoff = backoff;
        ex->exits.push_back(e);
    }
}

void forget_dependencies(Executor* ex) {
    for (const void* d : ex->deps) {
        auto it = dependents.find(d);
        if (it == dependents.end()) continue;
        auto& v = it->second;
        v.erase(std::remove(v.begin(), v.end(), ex), v.end());
        if (v.empty()) dependents.erase(it);
    }
    ex->deps.clear();
}

// Executors installed between two sweeps for cold ones: an executor not entered since the last sweep is dropped at
// the next, so loops and functions that stopped running give their traces back (CPython 3.14 does the same).
constexpr uint32_t kColdSweepEvery = 64;
uint32_t installs_since_sweep = 0;

// Cuts the exits that lead to ex (it is being retired or freed): machine code must not jump into it any more, and
// once freed no exit may name it.
void unlink_exits_to(Executor* ex, bool forget) {
    for (Executor* other : all_executors)
        for (TraceExit& e : other->exits)
            if (e.side == ex) {
                e.jit_target = nullptr;
                if (forget) e.side = nullptr;
            }
}

// Takes ex out of use: tier 1 gets its instruction back, and ex is freed once surely not running.
void retire(Executor* ex) {
    ex->valid = false;
    unlink_exits_to(ex, false);
    forget_dependencies(ex);
    if (ex->installed_at != UINT32_MAX) {  // tier 1 runs the loop or function again, and may trace it again when hot
        uint32_t* unit = ex->code->code.data() + ex->installed_at;
        unit[0] = ex->replaced;
        unit[1] = hotness_initial_counter();
    }
    graveyard.push_back(ex);
}

void invalidate(Executor* ex) {
    if (!ex->valid) return;
    g_tier2_stats.invalidations++;
    retire(ex);
}

// Drops the root executors not entered since the last sweep, and starts the next period for the others (their
// side traces go with them: a side trace runs only from its root).
void sweep_cold() {
    installs_since_sweep = 0;
    std::vector<Executor*> cold;
    for (Executor* ex : all_executors) {
        if (ex->parent || !ex->valid) continue;
        if (!ex->warm) cold.push_back(ex);
        ex->warm = false;
    }
    for (Executor* ex : cold) {
        g_tier2_stats.cold++;
        retire(ex);
    }
}

// Frees ex and its side traces; exits elsewhere that lead to them are cut.
void free_executor(Executor* ex) {
    for (Executor* side : ex->sides) free_executor(side);
    forget_dependencies(ex);
    all_executors.erase(std::remove(all_executors.begin(), all_executors.end(), ex), all_executors.end());
    graveyard.erase(std::remove(graveyard.begin(), graveyard.end(), ex), graveyard.end());
    unlink_exits_to(ex, true);
    if (ex->machine_code) g_tier2_backend->release(ex);
    delete ex;
}

}  // namespace

void tier2_install(Executor* ex, Executor* parent, TraceExit* exit) {
    ex->id = ++next_id;
    build_exits(ex, parent ? exit->backoff : 4);
    if (parent) {
        if (!parent->valid) {
            delete ex;
            return;
        }
        if (exit->side && !exit->backedge) {  // re-recorded: the old one is freed once surely not running
            forget_dependencies(exit->side);
            exit->side->valid = false;
            exit->jit_target = nullptr;
            graveyard.push_back(exit->side);
        }
        ex->parent = parent;
        ex->parent_exit = exit;
        ex->chain_depth = parent->chain_depth + 1;
        parent->sides.push_back(ex);
        exit->side = ex;
        exit->backedge = false;
    } else {
        CodeObject* code = ex->code;
        uint32_t* unit = code->code.data() + ex->installed_at;
        if (!counts_towards_trace(*unit & 0xFF)) {  // installed meanwhile by a nested recording
            delete ex;
            return;
        }
        ex->replaced = *unit;
        code->executors.push_back(ex);
        *unit = make_unit(OP_ENTER_EXECUTOR, static_cast<uint32_t>(code->executors.size() - 1));
    }
    all_executors.push_back(ex);
    for (const void* d : ex->deps) dependents[d].push_back(ex);
    if (g_tier2.mode == JitMode::On && g_tier2_backend) g_tier2_backend->compile(ex);
    if (++installs_since_sweep >= kColdSweepEvery) sweep_cold();
}

namespace {
void invalidate_dependents(const void* what) {
    auto it = dependents.find(what);
    if (it == dependents.end()) return;
    std::vector<Executor*> hit = it->second;
    for (Executor* ex : hit) invalidate(ex);
}
}  // namespace

void tier2_table_changed(HashTable* table) {
    if (table->invalidations < 255) table->invalidations++;
    table->watched = 0;  // watched again by the next executor that inlines from it
    invalidate_dependents(table);
}

void tier2_type_version_retired(uint32_t version) { invalidate_dependents(type_version_key(version)); }

void tier2_drop_entry_trace(CodeObject* code) {
    for (Executor* ex : code->executors)
        if (ex && ex->valid && (ex->replaced & 0xFF) == OP_RESUME) invalidate(ex);
}

void tier2_code_freed(CodeObject* code) {
    for (Executor* ex : code->executors)
        if (ex) free_executor(ex);
    code->executors.clear();
}

// Frees the graveyard's executors, detached from whatever still refers to them.
void tier2_free_dead() {
    if (running > 0 || tier2_recording()) return;
    while (!graveyard.empty()) {
        Executor* ex = graveyard.back();
        graveyard.pop_back();
        if (ex->parent) {
            auto& sides = ex->parent->sides;
            sides.erase(std::remove(sides.begin(), sides.end(), ex), sides.end());
        } else {
            for (Executor*& slot : ex->code->executors)
                if (slot == ex) slot = nullptr;
        }
        free_executor(ex);
        g_tier2_stats.freed++;
    }
}

Tier2Exit tier2_enter(Frame* f, uint32_t index) {
    if (running == 0 && !graveyard.empty()) tier2_free_dead();
    Executor* ex = f->code->executors[index];
    ex->warm = true;
    f->ip = f->code_base + ex->start;
    running++;
    Tier2Exit how = ex->machine_code ? g_tier2_backend->run(ex, f) : run_uops(ex, f);
    running--;
    return how;
}

namespace {

// Names the values a trace computes (v1, v2 ...; e0, e1 ... for those on the stack when it starts, e0 the top; eD.0,
// eD.1 ... for those on the stack of a generator the trace resumes at depth D) by simulating each frame's stack with
// the uops' stack effects: the naming a liveness pass uses (a value lives from the uop that pushes it to the last
// that pops it). Returns, per uop, "inputs -> outputs".
std::vector<std::string> value_names(const Executor* ex) {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> stacks(1);
    std::vector<size_t> entry_used(1, 0);
    int next = 1;
    for (size_t i = 0; i < ex->uops.size(); i++) {
        const UopInst& u = ex->uops[i];
        int pops, pushes;
        uop_stack_io(u.op, u.oparg, &pops, &pushes);
        bool push_frame = u.op == UOP_PUSH_FRAME_EXACT || u.op == UOP_PUSH_FRAME_GENERAL ||
                          u.op == UOP_CALL_ALLOC_AND_ENTER_INIT;
        std::vector<std::string> in;
        for (int k = 0; k < pops; k++) {
            auto& st = stacks.back();
            if (!st.empty()) {
                in.insert(in.begin(), st.back());
                st.pop_back();
            } else {
                std::string frame = stacks.size() > 1 ? std::to_string(stacks.size() - 1) + "." : "";
                in.insert(in.begin(), "e" + frame + std::to_string(entry_used.back()++));
            }
        }
        std::string text;
        for (auto& v : in) text += (text.empty() ? "" : " ") + v;
        std::string res;
        if (push_frame) {  // the result arrives when the callee returns
            stacks.emplace_back();
            entry_used.push_back(0);
        } else if (u.op == UOP_PUSH_GEN_FRAME && !in.empty()) {  // the generator stays below what it will yield
            stacks.back().push_back(in[0]);
            res = in[0] + " |";
            stacks.emplace_back();
            entry_used.push_back(0);
            if (i > 0 && ex->uops[i - 1].op == UOP_GUARD_GEN_RESUMES_AT && ex->uops[i - 1].cache[1] != 0) {
                std::string sent = "v" + std::to_string(next++);  // the value of the yield it resumes at
                stacks.back().push_back(sent);
                res += " " + sent;
            }
        } else if ((u.op == UOP_RETURN_FRAME || u.op == UOP_YIELD_VALUE) && stacks.size() > 1) {
            stacks.pop_back();
            entry_used.pop_back();
            stacks.back().push_back(in.empty() ? "?" : in[0]);
            res = stacks.back().back();
        } else if ((uop_flags[u.op] & OPF_GUARD) && pops == pushes) {  // a guard passes its inputs on
            for (auto& v : in) stacks.back().push_back(v);
            res = text;
        } else {
            // The iterator steps keep the iterator below the value they push.
            bool keeps_first = u.op == UOP_ITER_NEXT_RANGE || u.op == UOP_ITER_NEXT_LIST ||
                               u.op == UOP_ITER_NEXT_TUPLE || u.op == UOP_FOR_ITER_TIER_TWO;
            if (keeps_first && !in.empty()) {
                stacks.back().push_back(in[0]);
                res = in[0];
                pushes--;
            }
            for (int k = 0; k < pushes; k++) {
                std::string v = "v" + std::to_string(next++);
                stacks.back().push_back(v);
                res += (res.empty() ? "" : " ") + v;
            }
        }
        names.push_back(text.empty() && res.empty() ? "" : text + " -> " + res);
    }
    return names;
}

const char* const abort_names[] = {
#define KRAIT_TRACE_ABORT_NAME(name, text) #name,
    KRAIT_TRACE_ABORTS(KRAIT_TRACE_ABORT_NAME)
#undef KRAIT_TRACE_ABORT_NAME
};
const char* const abort_texts[] = {
#define KRAIT_TRACE_ABORT_TEXT(name, text) text,
    KRAIT_TRACE_ABORTS(KRAIT_TRACE_ABORT_TEXT)
#undef KRAIT_TRACE_ABORT_TEXT
};
std::string code_place(const CodeObject* code, uint32_t unit) {
    std::string file = code->filename ? std::string(str_view(val(code->filename))) : "?";
    std::string name = code->name ? std::string(str_view(val(code->name))) : "?";
    return file + ":" + std::to_string(code->line_at(unit)) + " " + name + " at code unit " + std::to_string(unit);
}
}  // namespace

void tier2_dump(FILE* out, const char* title, const Executor* ex) {
    size_t guards = 0;
    for (const UopInst& u : ex->uops)
        if (uop_flags[u.op] & OPF_DEOPT) guards++;
    fprintf(out, "-- trace (%s) %s: %zu uops, %zu that can exit\n", title, code_place(ex->code, ex->start).c_str(),
            ex->uops.size(), guards);
    std::vector<std::string> values = value_names(ex);
    for (size_t i = 0; i < ex->uops.size(); i++) {
        const UopInst& u = ex->uops[i];
        fprintf(out, "  %4zu%s %*s%-32s oparg=%-4u target=%-4u", i, i == ex->loop_start ? ">" : " ",
                static_cast<int>(2 * u.depth), "", uop_names[u.op], u.oparg, u.target);
        for (uint32_t k = 0; k < uop_cache_size[u.op]; k++) fprintf(out, " c%u=%#x", k, u.cache[k]);
        if (!values[i].empty()) fprintf(out, "  [%s]", values[i].c_str());
        if (!ex->regs.empty() && ex->regs[i].spill) fprintf(out, "  (spill %u)", ex->regs[i].spill);
        if (!ex->regs.empty() && ex->regs[i].variant)
            fprintf(out, "  (regs %u->%d)", ex->regs[i].depth, uop_regs_out[u.op][ex->regs[i].depth]);
        fprintf(out, "\n");
    }
}

void tier2_dump_abort(FILE* out, TraceAbort why, const CodeObject* code, uint32_t start, size_t uops) {
    fprintf(out, "-- trace (aborted) %s: %s (%s) after %zu uops\n", code_place(code, start).c_str(), abort_names[why],
            abort_texts[why], uops);
}

void print_tier2_stats(FILE* out) {
    const Tier2Stats& s = g_tier2_stats;
    fprintf(out, "\nTier 2 (-X jit=%s)\n", g_tier2.mode == JitMode::On ? "on" : "uops");
    fprintf(out, "  traces recorded %llu (side traces %llu), executions %llu, exits taken %llu, side entries %llu, "
                 "invalidations %llu, cold executors dropped %llu (executors freed %llu)\n",
            (unsigned long long)s.recorded, (unsigned long long)s.side_traces, (unsigned long long)s.executions,
            (unsigned long long)s.exits_taken, (unsigned long long)s.side_entries,
            (unsigned long long)s.invalidations, (unsigned long long)s.cold, (unsigned long long)s.freed);
    fprintf(out, "  uops before optimization %llu, after %llu; guards %llu, removed %llu; constants folded %llu\n",
            (unsigned long long)s.uops_before, (unsigned long long)s.uops_after, (unsigned long long)s.guards_before,
            (unsigned long long)s.guards_removed, (unsigned long long)s.folded);
    for (int k = 0; k < ABORT__COUNT; k++)
        if (s.aborts[k]) fprintf(out, "  aborted: %s: %llu\n", abort_texts[k], (unsigned long long)s.aborts[k]);
    // Machine-readable counters for bench/run.py ("[stats] NAME VALUE").
    fprintf(out, "[stats] tier2.traces %llu\n", (unsigned long long)(s.recorded + s.side_traces));
    fprintf(out, "[stats] tier2.side_traces %llu\n", (unsigned long long)s.side_traces);
    fprintf(out, "[stats] tier2.executions %llu\n", (unsigned long long)s.executions);
    fprintf(out, "[stats] tier2.side_entries %llu\n", (unsigned long long)s.side_entries);
    fprintf(out, "[stats] tier2.uops_before %llu\n", (unsigned long long)s.uops_before);
    fprintf(out, "[stats] tier2.uops_after %llu\n", (unsigned long long)s.uops_after);
    fprintf(out, "[stats] tier2.guards_before %llu\n", (unsigned long long)s.guards_before);
    fprintf(out, "[stats] tier2.guards_removed %llu\n", (unsigned long long)s.guards_removed);
    fprintf(out, "[stats] tier2.folded %llu\n", (unsigned long long)s.folded);
    fprintf(out, "[stats] tier2.exits_taken %llu\n", (unsigned long long)s.exits_taken);
    fprintf(out, "[stats] tier2.invalidations %llu\n", (unsigned long long)s.invalidations);
    fprintf(out, "[stats] tier2.cold %llu\n", (unsigned long long)s.cold);
    fprintf(out, "[stats] tier2.freed %llu\n", (unsigned long long)s.freed);
    for (int k = 0; k < ABORT__COUNT; k++)
        fprintf(out, "[stats] tier2.abort.%s %llu\n", abort_names[k], (unsigned long long)s.aborts[k]);
    if (g_tier2.mode == JitMode::On && g_tier2_backend) g_tier2_backend->print_stats(out);
}

}  // namespace krait
