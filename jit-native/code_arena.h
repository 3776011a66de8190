// code_arena.h — executable memory for JIT code, never writable and executable at once. The arena is a memfd mapped
// twice: read + execute near the runtime's own code (so that stencils reach the runtime's data with 32-bit
// displacements and its functions with direct calls), and read + write somewhere else. No mapping is ever both;
// code is written through the writable view and runs at the executable one (the "dual mapping" form of W^X, as
// .NET's JIT does it). Freed blocks are reused in batches (see recycle()). Writing costs no system call and no protection change — a protection change
// (two mprotect() calls) cost 20.7 us per trace on this project's machines, one pwrite() 3.4 us (richards, 249
// traces) — and a trace may be written while another trace's code on the same page is suspended on the stack (a
// trace calls Python, which records and compiles another). Pages are populated ahead of use: the first ones at init,
// then on a helper thread (see provide()).
#pragma once

#include <cstddef>
#include <atomic>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "helper_thread.h"

namespace krait::jit {

class CodeArena {
public:
    // Reserves `capacity` bytes near `near` (false: no memfd, or no room within `reach` bytes of it). `anonymous`:
    // a single anonymous mapping instead, made writable (not executable) while code is written into it: slower to
    // write, but profilers read their map files (-X perf) only for anonymous code.
    bool init(size_t capacity, const void* near, uint64_t reach, bool anonymous = false);
    ~CodeArena();
    bool ready() const { return base_ != nullptr; }
    // A block of `size` bytes (rounded up to kAlign) at its executable address, or nullptr when full.
    uint8_t* allocate(size_t size);
    void release(uint8_t* block, size_t size);
    // Writing the code that will run at [at, at + size) (inside one allocated block): begin_write returns where to
    // write it (nullptr if it cannot be made writable); end_write makes what was written visible to instruction
    // fetch (AArch64 needs its caches maintained). write() is both around a copy.
    uint8_t* begin_write(uint8_t* at, size_t size);
    bool end_write(uint8_t* at, size_t size);
    bool write(uint8_t* at, const uint8_t* bytes, size_t size);
    uint8_t* base() const { return base_; }
    size_t capacity() const { return capacity_; }
    size_t used() const { return used_; }
    uint64_t recycles() const { return recycles_; }  // how often the quarantine was recycled
    // The thread that populates the arena ahead of use past its first kPopulateAhead bytes (tests wait for it).
    HelperThread& helper() { return helper_; }

    static constexpr size_t kAlign = 64;           // a cache line: a trace's first instructions start one
    static constexpr size_t kPopulateAhead = 128 << 10;    // populated ahead of the bump pointer
    static constexpr size_t kQuarantineLimit = 1 << 20;  // freed bytes that wait before they are reused (at most
                                                         // an eighth of the arena)

private:
    uint8_t* take(size_t size);
    void provide(size_t end);
    void populate(size_t from, size_t to);
    void recycle();
    void free_block(size_t at, size_t size);

    uint8_t* base_ = nullptr;      // the executable view
    uint8_t* writable_ = nullptr;  // the writable view of the same memory (nullptr: anonymous)
    size_t capacity_ = 0;
    size_t top_ = 0;        // bump pointer: everything above is free
    size_t requested_ = 0;  // bytes from the base populated at init or asked of the helper thread (main thread only)
    std::atomic<size_t> populated_{0};  // of those, populated in both views (written at init, then by the helper)
    size_t used_ = 0;
    std::map<size_t, size_t> free_;  // offset -> size of recycled blocks below top_, coalesced
    std::vector<std::pair<size_t, size_t>> quarantine_;  // freed blocks (offset, size) not recycled yet (see recycle)
    size_t quarantined_bytes_ = 0;
    size_t quarantine_limit_ = 0;
    uint64_t recycles_ = 0;
    HelperThread helper_;  // stopped before the views are unmapped (~CodeArena)
};

}  // namespace krait::jit
