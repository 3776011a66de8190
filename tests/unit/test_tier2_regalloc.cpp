// test_tier2_regalloc.cpp — the tier-2 register allocator (core/tier2_regalloc.cpp): which variant each uop of a
// trace runs (how many value registers hold the stack's top when it starts) and where the values go back to the
// frame.
#include <catch2/catch.hpp>

#include <vector>

#include "code.h"
#include "tier2.h"

using namespace krait;

namespace {

Executor trace(std::initializer_list<uint16_t> ops, uint32_t loop_start = 0) {
    Executor ex;
    for (uint16_t op : ops) {
        UopInst u{};
        u.op = op;
        u.exit = kNoExit;
        ex.uops.push_back(u);
    }
    ex.loop_start = loop_start;
    tier2_allocate_registers(&ex);
    return ex;
}

// The depth of each uop, after checking that its variant flag says what the table says of that depth.
std::vector<int> depths(const Executor& ex) {
    std::vector<int> d;
    for (size_t i = 0; i < ex.regs.size(); i++) {
        const UopRegs& r = ex.regs[i];
        CHECK(r.variant == (uop_regs_out[ex.uops[i].op][r.depth] >= 0));
        d.push_back(r.depth);
    }
    return d;
}

std::vector<int> spills(const Executor& ex) {
    std::vector<int> s;
    for (const UopRegs& r : ex.regs) s.push_back(r.spill);
    return s;
}

}  // namespace

TEST_CASE("an expression's temporaries stay in the value registers", "[tier2]") {
    // x = a * b + c, with its float guards: nothing goes through the frame but the locals.
    Executor ex = trace({UOP_LOAD_FAST, UOP_LOAD_FAST, UOP_GUARD_BOTH_FLOAT, UOP_BINARY_OP_MULTIPLY_FLOAT,
                         UOP_LOAD_FAST, UOP_GUARD_BOTH_FLOAT, UOP_BINARY_OP_ADD_FLOAT, UOP_STORE_FAST,
                         UOP_JUMP_TO_TOP});
    CHECK(depths(ex) == std::vector<int>{0, 1, 2, 2, 1, 2, 2, 1, 0});
    CHECK(spills(ex) == std::vector<int>{0, 0, 0, 0, 0, 0, 0, 0, 0});
    CHECK(uop_regs_out[UOP_STORE_FAST][1] == 0);
    CHECK(uop_regs_out[UOP_JUMP_TO_TOP][0] < 0);  // the memory form: leaves the trace's stack in the frame
}

TEST_CASE("a fourth value spills the deepest register; a uop without variants spills them all", "[tier2]") {
    Executor ex = trace({UOP_LOAD_FAST, UOP_LOAD_FAST, UOP_LOAD_FAST, UOP_LOAD_FAST, UOP_CALL_BUILTIN,
                         UOP_LOAD_FAST, UOP_JUMP_TO_TOP});
    // The fourth load runs at depth 3 and stays at 3 (its variant writes reg0 to the frame itself); the call
    // (which can run any code) needs every value in the frame: a spill of 3 before it, then its memory form;
    // the same before _JUMP_TO_TOP.
    CHECK(depths(ex) == std::vector<int>{0, 1, 2, 3, 0, 0, 0});
    CHECK(spills(ex) == std::vector<int>{0, 0, 0, 0, 3, 0, 1});
    CHECK_FALSE(ex.regs[4].variant);  // the call's memory form
    CHECK(ex.regs[5].variant);
    CHECK(uop_regs_out[UOP_LOAD_FAST][3] == 3);
    CHECK(uop_regs_out[UOP_CALL_BUILTIN][0] < 0);
}

TEST_CASE("the loop's first uop starts with every value in the frame, as _JUMP_TO_TOP leaves it", "[tier2]") {
    Executor ex = trace({UOP_LOAD_FAST, UOP_LOAD_FAST, UOP_GUARD_BOTH_FLOAT, UOP_BINARY_OP_ADD_FLOAT,
                         UOP_STORE_FAST, UOP_JUMP_TO_TOP},
                        2);
    // The guard at the loop's top reads both operands from the frame and leaves them in registers.
    CHECK(spills(ex) == std::vector<int>{0, 0, 2, 0, 0, 0});
    CHECK(depths(ex) == std::vector<int>{0, 1, 0, 2, 1, 0});
}

TEST_CASE("COPY and SWAP with small opargs have register variants", "[tier2]") {
    CHECK(uop_regs_out[UOP_COPY_1][1] == 2);
    CHECK(uop_regs_out[UOP_COPY_2][2] == 3);
    CHECK(uop_regs_out[UOP_SWAP_2][2] == 2);
    CHECK(uop_regs_out[UOP_SWAP_3][3] == 3);
    CHECK(uop_regs_out[UOP_COPY][0] < 0);  // an array item: the frame's memory
}
