// trace_compiler.cpp — see trace_compiler.h.
#include "trace_compiler.h"

#include <cstring>

#include "patch.h"

namespace krait::jit {

namespace {

size_t align_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

// The value a per-uop hole stands for (template.c lists them).
uint64_t uop_value(HoleValue v, const UopInst& u, const Executor& ex) {
    switch (v) {
        case HoleValue::Oparg: return u.oparg;
        case HoleValue::Target: return u.target;
        case HoleValue::Next: return u.target + u.length;
        case HoleValue::Exit: return u.exit == kNoExit ? 0 : reinterpret_cast<uint64_t>(&ex.exits[u.exit]);
        case HoleValue::Cache0: return u.cache[0];
        case HoleValue::Cache1: return u.cache[1];
        case HoleValue::Cache2: return u.cache[2];
        case HoleValue::Cache3: return u.cache[3];
        case HoleValue::Cache64_0: return u.cache[0] | static_cast<uint64_t>(u.cache[1]) << 32;
        case HoleValue::Cache64_1: return u.cache[1] | static_cast<uint64_t>(u.cache[2]) << 32;
        case HoleValue::Cache64_2: return u.cache[2] | static_cast<uint64_t>(u.cache[3]) << 32;
        case HoleValue::ExitSlot:
            return u.exit == kNoExit ? 0 : reinterpret_cast<uint64_t>(&ex.exits[u.exit].jit_target);
        case HoleValue::Valid: return reinterpret_cast<uint64_t>(&ex.valid);
        case HoleValue::Warm: return reinterpret_cast<uint64_t>(&ex.warm);
        default: return 0;  // the addresses: the caller knows them
    }
}

}  // namespace

uint64_t TraceCompiler::trampoline(uint64_t address) {
    auto it = trampolines_.find(address);
    if (it != trampolines_.end()) return it->second;
    uint8_t* at = arena_.allocate(kTrampolineSize);
    if (!at) return 0;
    uint8_t code[kTrampolineSize];
    write_trampoline(code, table_.target, address);
    if (!arena_.write(at, code, sizeof code)) return 0;
    uint64_t t = reinterpret_cast<uint64_t>(at);
    trampolines_[address] = t;
    return t;
}

struct TraceCompiler::Layout {
    std::vector<uint32_t> hot, hot_len, cold, data;  // per uop: offsets in the block, and the hot code's length
    uint32_t fell_off = 0;
};

// Patches the holes of one part of uop i's stencil, copied to offset `at` of the block (its first `len` bytes).
bool TraceCompiler::patch_part(const Executor& ex, size_t i, const CodePart& part, uint32_t at, uint32_t len,
                               uint64_t base, const Layout& l) {
    const UopInst& u = ex.uops[i];
    uint8_t* code = buf_.data() + at;
    for (uint32_t k = 0; k < part.nholes; k++) {
        const Hole& h = part.holes[k];
        if (h.offset >= len) continue;  // in the jump to the next uop, which was left out
        uint64_t value;
        switch (h.value) {
            case HoleValue::Continue: value = base + (i + 1 < l.hot.size() ? l.hot[i + 1] : l.fell_off); break;
            case HoleValue::Top: value = base + l.hot[ex.loop_start]; break;
            case HoleValue::Code: value = base + l.hot[i]; break;
            case HoleValue::Cold: value = base + l.cold[i]; break;
            case HoleValue::Data: value = base + l.data[i]; break;
            case HoleValue::Symbol: value = reinterpret_cast<uint64_t>(h.symbol); break;
            default: value = uop_value(h.value, u, ex);
        }
        uint64_t pc = base + at + h.offset;
        if (patch_hole(code + h.offset, pc, h.kind, value + h.addend)) continue;
        if (!is_branch(h.kind) || h.value != HoleValue::Symbol) return false;
        uint64_t t = trampoline(value);
        if (!t || !patch_hole(code + h.offset, pc, h.kind, t + h.addend)) return false;
    }
    return true;
}

NativeTrace* TraceCompiler::compile(const Executor& ex, CompileFailure* why) {
    const size_t n = ex.uops.size();
    Layout l;
    l.hot.resize(n);
    l.hot_len.resize(n);
    l.cold.resize(n);
    l.data.resize(n);
    const Stencil& head = table_.head;
    size_t pos = head.body_size;
    for (size_t i = 0; i < n; i++) {
        const Stencil& s = table_.uops[ex.uops[i].op];
        l.hot[i] = static_cast<uint32_t>(pos);
        l.hot_len[i] = i + 1 < n ? s.body_size : s.hot.size;
        pos += l.hot_len[i];
    }
    l.fell_off = static_cast<uint32_t>(pos);
    pos += table_.fell_off.hot.size;
    for (size_t i = 0; i < n; i++) {
        l.cold[i] = static_cast<uint32_t>(pos);
        pos += table_.uops[ex.uops[i].op].cold.size;
    }
    for (size_t i = 0; i < n; i++) {
        const Stencil& s = table_.uops[ex.uops[i].op];
        if (!s.data_size) continue;
        pos = align_up(pos, s.data_align);
        l.data[i] = static_cast<uint32_t>(pos);
        pos += s.data_size;
    }
    uint8_t* block = arena_.allocate(pos);
    if (!block) {
        *why = CompileFailure::ArenaFull;
        return nullptr;
    }
    buf_.assign(pos, 0);
    uint64_t base = reinterpret_cast<uint64_t>(block);
    std::memcpy(buf_.data() + l.fell_off, table_.fell_off.hot.code, table_.fell_off.hot.size);
    std::memcpy(buf_.data(), head.hot.code, head.body_size);
    if (!patch_part(ex, 0, head.hot, 0, head.body_size, base, l)) {  // its holes are the executor's, not a uop's
        arena_.release(block, pos);
        *why = CompileFailure::OutOfRange;
        return nullptr;
    }
    for (size_t i = 0; i < n; i++) {
        const Stencil& s = table_.uops[ex.uops[i].op];
        std::memcpy(buf_.data() + l.hot[i], s.hot.code, l.hot_len[i]);
        if (s.cold.size) std::memcpy(buf_.data() + l.cold[i], s.cold.code, s.cold.size);
        if (s.data_size) std::memcpy(buf_.data() + l.data[i], s.data, s.data_size);
        if (!patch_part(ex, i, s.hot, l.hot[i], l.hot_len[i], base, l) ||
            !patch_part(ex, i, s.cold, l.cold[i], s.cold.size, base, l)) {
            arena_.release(block, pos);
            *why = CompileFailure::OutOfRange;
            return nullptr;
        }
    }
    if (!arena_.write(block, buf_.data(), pos)) {
        arena_.release(block, pos);
        *why = CompileFailure::ArenaFull;
        return nullptr;
    }
    auto* t = new NativeTrace;
    t->code = block;
    t->size = pos;
    t->hot_size = l.fell_off;
    t->uop_offsets = std::move(l.hot);
    *why = CompileFailure::None;
    return t;
}

void TraceCompiler::release(NativeTrace* trace) {
    arena_.release(trace->code, trace->size);
    delete trace;
}

uint8_t* TraceCompiler::install_fixed(const Stencil& s) {
    if (s.hot.nholes || s.cold.size) return nullptr;
    uint8_t* at = arena_.allocate(s.hot.size);
    if (!at || !arena_.write(at, s.hot.code, s.hot.size)) return nullptr;
    return at;
}

}  // namespace krait::jit
