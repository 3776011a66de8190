// test_jit_first_touch.cpp — the JIT's start-up reads (jit-native/first_touch.h) stay inside the range they are
// given: the ranges are arrays of the runtime's image, whose neighbours may be unmapped.
#include <catch2/catch.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

#include "first_touch.h"

namespace {
// Three pages, the first and the last unreadable: reading a byte outside the middle one kills the test.
struct Fenced {
    size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    uint8_t* base = static_cast<uint8_t*>(mmap(nullptr, 3 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    uint8_t* middle = base + page;
    Fenced() {
        REQUIRE(base != MAP_FAILED);
        REQUIRE(mprotect(middle, page, PROT_READ) == 0);
    }
    ~Fenced() { munmap(base, 3 * page); }
};
}  // namespace

TEST_CASE("touch_pages and touch_lines read only the range given", "[jit]") {
    Fenced f;
    for (auto touch : {krait::jit::touch_pages, krait::jit::touch_lines}) {
        touch(f.middle, f.page);                // the whole page, exactly
        touch(f.middle + 1, f.page - 2);        // unaligned at both ends
        touch(f.middle + f.page - 1, 1);        // the last byte alone
        touch(f.middle + f.page, 0);            // nothing: at the unreadable page
        touch(f.middle + f.page + 1, 0);        // nothing, not even at an unaligned start
    }
    SUCCEED("no read outside the range faulted");
}
