// patch.cpp — see patch.h: trampolines (holes are patched by the inline patch_hole, in the header).
#include "patch.h"

#include <cstring>

namespace krait::jit {

bool is_branch(HoleKind kind) {
    return kind == HoleKind::X86_64_PLT32 || kind == HoleKind::A64_CALL26 || kind == HoleKind::A64_JUMP26;
}

void write_trampoline(uint8_t* at, Target target, uint64_t address) {
    using patch_detail::write32, patch_detail::write64;
    std::memset(at, 0, kTrampolineSize);
    if (target == Target::X86_64) {
        const uint8_t jmp[6] = {0xFF, 0x25, 0, 0, 0, 0};  // jmp *0(%rip): the address follows
        std::memcpy(at, jmp, 6);
        write64(at + 6, address);
    } else {
        write32(at, 0x58000050);      // ldr x16, #8
        write32(at + 4, 0xD61F0200);  // br x16
        write64(at + 8, address);
    }
}

}  // namespace krait::jit
