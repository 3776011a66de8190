// patch.h — writing a value into a hole of copied stencil code: the relocation arithmetic of each HoleKind
// (stencils/stencil.h), on x86-64 and AArch64 alike (the patcher for one target compiles and is unit-tested on the
// other). Pure functions of bytes and addresses: no memory is mapped here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "stencil.h"

namespace krait::jit {

namespace patch_detail {
inline uint32_t read32(const uint8_t* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}
inline void write32(uint8_t* p, uint32_t v) { std::memcpy(p, &v, 4); }
inline void write64(uint8_t* p, uint64_t v) { std::memcpy(p, &v, 8); }

inline bool fits_signed(int64_t v, int bits) {
    return v >= -(int64_t{1} << (bits - 1)) && v < (int64_t{1} << (bits - 1));
}

// Replaces the bits [shift, shift + width) of the instruction at p by field.
inline void set_field(uint8_t* p, int shift, int width, uint32_t field) {
    uint32_t mask = ((width == 32 ? 0 : (1u << width)) - 1) << shift;
    write32(p, (read32(p) & ~mask) | ((field << shift) & mask));
}
}  // namespace patch_detail

// Patches the hole at `loc` (where its bytes are being prepared) whose code will run at address `pc`, with `value`
// (the symbol's value plus the relocation's addend). False when the value does not fit the hole (a displacement
// out of range, a 32-bit hole given a larger value): the caller then uses a trampoline or gives up the trace.
// Inline: the trace compiler runs it for every hole of every uop. The bit layouts are the ELF psABI's for each
// relocation (x86-64 psABI §4.4; ELF for the Arm 64-bit Architecture, §5.7).
[[gnu::always_inline]] inline bool patch_hole(uint8_t* loc, uint64_t pc, HoleKind kind, uint64_t value) {
    using namespace patch_detail;
    int64_t disp = static_cast<int64_t>(value - pc);
    switch (kind) {
        case HoleKind::X86_64_64:
        case HoleKind::A64_ABS64:
            write64(loc, value);
            return true;
        case HoleKind::X86_64_32:
            if (value > UINT32_MAX) return false;
            write32(loc, static_cast<uint32_t>(value));
            return true;
        case HoleKind::X86_64_32S:
            if (!fits_signed(static_cast<int64_t>(value), 32)) return false;
            write32(loc, static_cast<uint32_t>(value));
            return true;
        case HoleKind::X86_64_PC32:
        case HoleKind::X86_64_PLT32:
            if (!fits_signed(disp, 32)) return false;
            write32(loc, static_cast<uint32_t>(disp));
            return true;
        case HoleKind::A64_MOVW_G0_NC: set_field(loc, 5, 16, static_cast<uint32_t>(value & 0xFFFF)); return true;
        case HoleKind::A64_MOVW_G1_NC: set_field(loc, 5, 16, static_cast<uint32_t>((value >> 16) & 0xFFFF)); return true;
        case HoleKind::A64_MOVW_G2_NC: set_field(loc, 5, 16, static_cast<uint32_t>((value >> 32) & 0xFFFF)); return true;
        case HoleKind::A64_MOVW_G3: set_field(loc, 5, 16, static_cast<uint32_t>(value >> 48)); return true;
        case HoleKind::A64_CALL26:
        case HoleKind::A64_JUMP26:
            if ((disp & 3) || !fits_signed(disp, 28)) return false;
            set_field(loc, 0, 26, static_cast<uint32_t>(disp >> 2));
            return true;
        case HoleKind::A64_CONDBR19:
            if ((disp & 3) || !fits_signed(disp, 21)) return false;
            set_field(loc, 5, 19, static_cast<uint32_t>(disp >> 2));
            return true;
        case HoleKind::A64_TSTBR14:
            if ((disp & 3) || !fits_signed(disp, 16)) return false;
            set_field(loc, 5, 14, static_cast<uint32_t>(disp >> 2));
            return true;
        case HoleKind::A64_ADR_PREL_PG_HI21: {
            int64_t pages = static_cast<int64_t>((value & ~uint64_t{0xFFF}) - (pc & ~uint64_t{0xFFF})) >> 12;
            if (!fits_signed(pages, 21)) return false;
            set_field(loc, 29, 2, static_cast<uint32_t>(pages & 3));
            set_field(loc, 5, 19, static_cast<uint32_t>((pages >> 2) & 0x7FFFF));
            return true;
        }
        case HoleKind::A64_ADD_ABS_LO12_NC: set_field(loc, 10, 12, static_cast<uint32_t>(value & 0xFFF)); return true;
        case HoleKind::A64_LDST64_ABS_LO12_NC:
            if (value & 7) return false;
            set_field(loc, 10, 12, static_cast<uint32_t>((value & 0xFFF) >> 3));
            return true;
    }
    return false;
}

namespace patch_detail {
// How patch_x86_64_holes writes a 32-bit hole of each kind: the displacement from the hole's end or the value
// itself (pc_mask all ones or zero; the addend accounts for the field's 4 bytes), and what it must fit: 32 bits
// unsigned (bias 0) or signed (bias 2^31), checked as (value + bias) < 2^32. Kinds that are not 32-bit x86-64 ones
// never fit (bias 2^32).
struct NarrowHole {
    uint64_t pc_mask;
    uint64_t bias;
};
constexpr uint64_t kSigned32 = uint64_t{1} << 31, kNever = uint64_t{1} << 32;
constexpr NarrowHole narrow_x86_64(HoleKind k) {
    switch (k) {
        case HoleKind::X86_64_32: return {0, 0};
        case HoleKind::X86_64_32S: return {0, kSigned32};
        case HoleKind::X86_64_PC32:
        case HoleKind::X86_64_PLT32: return {~uint64_t{0}, kSigned32};
        default: return {0, kNever};
    }
}
constexpr size_t kHoleKinds = static_cast<size_t>(HoleKind::A64_TSTBR14) + 1;
constexpr auto kNarrowX86_64 = [] {
    std::array<NarrowHole, kHoleKinds> t{};
    for (size_t k = 0; k < kHoleKinds; k++) t[k] = narrow_x86_64(static_cast<HoleKind>(k));
    return t;
}();
}  // namespace patch_detail

// Patches n holes of one part of an x86-64 stencil (kHoleBytes each at `holes`, in stencil.h's order: the first
// `wide` are 64-bit words, the rest 32-bit values), copied to `code` to run at `pc`, each with values[Hole::value]
// plus its addend: without a branch on their kinds, which patch_hole's switch takes for every hole (a compile finds
// the branch predictors untrained on it). False when a 32-bit value does not fit (or a hole is of another kind):
// the caller then patches the part again with patch_hole, which knows trampolines.
inline bool patch_x86_64_holes(const uint8_t* holes, uint32_t wide, uint32_t n, const uint64_t* values,
                               uint8_t* code, uint64_t pc) {
    using namespace patch_detail;
    uint32_t k = 0;
    for (; k < wide; k++) {
        const Hole h = read_hole(holes + k * kHoleBytes);
        write64(code + h.offset, values[h.value] + static_cast<uint64_t>(int64_t{h.addend}));
    }
    uint64_t out_of_range = 0;
    for (; k < n; k++) {
        const Hole h = read_hole(holes + k * kHoleBytes);
        const NarrowHole& f = kNarrowX86_64[static_cast<size_t>(h.kind)];
        const uint64_t v = values[h.value] + static_cast<uint64_t>(int64_t{h.addend}) - ((pc + h.offset) & f.pc_mask);
        write32(code + h.offset, static_cast<uint32_t>(v));
        out_of_range |= (v + f.bias) >> 32;
    }
    return out_of_range == 0;
}

// Whether a hole of this kind is a call or jump that a trampoline can stand in for when its target is out of reach.
bool is_branch(HoleKind kind);

// A trampoline: code that jumps to `target` from anywhere (x86-64: jmp *0(%rip) + the address; AArch64: ldr x16 +
// br x16 + the address). Writes kTrampolineSize bytes.
constexpr size_t kTrampolineSize = 16;
void write_trampoline(uint8_t* at, Target target, uint64_t address);

}  // namespace krait::jit
