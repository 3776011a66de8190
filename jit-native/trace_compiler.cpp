// trace_compiler.cpp — see trace_compiler.h.
#include "trace_compiler.h"

#include <unistd.h>

#include <cstring>

#include "patch.h"

namespace krait::jit {

namespace {

size_t align_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

constexpr size_t kHoleValues = static_cast<size_t>(HoleValue::Symbol) + 1;

// What every kind of hole of uop i is patched with (template.c lists them): computed once per uop, so that patching a
// hole is a table lookup.
void hole_values(uint64_t* v, const Executor& ex, size_t i, uint64_t base, const std::vector<uint32_t>& hot,
                 const std::vector<uint32_t>& cold, const std::vector<uint32_t>& data, uint32_t fell_off) {
    const UopInst& u = ex.uops[i];
    auto at = [&](HoleValue k) -> uint64_t& { return v[static_cast<size_t>(k)]; };
    at(HoleValue::Oparg) = u.oparg;
    at(HoleValue::Target) = u.target;
    at(HoleValue::Next) = u.target + u.length;
    bool exits = u.exit != kNoExit;
    at(HoleValue::Exit) = exits ? reinterpret_cast<uint64_t>(&ex.exits[u.exit]) : 0;
    at(HoleValue::ExitSlot) = exits ? reinterpret_cast<uint64_t>(&ex.exits[u.exit].jit_target) : 0;
    at(HoleValue::Cache0) = u.cache[0];
    at(HoleValue::Cache1) = u.cache[1];
    at(HoleValue::Cache2) = u.cache[2];
    at(HoleValue::Cache3) = u.cache[3];
    at(HoleValue::Cache64_0) = u.cache[0] | static_cast<uint64_t>(u.cache[1]) << 32;
    at(HoleValue::Cache64_1) = u.cache[1] | static_cast<uint64_t>(u.cache[2]) << 32;
    at(HoleValue::Cache64_2) = u.cache[2] | static_cast<uint64_t>(u.cache[3]) << 32;
    at(HoleValue::Valid) = reinterpret_cast<uint64_t>(&ex.valid);
    at(HoleValue::Warm) = reinterpret_cast<uint64_t>(&ex.warm);
    at(HoleValue::Continue) = base + (i + 1 < hot.size() ? hot[i + 1] : fell_off);
    at(HoleValue::Top) = base + hot[ex.loop_start];
    at(HoleValue::Code) = base + hot[i];
    at(HoleValue::Cold) = base + cold[i];
    at(HoleValue::Data) = base + data[i];
    at(HoleValue::Symbol) = 0;
}

}  // namespace

// Trampolines live on pages of their own (allocated a page at a time, page-aligned): writing one never touches the
// page of the trace being written, which the anonymous arena makes writable only while the trace is written.
uint64_t TraceCompiler::trampoline(uint64_t address) {
    auto it = trampolines_.find(address);
    if (it != trampolines_.end()) return it->second;
    const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    if (trampoline_used_ + kTrampolineSize > page) {
        uint8_t* block = arena_.allocate(2 * page);
        if (!block) return 0;
        trampoline_page_ = block + (page - reinterpret_cast<uintptr_t>(block) % page) % page;
        trampoline_used_ = 0;
    }
    uint8_t* at = trampoline_page_ + trampoline_used_;
    uint8_t code[kTrampolineSize];
    write_trampoline(code, table_.target, address);
    if (!arena_.write(at, code, sizeof code)) return 0;
    trampoline_used_ += kTrampolineSize;
    uint64_t t = reinterpret_cast<uint64_t>(at);
    trampolines_[address] = t;
    return t;
}

// Patches the holes of one part of a uop's stencil, copied to offset `at` of the block being written at `out` (its
// first `len` bytes).
bool TraceCompiler::patch_part(const CodePart& part, uint8_t* out, uint32_t at, uint32_t len, uint64_t base,
                               const uint64_t* values) {
    uint8_t* code = out + at;
    const uint64_t pc = base + at;
    for (const Hole *h = part.holes, *end = part.holes + part.nholes; h != end; ++h) {
        if (h->offset >= len) continue;  // in the jump to the next uop, which was left out
        uint64_t value = h->value == HoleValue::Symbol ? reinterpret_cast<uint64_t>(h->symbol)
                                                       : values[static_cast<size_t>(h->value)];
        if (!patch_hole(code + h->offset, pc + h->offset, h->kind, value + h->addend) &&
            !patch_through_trampoline(*h, code + h->offset, pc + h->offset, value))
            return false;
    }
    return true;
}

// A call or jump to a runtime function out of the displacement's reach goes through a trampoline (anything else
// out of range fails the trace).
bool TraceCompiler::patch_through_trampoline(const Hole& h, uint8_t* loc, uint64_t pc, uint64_t target) {
    if (!is_branch(h.kind) || h.value != HoleValue::Symbol) return false;
    uint64_t t = trampoline(target);
    return t && patch_hole(loc, pc, h.kind, t + h.addend);
}

NativeTrace* TraceCompiler::compile(const Executor& ex, CompileFailure* why) {
    const size_t n = ex.uops.size();
    Layout& l = layout_;  // reused: no allocation per trace
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
    const size_t code_end = pos;
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
    uint8_t* out = arena_.begin_write(block, pos);  // the block's bytes, where they can be written
    if (!out) {
        arena_.release(block, pos);
        *why = CompileFailure::ArenaFull;
        return nullptr;
    }
    bool ok = fill(ex, out, reinterpret_cast<uint64_t>(block), code_end, pos);
    ok = arena_.end_write(block, pos) && ok;
    if (!ok) {
        arena_.release(block, pos);
        *why = CompileFailure::OutOfRange;
        return nullptr;
    }
    auto* t = new NativeTrace;
    t->code = block;
    t->size = pos;
    t->hot_size = l.fell_off;
    t->uop_offsets = l.hot;
    *why = CompileFailure::None;
    return t;
}

// Copies the stencils into the block laid out in layout_ (`out`: where it is written, `base`: where it runs) and
// patches them; false when a hole cannot hold its value.
bool TraceCompiler::fill(const Executor& ex, uint8_t* out, uint64_t base, size_t code_end, size_t size) {
    const Layout& l = layout_;
    const size_t n = ex.uops.size();
    const Stencil& head = table_.head;
    std::memset(out + code_end, 0, size - code_end);  // the data's alignment padding
    std::memcpy(out + l.fell_off, table_.fell_off.hot.code, table_.fell_off.hot.size);
    std::memcpy(out, head.hot.code, head.body_size);
    uint64_t values[kHoleValues];
    hole_values(values, ex, 0, base, l.hot, l.cold, l.data, l.fell_off);
    if (!patch_part(head.hot, out, 0, head.body_size, base, values)) return false;  // the executor's holes
    for (size_t i = 0; i < n; i++) {
        const Stencil& s = table_.uops[ex.uops[i].op];
        std::memcpy(out + l.hot[i], s.hot.code, l.hot_len[i]);
        if (s.cold.size) std::memcpy(out + l.cold[i], s.cold.code, s.cold.size);
        if (s.data_size) std::memcpy(out + l.data[i], s.data, s.data_size);
        hole_values(values, ex, i, base, l.hot, l.cold, l.data, l.fell_off);
        if (!patch_part(s.hot, out, l.hot[i], l.hot_len[i], base, values) ||
            !patch_part(s.cold, out, l.cold[i], s.cold.size, base, values))
            return false;
    }
    return true;
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
