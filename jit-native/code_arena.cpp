// code_arena.cpp — see code_arena.h.
#include "code_arena.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

// Debian 12's headers predate them (Linux 5.14); a kernel without them refuses the advice and pages fault in instead.
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

namespace krait::jit {

namespace {
uintptr_t distance(uintptr_t a, uintptr_t b) { return a > b ? a - b : b - a; }
uintptr_t page_size() { return static_cast<uintptr_t>(sysconf(_SC_PAGESIZE)); }
// The pages that hold [at, at + size).
void page_range(const void* at, size_t size, uintptr_t* lo, uintptr_t* hi) {
    const uintptr_t page = page_size();
    *lo = reinterpret_cast<uintptr_t>(at) & ~(page - 1);
    *hi = (reinterpret_cast<uintptr_t>(at) + size + page - 1) & ~(page - 1);
}
bool protect(const void* at, size_t size, int prot) {
    uintptr_t lo, hi;
    page_range(at, size, &lo, &hi);
    return mprotect(reinterpret_cast<void*>(lo), hi - lo, prot) == 0;
}
}  // namespace

bool CodeArena::init(size_t capacity, const void* near, uint64_t reach, bool anonymous) {
    int fd = -1;
    if (!anonymous) {
        fd = memfd_create("krait-jit", MFD_CLOEXEC);
        if (fd < 0) return false;
        if (ftruncate(fd, static_cast<off_t>(capacity)) != 0) {
            close(fd);
            return false;
        }
    }
    // Try addresses just below and above the runtime's code, stepping away until one is free and in reach.
    uintptr_t anchor = reinterpret_cast<uintptr_t>(near) & ~static_cast<uintptr_t>(0xFFFFF);
    const uintptr_t step = 64u << 20;
    for (uintptr_t k = 1; k < 32 && !base_; k++) {
        for (int side = 0; side < 2 && !base_; side++) {
            uintptr_t hint = side ? anchor + k * step : anchor - k * step - capacity;
            if (hint < (1u << 30)) continue;
            void* p = anonymous ? mmap(reinterpret_cast<void*>(hint), capacity, PROT_READ | PROT_EXEC,
                                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0)
                                : mmap(reinterpret_cast<void*>(hint), capacity, PROT_READ | PROT_EXEC,
                                       MAP_SHARED | MAP_FIXED_NOREPLACE, fd, 0);
            if (p == MAP_FAILED) continue;
            uintptr_t lo = reinterpret_cast<uintptr_t>(p), hi = lo + capacity;
            if (distance(lo, reinterpret_cast<uintptr_t>(near)) < reach &&
                distance(hi, reinterpret_cast<uintptr_t>(near)) < reach) {
                base_ = static_cast<uint8_t*>(p);
            } else {
                munmap(p, capacity);  // a kernel that ignores the hint's flag placed it elsewhere
            }
        }
    }
    if (base_ && !anonymous) {
        void* w = mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (w == MAP_FAILED) {
            munmap(base_, capacity);
            base_ = nullptr;
        } else {
            writable_ = static_cast<uint8_t*>(w);
        }
    }
    if (fd >= 0) close(fd);  // the mappings keep the memory
    if (!base_) return false;
    capacity_ = capacity;
    quarantine_limit_ = std::min(kQuarantineLimit, capacity / 8);
    // The first pages on this thread, now: a program that compiles little never starts the helper thread (see
    // helper_thread.h for what the thread cost the first compiles).
    if (writable_) {
        requested_ = std::min(capacity_, kPopulateAhead);
        populate(0, requested_);
    }
    return true;
}

CodeArena::~CodeArena() {
    helper_.stop();
    if (base_) munmap(base_, capacity_);
    if (writable_) munmap(writable_, capacity_);
}

// Keeps both views populated at least kPopulateAhead / 2 bytes above `end`, so that writing and running new code
// takes no page faults (6-15 us each here; populating a run of pages 1-3 us per page). Each new page is also written
// once: on this project's machines (virtual machines) the first write to a page the kernel hands out costs ~5 us
// more, page fault or not (the hypervisor backs it then). Beyond the first kPopulateAhead bytes (populated at init),
// the helper thread does both, whole pages at a time above what it did before: the main thread never writes there
// until populated_ says the job is done, and waits for the job only when a block would reach past it (a trace larger
// than the margin, or compiles faster than the helper).
void CodeArena::provide(size_t end) {
    if (!writable_) return;
    if (requested_ < capacity_ && requested_ < end + kPopulateAhead / 2) {
        const size_t page = page_size(), from = requested_;
        const size_t to = std::min(capacity_, (end + kPopulateAhead + page - 1) / page * page);
        requested_ = to;
        helper_.post([this, from, to] { populate(from, to); });
    }
    if (populated_.load(std::memory_order_acquire) < end) helper_.wait_idle();
}

// On the helper thread (or at init): [from, to) is page-aligned and above every block handed out.
void CodeArena::populate(size_t from, size_t to) {
    madvise(writable_ + from, to - from, MADV_POPULATE_WRITE);
    madvise(base_ + from, to - from, MADV_POPULATE_READ);
    const size_t page = page_size();
    for (size_t at = from; at < to; at += page) reinterpret_cast<volatile uint8_t*>(writable_)[at] = 0;
    populated_.store(to, std::memory_order_release);
}

uint8_t* CodeArena::allocate(size_t size) {
    size = (size + kAlign - 1) & ~(kAlign - 1);
    if (uint8_t* block = take(size)) return block;
    if (quarantined_bytes_ == 0) return nullptr;
    recycle();
    return take(size);
}

uint8_t* CodeArena::take(size_t size) {
    for (auto it = free_.begin(); it != free_.end(); ++it) {  // first fit among recycled blocks
        if (it->second < size) continue;
        size_t at = it->first, left = it->second - size;
        free_.erase(it);
        if (left) free_[at + size] = left;
        used_ += size;
        return base_ + at;
    }
    if (top_ + size > capacity_) return nullptr;
    size_t at = top_;
    top_ += size;
    used_ += size;
    provide(top_);
    return base_ + at;
}

void CodeArena::release(uint8_t* block, size_t size) {
    size = (size + kAlign - 1) & ~(kAlign - 1);
    size_t at = static_cast<size_t>(block - base_);
    used_ -= size;
    quarantine_.emplace_back(at, size);
    quarantined_bytes_ += size;
    if (!writable_ || quarantined_bytes_ >= quarantine_limit_) recycle();
}

// Freed code may have run, and an emulator (qemu-user, which runs the AArch64 tests) keeps its translations of it
// unless it sees the executable page made writable: writes through the other view happen behind its back (the
// hardware needs only the cache maintenance end_write() does). So freed blocks wait in quarantine and are recycled
// together: a brief writable, not executable, phase of the pages that hold them tells the emulator, and is harmless
// (nothing runs in the arena while the JIT compiles; no page is ever both). Two mprotect() calls cost about 50 us
// here: done once per quarantine_limit_ bytes freed, not once per trace (richards retires 117 of its 248 traces).
void CodeArena::recycle() {
    if (writable_ && !quarantine_.empty()) {
        size_t lo = capacity_, hi = 0;
        for (auto [at, size] : quarantine_) {
            lo = std::min(lo, at);
            hi = std::max(hi, at + size);
        }
        protect(base_ + lo, hi - lo, PROT_READ | PROT_WRITE);
        protect(base_ + lo, hi - lo, PROT_READ | PROT_EXEC);
    }
    if (!quarantine_.empty()) recycles_++;
    for (auto [at, size] : quarantine_) free_block(at, size);
    quarantine_.clear();
    quarantined_bytes_ = 0;
}

// Returns a block to the free list, merged with its free neighbours (the topmost goes back to the bump area).
void CodeArena::free_block(size_t at, size_t size) {
    auto next = free_.lower_bound(at);
    if (next != free_.end() && next->first == at + size) {  // merge with the free block after it
        size += next->second;
        next = free_.erase(next);
    }
    if (next != free_.begin()) {  // and with the one before
        auto prev = std::prev(next);
        if (prev->first + prev->second == at) {
            prev->second += size;
            at = prev->first;
            size = prev->second;
        } else {
            free_[at] = size;
        }
    } else {
        free_[at] = size;
    }
    auto last = free_.find(at);
    if (at + size == top_) {  // the topmost block goes back to the bump area
        top_ = at;
        free_.erase(last);
    }
}

uint8_t* CodeArena::begin_write(uint8_t* at, size_t size) {
    if (writable_) return writable_ + (at - base_);
    return protect(at, size, PROT_READ | PROT_WRITE) ? at : nullptr;  // anonymous: the old code leaves no translations
}

bool CodeArena::end_write(uint8_t* at, size_t size) {
    bool ok = writable_ || protect(at, size, PROT_READ | PROT_EXEC);
    __builtin___clear_cache(reinterpret_cast<char*>(at), reinterpret_cast<char*>(at + size));
    return ok;
}

bool CodeArena::write(uint8_t* at, const uint8_t* bytes, size_t size) {
    uint8_t* to = begin_write(at, size);
    if (!to) return false;
    std::memcpy(to, bytes, size);
    return end_write(at, size);
}

}  // namespace krait::jit
