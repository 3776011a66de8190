// tier2_regalloc.cpp — the tier-2 register allocator (ARCHITECTURE decision 6): which of an optimized trace's
// stack values stay in the value registers between uops instead of going through the frame.
//
// A trace's values are almost all short-lived operand-stack temporaries: pushed by one uop, popped by the next or
// the one after (a local's load, a guard on it, the operation, the store). So the allocation is the one a stack
// machine's values suggest, top-of-stack caching: the top `depth` values of the operand stack (at most
// KRAIT_VALUE_REGS) are in registers, reg0 the deepest, and each uop with register variants (uop_regs_out, from
// core/instructions.def's stack effects) takes its inputs from there and leaves its outputs there, the deepest
// spilled to the frame when they do not fit. A linear scan over the uops in trace order decides everything: each
// uop runs the variant for the depth the previous one left, and a spill goes where the stack must be in the frame:
//   - before a uop without variants (one that can run arbitrary code, which needs every value where the
//     collector sees it, one that switches frames or leaves the trace, one with a variable number of items);
//   - before the loop's first uop, where _JUMP_TO_TOP arrives with every value in the frame.
// Exits need no spill of their own: a variant's deopt and error paths write the registers back first (the
// stencil template's KRAIT_SPILLED_SP), so the frame an exit leaves is the one the uop interpreter leaves.
// The uop interpreter ignores the allocation: the registers are the backends' (tier2_backend.h).
#include "code.h"
#include "tier2.h"

namespace krait {

void tier2_allocate_registers(Executor* ex) {
    const size_t n = ex->uops.size();
    ex->regs.assign(n, UopRegs{});
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        const int8_t* out = uop_regs_out[ex->uops[i].op];
        UopRegs& r = ex->regs[i];
        if (depth > 0 && (out[depth] < 0 || i == ex->loop_start)) {
            r.spill = static_cast<uint8_t>(depth);
            depth = 0;
        }
        r.depth = static_cast<uint8_t>(depth);
        r.variant = out[depth] >= 0;
        depth = r.variant ? out[depth] : 0;
    }
}

}  // namespace krait
