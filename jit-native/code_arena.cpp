// code_arena.cpp — see code_arena.h.
#include "code_arena.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace krait::jit {

namespace {
uintptr_t distance(uintptr_t a, uintptr_t b) { return a > b ? a - b : b - a; }
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
    for (uintptr_t k = 1; k < 32; k++) {
        for (int side = 0; side < 2; side++) {
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
                fd_ = fd;
                base_ = static_cast<uint8_t*>(p);
                capacity_ = capacity;
                return true;
            }
            munmap(p, capacity);  // a kernel that ignores the hint's flag placed it elsewhere
        }
    }
    if (fd >= 0) close(fd);
    return false;
}

uint8_t* CodeArena::allocate(size_t size) {
    size = (size + kAlign - 1) & ~(kAlign - 1);
    for (auto it = free_.begin(); it != free_.end(); ++it) {  // first fit among freed blocks
        if (it->second < size) continue;
        size_t at = it->first, left = it->second - size;
        free_.erase(it);
        if (left) free_[at + size] = left;
        used_ += size;
        forget_translations(base_ + at, size);
        return base_ + at;
    }
    if (top_ + size > capacity_) return nullptr;
    size_t at = top_;
    top_ += size;
    used_ += size;
    if (at < high_) forget_translations(base_ + at, std::min(size, high_ - at));  // freed blocks went back to the top
    high_ = std::max(high_, top_);
    return base_ + at;
}

void CodeArena::release(uint8_t* block, size_t size) {
    size = (size + kAlign - 1) & ~(kAlign - 1);
    size_t at = static_cast<size_t>(block - base_);
    used_ -= size;
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

// Code that ran here before is about to be replaced. The hardware needs only the cache maintenance write() does; an
// emulator (qemu-user, which runs the AArch64 tests) keeps its translations of the old code unless it sees the page
// made writable: pwrite() changes the page behind its back. A brief writable, not executable, phase tells it, and
// is harmless: nothing runs in the arena while the JIT compiles (one thread), and it never makes a page both.
void CodeArena::forget_translations(uint8_t* at, size_t size) {
    if (fd_ < 0) return;  // anonymous: write() makes the pages writable anyway
    const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    uintptr_t lo = reinterpret_cast<uintptr_t>(at) & ~(page - 1);
    uintptr_t hi = (reinterpret_cast<uintptr_t>(at) + size + page - 1) & ~(page - 1);
    mprotect(reinterpret_cast<void*>(lo), hi - lo, PROT_READ | PROT_WRITE);
    mprotect(reinterpret_cast<void*>(lo), hi - lo, PROT_READ | PROT_EXEC);
}

bool CodeArena::write(uint8_t* at, const uint8_t* bytes, size_t size) {
    if (fd_ < 0) {  // anonymous: writable (not executable) while copying
        uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
        uintptr_t lo = reinterpret_cast<uintptr_t>(at) & ~(page - 1);
        uintptr_t hi = (reinterpret_cast<uintptr_t>(at) + size + page - 1) & ~(page - 1);
        if (mprotect(reinterpret_cast<void*>(lo), hi - lo, PROT_READ | PROT_WRITE) != 0) return false;
        std::memcpy(at, bytes, size);
        bool ok = mprotect(reinterpret_cast<void*>(lo), hi - lo, PROT_READ | PROT_EXEC) == 0;
        __builtin___clear_cache(reinterpret_cast<char*>(at), reinterpret_cast<char*>(at + size));
        return ok;
    }
    uint8_t* start = at;
    while (size > 0) {
        ssize_t n = pwrite(fd_, bytes, size, static_cast<off_t>(at - base_));
        if (n <= 0) return false;
        bytes += n;
        size -= static_cast<size_t>(n);
        at += n;
    }
    __builtin___clear_cache(reinterpret_cast<char*>(start), reinterpret_cast<char*>(at));
    return true;
}

}  // namespace krait::jit
