// test_jit_helper_thread.cpp — the JIT's helper thread (jit-native/helper_thread.h) and the code arena's pages
// populated on it ahead of use.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstring>
#include <vector>

#include "code_arena.h"
#include "helper_thread.h"

using krait::jit::CodeArena;
using krait::jit::HelperThread;

namespace {
int anchor() { return 2; }
}  // namespace

TEST_CASE("the helper thread runs jobs in the order posted and wait_idle waits for them", "[jit]") {
    HelperThread helper;
    std::vector<int> order;  // written by the helper only, read after wait_idle
    std::atomic<int> running{0};
    for (int k = 0; k < 100; k++) {
        helper.post([&order, &running, k] {
            running++;
            order.push_back(k);
            running--;
        });
    }
    helper.wait_idle();
    CHECK(running == 0);
    REQUIRE(order.size() == 100);
    for (int k = 0; k < 100; k++) CHECK(order[k] == k);
    helper.stop();
    bool ran = false;
    helper.post([&ran] { ran = true; });  // after stop: runs inline
    CHECK(ran);
}

TEST_CASE("the code arena hands out blocks past the populated margin only once they are populated", "[jit]") {
    const size_t capacity = 4 << 20, block = 40 << 10;  // each block larger than the helper's margin ahead
    CodeArena arena;
    REQUIRE(arena.init(capacity, reinterpret_cast<const void*>(&anchor), 1ull << 31));
    std::vector<uint8_t> bytes(block);
    std::vector<uint8_t*> blocks;
    for (size_t n = 0; n < capacity / block; n++) {
        uint8_t* at = arena.allocate(block);
        REQUIRE(at);
        blocks.push_back(at);
        std::memset(bytes.data(), static_cast<int>(n + 1), block);
        REQUIRE(arena.write(at, bytes.data(), block));
        CHECK(at[0] == static_cast<uint8_t>(n + 1));
        CHECK(at[block - 1] == static_cast<uint8_t>(n + 1));
    }
    arena.helper().wait_idle();
    for (size_t n = 0; n < blocks.size(); n++) {  // no populate job wrote over a block handed out before it
        CHECK(blocks[n][0] == static_cast<uint8_t>(n + 1));
        CHECK(blocks[n][block / 2] == static_cast<uint8_t>(n + 1));
        CHECK(blocks[n][block - 1] == static_cast<uint8_t>(n + 1));
    }
}
