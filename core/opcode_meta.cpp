// opcode_meta.cpp — the instruction and uop metadata tables declared in code.h. Their contents are generated
// from core/instructions.def by core/gen_instructions.py (opcode_meta.inc in the build tree).
#include "code.h"

namespace krait {

#include "opcode_meta.inc"

}  // namespace krait
