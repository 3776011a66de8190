// test_jit_patch.cpp — the native JIT's pieces below the trace: the patcher's arithmetic for every relocation kind
// (both targets, whatever the host), trampolines, the code arena (never writable and executable at once) and the
// generated stencil tables' invariants.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "code.h"
#include "code_arena.h"
#include "opcode_ids.h"
#include "patch.h"
#include "stencil.h"

using namespace krait::jit;

namespace {

uint32_t word(const uint8_t* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}
void set_word(uint8_t* p, uint32_t v) { std::memcpy(p, &v, 4); }

// Patches a 4-byte instruction (AArch64) or field (x86-64) holding `before`, and returns the result.
uint32_t patched(uint32_t before, HoleKind kind, uint64_t pc, uint64_t value, bool* ok = nullptr) {
    uint8_t b[8] = {};
    set_word(b, before);
    bool r = patch_hole(b, pc, kind, value);
    if (ok) *ok = r;
    return word(b);
}

}  // namespace

TEST_CASE("x86-64 absolute holes: 64-bit, and 32-bit ones refuse what does not fit", "[jit]") {
    uint8_t b[8] = {};
    REQUIRE(patch_hole(b, 0, HoleKind::X86_64_64, 0x123456789ABCDEF0ull));
    uint64_t v;
    std::memcpy(&v, b, 8);
    CHECK(v == 0x123456789ABCDEF0ull);
    bool ok;
    CHECK(patched(0, HoleKind::X86_64_32, 0, 0xFFFFFFFFu, &ok) == 0xFFFFFFFFu);
    CHECK(ok);
    patched(0, HoleKind::X86_64_32, 0, 0x100000000ull, &ok);
    CHECK_FALSE(ok);
    CHECK(patched(0, HoleKind::X86_64_32S, 0, static_cast<uint64_t>(-5), &ok) == static_cast<uint32_t>(-5));
    CHECK(ok);
    patched(0, HoleKind::X86_64_32S, 0, 0x80000000u, &ok);
    CHECK_FALSE(ok);
}

TEST_CASE("x86-64 PC-relative holes: displacement from the field, range checked", "[jit]") {
    // call rel32 at 0x1000: the field is at 0x1001, the addend -4 makes the displacement relative to 0x1005.
    bool ok;
    CHECK(patched(0, HoleKind::X86_64_PLT32, 0x1001, 0x2000 - 4, &ok) == 0x2000 - 0x1005);
    CHECK(ok);
    CHECK(patched(0, HoleKind::X86_64_PC32, 0x10000, 0x8000 - 4, &ok) == static_cast<uint32_t>(0x8000 - 0x10004));
    CHECK(ok);
    patched(0, HoleKind::X86_64_PLT32, 0x1000, 0x1000 + (3ull << 31), &ok);
    CHECK_FALSE(ok);
}

TEST_CASE("the x86-64 fast patcher writes what patch_hole writes and says when a value does not fit", "[jit]") {
    // A 64-bit hole, then one 32-bit hole of each kind, patched with values[value] + addend; pc 0x10000.
    const uint8_t holes[] = {
        KRAIT_HOLE(0x0, X86_64_64, 0, 8),
        KRAIT_HOLE(0x8, X86_64_32, 1, 0),
        KRAIT_HOLE(0xc, X86_64_32S, 2, -16),
        KRAIT_HOLE(0x10, X86_64_PC32, 3, -4),
        KRAIT_HOLE(0x14, X86_64_PLT32, 1, -4),
    };
    const uint64_t pc = 0x10000;
    auto check_against_patch_hole = [&](const uint64_t* values, bool fits) {
        uint8_t fast[0x18] = {}, slow[0x18] = {};
        CHECK(patch_x86_64_holes(holes, 1, 5, values, fast, pc) == fits);
        bool all = true;
        for (uint32_t k = 0; k < 5; k++) {
            const Hole h = read_hole(holes + k * kHoleBytes);
            all = patch_hole(slow + h.offset, pc + h.offset, h.kind,
                             values[h.value] + static_cast<uint64_t>(int64_t{h.addend})) && all;
        }
        CHECK(all == fits);
        if (fits) CHECK(std::memcmp(fast, slow, sizeof fast) == 0);
    };
    const uint64_t near[] = {0x1122334455667788ull, 0x12345, static_cast<uint64_t>(-40), 0x9000};
    check_against_patch_hole(near, true);
    const uint64_t too_big[] = {0, 0x100000000ull, 0, 0x9000};  // the unsigned 32-bit hole
    check_against_patch_hole(too_big, false);
    const uint64_t too_far[] = {0, 0x12345, 0, 0x10000 + (3ull << 30)};  // the displacement
    check_against_patch_hole(too_far, false);
    const uint64_t not_signed[] = {0, 0x12345, 0x80000010u, 0x9000};  // 2^31 after the addend: not a signed 32-bit
    check_against_patch_hole(not_signed, false);
    // A kind the fast patcher does not know (an AArch64 one) always sends the part the general way.
    const uint8_t other[] = {KRAIT_HOLE(0x0, A64_JUMP26, 0, 0)};
    uint8_t code[4] = {};
    CHECK_FALSE(patch_x86_64_holes(other, 0, 1, near, code, pc));
}

TEST_CASE("AArch64 MOVZ/MOVK holes take 16 bits each", "[jit]") {
    const uint64_t v = 0x1122334455667788ull;
    CHECK(patched(0xD2800000, HoleKind::A64_MOVW_G0_NC, 0, v) == (0xD2800000 | (0x7788u << 5)));  // movz x0
    CHECK(patched(0xF2A00000, HoleKind::A64_MOVW_G1_NC, 0, v) == (0xF2A00000 | (0x5566u << 5)));  // movk, lsl 16
    CHECK(patched(0xF2C00000, HoleKind::A64_MOVW_G2_NC, 0, v) == (0xF2C00000 | (0x3344u << 5)));
    CHECK(patched(0xF2E00000, HoleKind::A64_MOVW_G3, 0, v) == (0xF2E00000 | (0x1122u << 5)));
    CHECK(patched(0xD2800000 | (0xFFFFu << 5) | 3, HoleKind::A64_MOVW_G0_NC, 0, 0x1) == (0xD2800000 | (1u << 5) | 3));
}

TEST_CASE("AArch64 branches: BL/B 26-bit, B.cond 19-bit, with range checks", "[jit]") {
    bool ok;
    CHECK(patched(0x94000000, HoleKind::A64_CALL26, 0x1000, 0x2000, &ok) == 0x94000400);  // bl +0x1000
    CHECK(ok);
    CHECK(patched(0x14000000, HoleKind::A64_JUMP26, 0x2000, 0x1000, &ok) == (0x14000000 | 0x3FFFC00));  // b -0x1000
    CHECK(ok);
    patched(0x14000000, HoleKind::A64_JUMP26, 0, 1ull << 28, &ok);
    CHECK_FALSE(ok);
    CHECK(patched(0x54000000, HoleKind::A64_CONDBR19, 0x1000, 0x1010, &ok) == 0x54000080);  // b.eq +16
    CHECK(ok);
    patched(0x54000000, HoleKind::A64_CONDBR19, 0, 1ull << 21, &ok);
    CHECK_FALSE(ok);
    CHECK(patched(0x36000000, HoleKind::A64_TSTBR14, 0x1000, 0x1020, &ok) == 0x36000100);  // tbz w0, #0, +32
    CHECK(ok);
    patched(0x36000000, HoleKind::A64_TSTBR14, 0, 1ull << 15, &ok);
    CHECK_FALSE(ok);
}

TEST_CASE("AArch64 page holes: ADRP page displacement, ADD and LDR low 12 bits", "[jit]") {
    bool ok;
    CHECK(patched(0x90000000, HoleKind::A64_ADR_PREL_PG_HI21, 0x1234, 0x5678, &ok) == 0x90000020);  // 4 pages
    CHECK(ok);
    CHECK(patched(0x90000000, HoleKind::A64_ADR_PREL_PG_HI21, 0x1234, 0x2234, &ok) == 0xB0000000);  // 1 page
    CHECK(patched(0x91000000, HoleKind::A64_ADD_ABS_LO12_NC, 0, 0x5678) == 0x9119E000);
    CHECK(patched(0xF9400000, HoleKind::A64_LDST64_ABS_LO12_NC, 0, 0x5678, &ok) == 0xF9433C00);
    CHECK(ok);
    patched(0xF9400000, HoleKind::A64_LDST64_ABS_LO12_NC, 0, 0x5674, &ok);  // not 8-byte aligned
    CHECK_FALSE(ok);
}

TEST_CASE("trampolines jump to a 64-bit address on both targets", "[jit]") {
    uint8_t t[kTrampolineSize];
    write_trampoline(t, Target::X86_64, 0x1122334455667788ull);
    const uint8_t jmp[6] = {0xFF, 0x25, 0, 0, 0, 0};
    CHECK(std::memcmp(t, jmp, 6) == 0);
    uint64_t a;
    std::memcpy(&a, t + 6, 8);
    CHECK(a == 0x1122334455667788ull);
    write_trampoline(t, Target::AArch64, 0x1122334455667788ull);
    CHECK(word(t) == 0x58000050);
    CHECK(word(t + 4) == 0xD61F0200);
    std::memcpy(&a, t + 8, 8);
    CHECK(a == 0x1122334455667788ull);
}

namespace {
// The permissions /proc/self/maps gives the mapping that holds p ("r-xs" ...).
std::string permissions_of(const void* p) {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    uintptr_t at = reinterpret_cast<uintptr_t>(p);
    while (std::getline(maps, line)) {
        std::istringstream in(line);
        std::string range, perms;
        in >> range >> perms;
        uintptr_t lo = std::stoull(range.substr(0, range.find('-')), nullptr, 16);
        uintptr_t hi = std::stoull(range.substr(range.find('-') + 1), nullptr, 16);
        if (at >= lo && at < hi) return perms;
    }
    return "";
}
int anchor_function() { return 1; }
}  // namespace

TEST_CASE("the code arena: near the runtime, never writable and executable, blocks recycled and coalesced", "[jit]") {
    const size_t capacity = 1 << 20;
    CodeArena arena;
    REQUIRE(arena.init(capacity, reinterpret_cast<const void*>(&anchor_function), 1ull << 31));
    uintptr_t base = reinterpret_cast<uintptr_t>(arena.base());
    uintptr_t anchor = reinterpret_cast<uintptr_t>(&anchor_function);
    CHECK((base > anchor ? base - anchor : anchor - base) < (1ull << 31));
    CHECK(permissions_of(arena.base()) == "r-xs");
    uint8_t* a = arena.allocate(100);
    uint8_t* b = arena.allocate(10);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(reinterpret_cast<uintptr_t>(a) % CodeArena::kAlign == 0);
    CHECK(b == a + 128);
    const uint8_t bytes[5] = {1, 2, 3, 4, 5};
    uint8_t* view = arena.begin_write(b, sizeof bytes);
    REQUIRE(view);
    CHECK(view != b);                           // another mapping of the same memory
    CHECK(permissions_of(view) == "rw-s");      // writable, not executable
    std::memcpy(view, bytes, sizeof bytes);
    REQUIRE(arena.end_write(b, sizeof bytes));
    CHECK(std::memcmp(b, bytes, sizeof bytes) == 0);  // visible at the executable address
    CHECK(permissions_of(b) == "r-xs");
    const uint8_t more[3] = {7, 8, 9};
    REQUIRE(arena.write(b + 8, more, sizeof more));
    CHECK(std::memcmp(b + 8, more, sizeof more) == 0);

    arena.release(a, 100);
    uint8_t* c = arena.allocate(64);
    CHECK(c == b + 64);  // a waits in quarantine: new blocks come from the untouched memory
    uint8_t* rest = arena.allocate(capacity - 256);
    CHECK(rest == c + 64);  // exactly what is left
    CHECK(arena.allocate(64) == a);       // full: the quarantine is recycled, first fit in a's block
    CHECK(arena.allocate(64) == a + 64);  // its rest
    CHECK(permissions_of(a) == "r-xs");   // recycling never leaves a page writable
    arena.release(a, 64);
    arena.release(a + 64, 64);
    arena.release(b, 10);
    arena.release(c, 64);
    arena.release(rest, capacity - 256);
    CHECK(arena.used() == 0);
    CHECK(arena.allocate(capacity) == arena.base());  // all recycled and coalesced into one block
    CHECK(arena.allocate(64) == nullptr);              // more than the arena holds
}

TEST_CASE("the anonymous code arena (for -X perf) is never writable either", "[jit]") {
    CodeArena arena;
    REQUIRE(arena.init(1 << 20, reinterpret_cast<const void*>(&anchor_function), 1ull << 31, true));
    CHECK(permissions_of(arena.base()) == "r-xp");
    uint8_t* a = arena.allocate(10);
    const uint8_t bytes[3] = {7, 8, 9};
    REQUIRE(arena.write(a, bytes, sizeof bytes));
    CHECK(std::memcmp(a, bytes, sizeof bytes) == 0);
    CHECK(permissions_of(a) == "r-xp");
}

namespace {
// A stencil's record lies inside the table and each of its holes inside its part's code, naming a value or symbol
// the table has, in the order the trace compiler relies on: in each part the 64-bit holes (`wide`) first, and in
// the hot code the jump to the next uop, when there is one to leave out, as the one hole past body_size and last.
void check_stencil(const StencilTable& t, const Stencil& s) {
    CHECK(s.hot_size > 0);
    CHECK(s.body_size <= s.hot_size);
    REQUIRE(s.record + s.record_size() <= t.records_size);
    const uint8_t* holes = t.records + s.record + s.holes_at();
    for (uint32_t k = 0; k < uint32_t{s.hot_holes} + s.cold_holes; k++) {
        const Hole h = read_hole(holes + k * kHoleBytes);
        const bool hot = k < s.hot_holes;
        CHECK(h.offset + 4u <= (hot ? s.hot_size : s.cold_size));  // the smallest hole is 4 bytes
        CHECK(h.value < kFirstSymbol + t.nsymbols);
        if (h.value >= kFirstSymbol) CHECK(t.symbols[h.value - kFirstSymbol] != nullptr);
        const uint32_t in_part = hot ? k : k - s.hot_holes;
        const bool wide = h.kind == HoleKind::X86_64_64 || h.kind == HoleKind::A64_ABS64;
        CHECK(wide == (in_part < (hot ? s.hot_wide : s.cold_wide)));
        if (hot) CHECK((h.offset >= s.body_size) == (s.body_size < s.hot_size && k + 1 == s.hot_holes));
    }
}
}  // namespace

TEST_CASE("the generated stencil tables cover every uop with consistent holes", "[jit]") {
    for (const StencilTable* t : {&stencils_x86_64, &stencils_aarch64}) {
        REQUIRE(t->nuops == UOP__COUNT);
        CHECK(t->entry.hot_holes + t->entry.cold_holes == 0);  // copied once, as it is
        size_t variants = 0;
        for (uint32_t k = 0; k < t->nuops; k++) {
            INFO("uop " << krait::uop_names[k]);
            check_stencil(*t, t->uops[k]);
            // A register variant exists exactly where core's uop_regs_out says the allocator may choose one.
            for (int depth = 0; depth <= KRAIT_VALUE_REGS; depth++) {
                INFO("register variant for depth " << depth);
                const Stencil& v = t->reg_uops[k][depth];
                if (krait::uop_regs_out[k][depth] < 0) {
                    CHECK(v.hot_size == 0);
                    continue;
                }
                check_stencil(*t, v);
                variants++;
            }
        }
        CHECK(variants >= 4 * 60);  // the arithmetic, guards, loads and stores of the numeric traces have them
        CHECK(t->spill[0].hot_size == 0);
        for (int n = 1; n <= KRAIT_VALUE_REGS; n++) check_stencil(*t, t->spill[n]);
        for (const Stencil* s : {&t->head, &t->fell_off}) check_stencil(*t, *s);
    }
}
