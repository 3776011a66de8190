// stencil.h — the format of the stencil tables stencils/gen_stencils.py generates from the compiled template
// (stencils/template.c), one table per target: each uop's machine code with the places (holes) the JIT patches when
// it copies the code into a trace. Read by the backends (jit-native/), written by nothing at run time.
#pragma once

#include <cstdint>

#include "opcode_ids.h"  // UOP__COUNT, KRAIT_VALUE_REGS

namespace krait::jit {

// How a hole is patched: the relocation kind clang left there. Only the kinds listed here are accepted by the
// generator (an object with any other kind fails the build); the patcher (jit-native/patch.cpp) implements each.
enum class HoleKind : uint8_t {
    // x86-64
    X86_64_64,     // 64-bit absolute value (movabs)
    X86_64_32,     // 32-bit absolute value, zero-extended
    X86_64_32S,    // 32-bit absolute value, sign-extended
    X86_64_PC32,   // 32-bit displacement from the end of the field (data)
    X86_64_PLT32,  // 32-bit displacement of a call or jmp (a trampoline when the target is out of range)
    // AArch64
    A64_ABS64,          // 64-bit absolute value
    A64_MOVW_G0_NC,     // MOVZ/MOVK: bits 0..15 of the value
    A64_MOVW_G1_NC,     // bits 16..31
    A64_MOVW_G2_NC,     // bits 32..47
    A64_MOVW_G3,        // bits 48..63
    A64_CALL26,         // BL: 26-bit word displacement (a trampoline when out of range)
    A64_JUMP26,         // B: the same
    A64_ADR_PREL_PG_HI21,  // ADRP: page displacement
    A64_ADD_ABS_LO12_NC,   // ADD: low 12 bits
    A64_LDST64_ABS_LO12_NC,  // LDR/STR 64-bit: low 12 bits, scaled by 8
    A64_CONDBR19,       // B.cond / CBZ: 19-bit word displacement
    A64_TSTBR14,        // TBZ / TBNZ: 14-bit word displacement
};

// What a hole is patched with (template.c's _JIT_* symbols, then the places that are not per-uop).
enum class HoleValue : uint8_t {
    Oparg,      // the uop's oparg
    Target,     // code unit of its instruction
    Next,       // code unit after the instruction
    Exit,       // the status its deopt returns: the address of its exit (core's TraceExit)
    Cache0, Cache1, Cache2, Cache3,  // operand words
    Cache64_0, Cache64_1, Cache64_2,  // operand words k and k + 1 as one 64-bit value
    ExitSlot,   // address of the uop's exit's jit_target (where a linked exit jumps)
    Valid,      // address of the executor's `valid` flag
    Warm,       // address of the executor's `warm` flag
    Entry,      // address of the trace's first code (its head)
    Continue,   // address of the next uop's code
    Top,        // address of the loop body's first uop's code
    Code,       // address of this stencil's own hot code (+ addend)
    Cold,       // address of this stencil's cold code (+ addend)
    Data,       // address of this stencil's data (+ addend)
    Symbol,     // address of a runtime symbol (Hole::symbol)
};

struct Hole {
    uint32_t offset;  // into the stencil's code
    HoleKind kind;
    HoleValue value;
    int64_t addend;
    const void* symbol;  // HoleValue::Symbol only
};

// A run of machine code and the holes in it (offsets into `code`).
struct CodePart {
    const uint8_t* code;
    uint32_t size;
    const Hole* holes;
    uint32_t nholes;
};

// One uop's stencil: its hot code, which runs every time and ends with the jump to the next uop; its cold code (the
// unlikely paths: deopts, errors), which a trace keeps after all of its hot code; its read-only data.
struct Stencil {
    CodePart hot;
    // The hot code's size without the final jump to the next uop (the JIT leaves the jump out: the next uop's code
    // follows); hot.size when the stencil does not end with one.
    uint32_t body_size;
    CodePart cold;        // size 0: none
    const uint8_t* data;  // constants the code refers to, copied after the trace's code
    uint32_t data_size;
    uint32_t data_align;
};

enum class Target : uint8_t { X86_64, AArch64 };

struct StencilTable {
    Target target;
    const Stencil* uops;  // indexed by Uop (core's opcode_ids.h): each uop's memory form (every value in the frame)
    uint32_t nuops;
    // [uop][depth]: the uop's register variant for `depth` values in the value registers (template.c); a variant
    // the uop does not have is all zero (hot.code null). core's uop_regs_out says which exist.
    const Stencil (*reg_uops)[KRAIT_VALUE_REGS + 1];
    Stencil entry;        // krait_jit_entry: the C-convention shim that enters a trace
    Stencil head;         // the first code of every trace (marks the executor warm)
    Stencil fell_off;     // where a trace's last uop would continue (a trap)
    Stencil spill[KRAIT_VALUE_REGS + 1];  // [n]: writes the top n value registers back to the frame ([0] empty)
};

// The tables the build generated (the ones for the machine the runtime runs on are what the JIT uses; the others
// are there for the golden and patcher tests).
extern const StencilTable stencils_x86_64;
extern const StencilTable stencils_aarch64;

}  // namespace krait::jit
