// jit_native.h — the native copy-and-patch backend (x86-64, AArch64): core's Tier2Backend for -X jit=on.
#pragma once

#include "tier2_backend.h"

namespace krait::jit {

// The backend for the machine this runs on, ready to compile (its code arena reserved); null when the build has no
// stencils for this machine or no executable memory could be reserved near the runtime.
const Tier2Backend* native_backend();

}  // namespace krait::jit
