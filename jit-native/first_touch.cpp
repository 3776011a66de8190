// first_touch.cpp — see first_touch.h.
#include "first_touch.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>

namespace krait::jit {

namespace {
// The cache line of x86-64 and of most AArch64 cores (one of 128 bytes is just read twice).
constexpr uintptr_t kCacheLine = 64;

// Reads a byte every `stride` bytes of [at, at + size), from the first byte of the range, then from each
// stride-aligned address after it.
void touch(const void* at, size_t size, uintptr_t stride) {
    if (!size) return;
    const uintptr_t begin = reinterpret_cast<uintptr_t>(at), end = begin + size;
    for (uintptr_t p = begin & ~(stride - 1); p < end; p += stride)
        (void)*reinterpret_cast<const volatile uint8_t*>(std::max(p, begin));
}
}  // namespace

void touch_pages(const void* at, size_t size) {
    static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    touch(at, size, page);
}

void touch_lines(const void* at, size_t size) { touch(at, size, kCacheLine); }

}  // namespace krait::jit
