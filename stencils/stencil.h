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

// What a hole is patched with (template.c's _JIT_* symbols, then the places that are not per-uop). A hole's value
// byte is one of these or, from kFirstSymbol on, a runtime symbol: StencilTable::symbols[value - kFirstSymbol].
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
};
constexpr uint8_t kFirstSymbol = static_cast<uint8_t>(HoleValue::Data) + 1;

// A place in a stencil's code to patch: what `kind` of relocation at `offset` (into its hot or cold code), with the
// `value` (a HoleValue, or a symbol from kFirstSymbol on) plus `addend`. Stored as kHoleBytes little-endian bytes
// (KRAIT_HOLE), read with read_hole.
struct Hole {
    uint16_t offset;
    HoleKind kind;
    uint8_t value;
    int16_t addend;
};
constexpr uint32_t kHoleBytes = 6;
// Zero bytes after the last record: the JIT copies code in whole chunks of this many bytes (see jit-native's
// copy_chunks), which may read past a record's end.
constexpr uint32_t kCopySlack = 32;
#define KRAIT_HOLE(offset, kind, value, addend)                                                                   \
    uint8_t((offset) & 0xFF), uint8_t((offset) >> 8), uint8_t(HoleKind::kind), uint8_t(value),                      \
        uint8_t((addend) & 0xFF), uint8_t(((addend) >> 8) & 0xFF)
inline Hole read_hole(const uint8_t* b) {
    return {static_cast<uint16_t>(b[0] | b[1] << 8), static_cast<HoleKind>(b[2]), b[3],
            static_cast<int16_t>(static_cast<uint16_t>(b[4] | b[5] << 8))};
}

// One stencil: a uop's (its memory form or a register variant), or one of the trace's fixed pieces. Its bytes are
// one record of StencilTable::records, in this order: its hot code, which runs every time and ends with the jump to
// the next uop; its cold code (the unlikely paths: deopts, errors), which a trace keeps after all of its hot code;
// its read-only data; then the holes of the hot code and those of the cold code. The sizes are here, in 16 bytes,
// so that laying out a trace reads one small entry per stencil and each record is read in one piece, by the copy.
// Each part's holes come in the order the JIT patches them without looking at their kinds: first the ones that are
// a whole 64-bit word (`wide`), then the 32-bit ones, and last, in the hot code, the jump to the next uop (the one
// hole past body_size).
struct Stencil {
    uint32_t record;     // offset of its record in StencilTable::records
    uint16_t hot_size;   // 0: no such stencil (a register variant the uop does not have)
    uint16_t body_size;  // the hot code without its final jump to the next uop (the JIT leaves the jump out: the
                         // next uop's code follows); hot_size when it does not end with one
    uint16_t cold_size;
    uint8_t data_size;   // constants the code refers to, copied after the trace's code
    uint8_t data_align;
    uint8_t hot_holes;   // how many holes the hot code has
    uint8_t hot_wide;    // of which 64-bit words
    uint8_t cold_holes;  // the same of the cold code
    uint8_t cold_wide;
    uint32_t cold_at() const { return hot_size; }
    uint32_t data_at() const { return hot_size + cold_size; }
    uint32_t holes_at() const { return data_at() + data_size; }
    uint32_t record_size() const { return holes_at() + kHoleBytes * (hot_holes + cold_holes); }
};
static_assert(sizeof(Stencil) == 16);

enum class Target : uint8_t { X86_64, AArch64 };

struct StencilTable {
    Target target;
    // Every stencil's record (see Stencil): position-independent bytes, no pointers, so the table needs no
    // relocation when the runtime is loaded and a stencil is one contiguous run of memory.
    const uint8_t* records;
    uint32_t records_size;
    const Stencil* uops;  // indexed by Uop (core's opcode_ids.h): each uop's memory form (every value in the frame)
    uint32_t nuops;
    // [uop][depth]: the uop's register variant for `depth` values in the value registers (template.c); a variant
    // the uop does not have has hot_size 0. core's uop_regs_out says which exist.
    const Stencil (*reg_uops)[KRAIT_VALUE_REGS + 1];
    Stencil entry;        // krait_jit_entry: the C-convention shim that enters a trace
    Stencil head;         // the first code of every trace (marks the executor warm)
    Stencil fell_off;     // where a trace's last uop would continue (a trap)
    Stencil spill[KRAIT_VALUE_REGS + 1];  // [n]: writes the top n value registers back to the frame ([0] empty)
    const void* const* symbols;  // the runtime symbols the holes refer to (value - kFirstSymbol)
    uint32_t nsymbols;
};

// The tables the build generated (the ones for the machine the runtime runs on are what the JIT uses; the others
// are there for the golden and patcher tests).
extern const StencilTable stencils_x86_64;
extern const StencilTable stencils_aarch64;

}  // namespace krait::jit
