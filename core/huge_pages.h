// huge_pages.h — memory in 2 MiB pieces that the kernel may back with one huge page each: the GC's object pools and
// large buffers (a list's items, a big string). A page fault costs 5-20 us on this project's machines (virtual
// machines: the guest's fault, then the host backing the page); a program that allocates 60 MB of small objects
// took ~15,000 of them, a third of its run. One fault per 2 MiB (Linux transparent huge pages, asked for with madvise
// since most systems enable them only on request) turns that into ~30, and the TLB covers the heap with few entries.
#pragma once

#include <cstddef>

namespace krait {

constexpr size_t kHugePage = 2u << 20;
// Whether this system has them (Linux natively; not wasm): where it does not, callers use malloc.
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
constexpr bool kHugePages = true;
#else
constexpr bool kHugePages = false;
#endif

// `bytes` rounded up to whole huge pages, aligned to one and advised for huge pages (the kernel may still give base
// pages); nullptr when the memory is not there. Freed only with huge_page_free(p, the same bytes).
void* huge_page_alloc(size_t bytes);
void huge_page_free(void* p, size_t bytes);
inline size_t huge_page_round(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace krait
