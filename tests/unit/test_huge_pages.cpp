// test_huge_pages.cpp — memory in huge pages (core/huge_pages.h) and the GC's buffers that use it past 1 MiB.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "gc.h"
#include "huge_pages.h"

using namespace krait;

TEST_CASE("huge_page_alloc gives whole huge pages, aligned to one", "[gc]") {
    if (!kHugePages) {
        CHECK(huge_page_alloc(kHugePage) == nullptr);
        return;
    }
    CHECK(huge_page_round(1) == kHugePage);
    CHECK(huge_page_round(kHugePage) == kHugePage);
    CHECK(huge_page_round(kHugePage + 1) == 2 * kHugePage);
    auto* p = static_cast<uint8_t*>(huge_page_alloc(kHugePage + 100));
    REQUIRE(p);
    CHECK(reinterpret_cast<uintptr_t>(p) % kHugePage == 0);
    std::memset(p, 0x5a, 2 * kHugePage);  // the rounded size is all there
    CHECK(p[2 * kHugePage - 1] == 0x5a);
    huge_page_free(p, kHugePage + 100);
}

TEST_CASE("GC buffers keep their contents when they grow into huge pages and shrink out of them", "[gc]") {
    size_t n = 100;  // values: 800 bytes (the pools), then 1.6 MiB and 6.4 MiB (huge pages), then 8 KiB (malloc)
    auto* v = static_cast<uint64_t*>(gc_buffer_alloc(n * sizeof(uint64_t)));
    REQUIRE(v);
    for (size_t i = 0; i < n; i++) v[i] = i * 7;
    for (size_t grown : {size_t{200'000}, size_t{800'000}}) {
        v = static_cast<uint64_t*>(gc_buffer_realloc(v, n * sizeof(uint64_t), grown * sizeof(uint64_t)));
        REQUIRE(v);
        for (size_t i = 0; i < n; i++) REQUIRE(v[i] == i * 7);
        for (size_t i = n; i < grown; i++) v[i] = i * 7;
        n = grown;
    }
    v = static_cast<uint64_t*>(gc_buffer_realloc(v, n * sizeof(uint64_t), 1000 * sizeof(uint64_t)));
    REQUIRE(v);
    for (size_t i = 0; i < 1000; i++) REQUIRE(v[i] == i * 7);
    gc_buffer_free(v, 1000 * sizeof(uint64_t));
}
