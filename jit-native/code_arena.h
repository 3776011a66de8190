// code_arena.h — executable memory for JIT code, never writable and executable at once: one anonymous mapping,
// read + execute, reserved near the runtime's own code (so that stencils reach the runtime's data with 32-bit
// displacements and its functions with direct calls). Writing a trace makes its pages writable (not executable),
// copies, and makes them executable again. Pages are shared between traces; that is safe because nothing runs in
// the arena while the JIT writes (one thread: a trace that called into Python, which compiled another trace, only
// returns into its code after the write). Making a page writable is also what tells an emulator (qemu-user runs the
// AArch64 tests) to drop its translations of the page's old code; the hardware needs the cache maintenance write()
// does. (A memfd written with pwrite(), the first design, needs no protection change, but it hides the write from
// such an emulator, whose stale translations then crashed reused blocks; and it measured no faster.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

namespace krait::jit {

class CodeArena {
public:
    // Reserves `capacity` bytes near `near` (false: no room within `reach` bytes of it).
    bool init(size_t capacity, const void* near, uint64_t reach);
    bool ready() const { return base_ != nullptr; }
    // A block of `size` bytes (rounded up to kAlign) at its executable address, or nullptr when full.
    uint8_t* allocate(size_t size);
    void release(uint8_t* block, size_t size);
    // Copies bytes into the arena at `at` (an address allocate returned): its pages writable, then executable again,
    // and the instruction cache maintained (AArch64).
    bool write(uint8_t* at, const uint8_t* bytes, size_t size);
    uint8_t* base() const { return base_; }
    size_t capacity() const { return capacity_; }
    size_t used() const { return used_; }

    static constexpr size_t kAlign = 64;  // a cache line: a trace's first instructions start one

private:
    uint8_t* base_ = nullptr;
    size_t capacity_ = 0;
    size_t top_ = 0;                    // bump pointer: everything above is free
    uintptr_t page_ = 4096;
    size_t used_ = 0;
    std::map<size_t, size_t> free_;     // offset -> size of freed blocks below top_, coalesced
};

}  // namespace krait::jit
