// huge_pages.cpp — see huge_pages.h.
#include "huge_pages.h"

#include <cstdint>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>

namespace krait {

void* huge_page_alloc(size_t bytes) {
    const size_t size = huge_page_round(bytes);
    // A huge page more than asked for, then the unaligned ends given back: mmap aligns only to the base page.
    void* p = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    const uintptr_t start = reinterpret_cast<uintptr_t>(p), end = start + size + kHugePage;
    const uintptr_t aligned = (start + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
    if (aligned > start) munmap(p, aligned - start);
    if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
#ifdef MADV_HUGEPAGE
    madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // refused: base pages, as malloc's
#endif
    return reinterpret_cast<void*>(aligned);
}

void huge_page_free(void* p, size_t bytes) {
    if (p) munmap(p, huge_page_round(bytes));
}

}  // namespace krait
#else
namespace krait {
void* huge_page_alloc(size_t) { return nullptr; }
void huge_page_free(void*, size_t) {}
}  // namespace krait
#endif
