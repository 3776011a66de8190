// trace_compiler.h — compiling a trace is copying its uops' stencils one after the other into the code arena and
// patching their holes (copy-and-patch): no instruction selection, no compiler at run time.
//
// Layout of a trace's block: [trace head][hot code of uop 0][uop 1]...[uop n-1][fell-off trap][cold code of each uop][data].
// A uop's code is its memory form or the register variant the register allocator chose (core/tier2_regalloc.cpp),
// after the spill stencil it asked for, if any: the trace is a sequence of pieces, each one stencil. A piece's hot
// code that ends with its jump to the next piece is copied without it (the next piece's code follows); the last
// keeps it, aimed at the trap. The cold parts (deopts, errors) stay out of the way of the hot path.
// Calls and jumps whose target is out of a displacement's reach go through trampolines shared by all traces.
#pragma once

#include <unordered_map>
#include <vector>

#include "code_arena.h"
#include "stencil.h"
#include "tier2.h"

namespace krait::jit {

struct NativeTrace {
    uint8_t* code = nullptr;  // the trace's entry (its head), in the arena: the block starts here
    size_t size = 0;          // bytes of the block
    size_t hot_size = 0;      // bytes of the uops' hot code, at its start
};

enum class CompileFailure { None, ArenaFull, OutOfRange };

class TraceCompiler {
public:
    // Reads every cache line of the stencil table (the first compiles find it mapped and in the caches).
    TraceCompiler(const StencilTable& table, CodeArena& arena);
    // Copies and patches ex's uops into the arena. Null with *why set when the arena is full or a hole cannot hold
    // its value (then the uop interpreter runs the trace).
    NativeTrace* compile(const Executor& ex, CompileFailure* why);
    void release(NativeTrace* trace);
    // Where uop i's code starts in the block of the trace compiled last (for -X dump-jit, right after the compile).
    uint32_t uop_offset(size_t i) const { return layout_.hot[layout_.first_piece[i]]; }
    // The machine code of a stencil with no holes (the entry shim), copied into the arena once.
    uint8_t* install_fixed(const Stencil& s);

private:
    // One stencil of the trace: a uop's (memory form or register variant), or a spill before it.
    struct Piece {
        const Stencil* stencil;
        uint32_t uop;  // the uop it belongs to (whose holes it takes)
    };
    // Where each piece's parts go in the block being compiled.
    struct Layout {
        std::vector<Piece> pieces;
        std::vector<uint32_t> first_piece;  // per uop: its first piece (its spill, if any)
        std::vector<uint32_t> hot, hot_len, cold, data;  // per piece: offsets in the block, the hot code's length
        uint32_t fell_off = 0;
        uint32_t top = 0;  // where _JUMP_TO_TOP continues
        uint64_t entry = 0;  // the root trace's code, where a side trace's recursive call goes (0: this block's)
    };
    void choose_stencils(const Executor& ex);
    void prefetch_record(const Stencil& s) const;
    void hole_values(const Executor& ex, size_t p, uint64_t base);
    uint64_t trampoline(uint64_t address);
    bool fill(const Executor& ex, uint8_t* out, uint64_t base, size_t code_end, size_t size);
    bool patch(const Stencil& s, uint32_t hot_len, uint8_t* out, uint32_t hot, uint32_t cold, uint64_t base);
    bool patch_part(const uint8_t* holes, uint32_t n, uint8_t* out, uint32_t at, uint64_t base);
    [[gnu::noinline]] bool patch_through_trampoline(const Hole& h, uint8_t* loc, uint64_t pc, uint64_t target);

    const StencilTable& table_;
    CodeArena& arena_;
    Layout layout_;
    // What the holes of the piece being patched are patched with, by Hole::value: the per-uop values (hole_values)
    // then the runtime symbols' addresses.
    std::vector<uint64_t> values_;
    std::unordered_map<uint64_t, uint64_t> trampolines_;  // target address -> trampoline address
    uint8_t* trampoline_page_ = nullptr;
    size_t trampoline_used_ = SIZE_MAX;  // bytes of trampoline_page_ in use (none yet: a page is needed)
};

}  // namespace krait::jit
