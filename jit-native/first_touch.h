// first_touch.h — reading memory ahead of need, so that the JIT's compiles do not pay for the first touch. On this
// project's machines (virtual machines) the first touch of a page of the runtime's image costs 5-20 us (it is mapped
// from the file a fault at a time), and the first read of a cache line that was never read comes from memory.
#pragma once

#include <cstddef>

namespace krait::jit {

// Reads a byte of each page of [at, at + size): mapped, readable memory (the runtime's image). Maps the pages.
void touch_pages(const void* at, size_t size);
// Reads a byte of each cache line of [at, at + size) (the same memory): the lines come into the caches in one
// stream, which the hardware prefetcher runs ahead of, instead of a miss at a time when they are first needed.
void touch_lines(const void* at, size_t size);

}  // namespace krait::jit
