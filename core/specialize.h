// specialize.h — tier 1's adaptive specialization (PEP 659): the counters kept in every specializable
// instruction's first cache word, and the statistics `-X stats` prints.
//
// The counter word: bits 4..31 count down, bits 0..3 hold the backoff exponent. A generic instruction ticks it on
// every run and calls the specializer (specialize.cpp, the krt_specialize_* functions) when it reaches zero. The
// specializer rewrites the opcode in place to a specialized family member and sets the counter to a cooldown, or,
// when nothing fits, leaves the generic form and backs off exponentially (2^backoff - 1 runs, up to 2^12 - 1).
// A specialized instruction whose guard fails jumps to its generic form's body, which ticks the same counter: after
// `cooldown` misses the instruction is specialized again for what it sees now (or goes back to generic).
#pragma once

#include <cstdint>
#include <cstdio>

#include "code.h"

namespace krait {

constexpr uint32_t kCounterShift = 4;
constexpr uint32_t kCounterWarmup = 1u << kCounterShift;  // specialize on the second run, as CPython
constexpr uint32_t kCounterCooldown = 52u << kCounterShift;
constexpr uint32_t kMaxBackoff = 12;

inline bool counter_due(const uint32_t* instr) { return (instr[1] >> kCounterShift) == 0; }
inline void counter_tick(uint32_t* instr) { instr[1] -= 1u << kCounterShift; }

// Why a specialization attempt failed; counted per family and printed by -X stats.
#define KRAIT_SPEC_FAILURES(X)                                                                          \
    X(OTHER, "other") X(KIND, "operand kinds not handled") X(DICT_MODE, "instance in dict mode")         \
    X(NOT_FOUND, "attribute not found") X(DESCRIPTOR, "descriptor kind not handled")                     \
    X(SHADOWED, "shadowed by an instance attribute") X(GETATTR, "class defines __getattr__")             \
    X(NO_ROOM, "no slot room") X(CALL_KIND, "callable kind not handled") X(ARGS, "argument shape")       \
    X(OVERFLOW, "value out of range") X(METACLASS, "metaclass or custom __new__") X(KEYS, "dict keys")   \
    X(OPERATOR, "operator not handled") X(GENERATOR, "generator function")
enum SpecFailure : uint8_t {
#define KRAIT_SPEC_FAILURE_ENUM(name, text) SPEC_FAIL_##name,
    KRAIT_SPEC_FAILURES(KRAIT_SPEC_FAILURE_ENUM)
#undef KRAIT_SPEC_FAILURE_ENUM
        SPEC_FAIL__COUNT
};

struct FamilyStats {
    uint64_t attempts;   // calls of the specializer
    uint64_t successes;  // attempts that chose a specialized form
    uint64_t failures;   // attempts that kept the generic form
    uint64_t hits;       // runs of a specialized form whose guards held
    uint64_t generic_runs;  // runs of the generic form (including those of a miss)
    uint64_t misses;     // runs of a specialized form that deopted to the generic body
    uint64_t deopts;     // specialized forms that missed until their counter ran out (then re-specialized or generic)
    uint64_t failure_reasons[SPEC_FAIL__COUNT];
    uint64_t chosen[OP__COUNT];  // successes by specialized instruction
};
extern FamilyStats g_family_stats[FAM__COUNT];

// Executions per instruction and per pair of consecutive instructions (-X stats only): which instructions
// dominate, and which pairs would pay as superinstructions.
struct ExecutionStats {
    uint64_t count[OP__COUNT];
    uint64_t pairs[OP__COUNT][OP__COUNT];
    uint8_t previous;
};
extern ExecutionStats g_exec_stats;
inline void stats_dispatch(uint8_t op) {
    g_exec_stats.count[op]++;
    g_exec_stats.pairs[g_exec_stats.previous][op]++;
    g_exec_stats.previous = op;
}
extern bool g_specialize;  // false under -X specialize=off: every specializer only backs off

inline void stats_hit(int family) { g_family_stats[family].hits++; }
inline void stats_miss(int family) { g_family_stats[family].misses++; }
inline void stats_generic_run(const uint32_t* instr) { g_family_stats[op_family[*instr & 0xFF]].generic_runs++; }

// The counter value the compiler writes into a new specializable instruction.
inline uint32_t initial_counter() { return kCounterWarmup; }

// Prints the per-family table of -X stats.
void print_specialization_stats(FILE* out);

}  // namespace krait
