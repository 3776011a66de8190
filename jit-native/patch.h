// patch.h — writing a value into a hole of copied stencil code: the relocation arithmetic of each HoleKind
// (stencils/stencil.h), on x86-64 and AArch64 alike (the patcher for one target compiles and is unit-tested on the
// other). Pure functions of bytes and addresses: no memory is mapped here.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stencil.h"

namespace krait::jit {

// Patches the hole at `loc` (where its bytes are being prepared) whose code will run at address `pc`, with `value`
// (the symbol's value plus the relocation's addend). False when the value does not fit the hole (a displacement
// out of range, a 32-bit hole given a larger value): the caller then uses a trampoline or gives up the trace.
bool patch_hole(uint8_t* loc, uint64_t pc, HoleKind kind, uint64_t value);

// Whether a hole of this kind is a call or jump that a trampoline can stand in for when its target is out of reach.
bool is_branch(HoleKind kind);

// A trampoline: code that jumps to `target` from anywhere (x86-64: jmp *0(%rip) + the address; AArch64: ldr x16 +
// br x16 + the address). Writes kTrampolineSize bytes.
constexpr size_t kTrampolineSize = 16;
void write_trampoline(uint8_t* at, Target target, uint64_t address);

}  // namespace krait::jit
