// code.h — code objects: the compiler's output and the interpreter's input.
//
// Code units are 32 bits: opcode in the low byte, oparg in the upper 24 bits, followed by the instruction's
// inline-cache words (instructions.def gives their layout). `lines` has one entry per code unit, for tracebacks.
// Local variables, cells and free variables share one numbering ("localsplus"), as in CPython, so every tier
// addresses them as frame + offset.
#pragma once

#include <cstdint>
#include <vector>

#include "object.h"
#include "opcode_ids.h"

namespace krait {

// Instruction metadata, generated from core/instructions.def (core/gen_instructions.py -> opcode_meta.inc).
enum OpFlags : uint16_t {
    OPF_PURE = 1, OPF_ESCAPES = 2, OPF_TIER1 = 4, OPF_SAFEPOINT = 8,
    OPF_DEOPT = 16, OPF_ERROR = 32, OPF_JUMP = 64, OPF_GUARD = 128,
};
// What an instruction's oparg means (for the disassembler).
enum ArgKind : uint8_t {
    ARG_NONE, ARG_CONST, ARG_NAME, ARG_LOCAL, ARG_JUMP, ARG_BINOP, ARG_CMPOP,
    ARG_LOCAL_LOCAL, ARG_LOCAL_CONST,  // superinstructions: two 12-bit halves
};
// One uop of an instruction's expansion, reading its cache fields from cache word `cache_offset` on.
struct UopExpansion {
    uint16_t uop;
    uint16_t cache_offset;
};
struct UopExpansionRange {
    uint16_t start, count;  // into uop_expansion_items; count 0: the trace recorder translates it itself
};

extern const char* const op_names[OP__COUNT];
extern const uint8_t op_cache_size[OP__COUNT];
extern const uint16_t op_flags[OP__COUNT];
extern const uint8_t op_family[OP__COUNT];   // Family, or FAM_NONE
extern const uint8_t op_generic[OP__COUNT];  // the family's generic instruction (the instruction itself if none)
extern const uint8_t op_arg_kind[OP__COUNT];
extern const char* const family_names[FAM__COUNT + 1];
extern const char* const uop_names[UOP__COUNT];
extern const uint16_t uop_flags[UOP__COUNT];
extern const uint8_t uop_cache_size[UOP__COUNT];
// [uop][depth]: value registers holding values after the uop's register variant for `depth` of them on entry; -1:
// no such variant (the uop runs on the frame's memory). See core/tier2_regalloc.cpp.
extern const int8_t uop_regs_out[UOP__COUNT][KRAIT_VALUE_REGS + 1];
// Values a uop pops and pushes with the given oparg.
void uop_stack_io(int uop, uint32_t oparg, int* pops, int* pushes);
extern const UopExpansion uop_expansion_items[];
extern const UopExpansionRange op_expansion[OP__COUNT];
// Net stack effect of an instruction with the given oparg.
int op_stack_effect(int op, uint32_t oparg);

inline uint32_t make_unit(uint8_t op, uint32_t arg) { return op | (arg << 8); }
inline uint8_t unit_op(uint32_t u) { return u & 0xFF; }
inline uint32_t unit_arg(uint32_t u) { return u >> 8; }
constexpr uint32_t kMaxOparg = (1u << 24) - 1;

enum CodeFlags : uint32_t {
    CO_VARARGS = 4,
    CO_VARKEYWORDS = 8,
    CO_NESTED = 0x10,
    CO_GENERATOR = 0x20,
    CO_MODULE = 0x100,   // module body: names go through the globals dict
    CO_CLASS = 0x200,    // class body: names go through the class namespace
};

enum LocalKind : uint8_t { LK_LOCAL = 1, LK_CELL = 2, LK_FREE = 4, LK_ARG = 8 };

// A region of code [start, end) whose exceptions jump to `handler` with the stack cut to `depth` values and the
// exception pushed. Entries are ordered innermost first, so the first match wins.
struct ExceptionTableEntry {
    uint32_t start, end, handler, depth;
};

struct Executor;

struct CodeObject : Object {
    std::vector<uint32_t> code;
    std::vector<int32_t> lines;
    std::vector<Value> consts;
    std::vector<StrObject*> names;  // globals, attributes, imported names
    std::vector<StrObject*> localsplus_names;
    std::vector<uint8_t> localsplus_kinds;
    std::vector<ExceptionTableEntry> exc_table;
    // code.data(), consts.data(), names.data(), which frames copy (Frame::set_code, and instr_api.h's inline frame
    // set-up, which cannot call std::vector's accessors): set by the compiler once the code object is complete (its
    // vectors never change after that).
    uint32_t* code_base = nullptr;
    Value* consts_base = nullptr;
    StrObject** names_base = nullptr;
    uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
    uint32_t flags = 0;
    uint32_t nlocalsplus = 0;
    uint32_t nfree = 0;
    uint32_t stacksize = 0;
    int32_t firstlineno = 1;
    StrObject* name = nullptr;
    StrObject* qualname = nullptr;
    StrObject* filename = nullptr;
    std::vector<Executor*> executors;  // tier-2 traces entered by this code's ENTER_EXECUTOR instructions (by oparg)
    bool calls_itself = false;         // a trace recording saw it recurse: it gets no entry trace (tier2.h)
    uint32_t function_version = 0;     // the version of the functions made from it (object.h), 0 until one is

    uint32_t total_args() const {
        return argcount + kwonlyargcount + ((flags & CO_VARARGS) ? 1 : 0) + ((flags & CO_VARKEYWORDS) ? 1 : 0);
    }
    int line_at(size_t unit) const { return unit < lines.size() ? lines[unit] : firstlineno; }
};

// Prints the bytecode of `code` and of every code object among its constants (krait --dis).
std::string disassemble(CodeObject* code);

}  // namespace krait
