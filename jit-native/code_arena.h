// code_arena.h — executable memory for JIT code, never writable and executable at once: the arena is a memfd
// mapped once, read + execute only, near the runtime's own code (so that stencils reach the runtime's data with
// 32-bit displacements and its functions with direct calls); code is written through the file descriptor (pwrite),
// never through a writable mapping. A trace may be written while another trace's code on the same page is running
// (a trace calls Python, which records and compiles another): with no protection change, that is safe. It is also
// cheap: one pwrite() per trace, 3.4 us on this project's machines, where making the pages writable and executable
// again with two mprotect() calls took 20.7 us per trace (richards, 249 traces).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

namespace krait::jit {

class CodeArena {
public:
    // Reserves `capacity` bytes near `near` (false: no memfd, or no room within `reach` bytes of it). `anonymous`:
    // an anonymous mapping instead, written by making its pages writable (not executable) while copying: slower to
    // write, but profilers read their map files (-X perf) only for anonymous code.
    bool init(size_t capacity, const void* near, uint64_t reach, bool anonymous = false);
    bool ready() const { return base_ != nullptr; }
    // A block of `size` bytes (rounded up to kAlign) at its executable address, or nullptr when full.
    uint8_t* allocate(size_t size);
    void release(uint8_t* block, size_t size);
    // Copies bytes into the arena at `at` (an address allocate returned) and makes them visible to instruction
    // fetch (AArch64 needs the caches maintained).
    bool write(uint8_t* at, const uint8_t* bytes, size_t size);
    uint8_t* base() const { return base_; }
    size_t capacity() const { return capacity_; }
    size_t used() const { return used_; }

    static constexpr size_t kAlign = 64;  // a cache line: a trace's first instructions start one

private:
    void forget_translations(uint8_t* at, size_t size);

    int fd_ = -1;
    uint8_t* base_ = nullptr;
    size_t capacity_ = 0;
    size_t top_ = 0;                    // bump pointer: everything above is free
    size_t high_ = 0;                   // the highest top_ so far: below it, code may have run before
    size_t used_ = 0;
    std::map<size_t, size_t> free_;     // offset -> size of freed blocks below top_, coalesced
};

}  // namespace krait::jit
