// trace_compiler.cpp — see trace_compiler.h.
#include "trace_compiler.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "code.h"
#include "first_touch.h"
#include "patch.h"

namespace krait::jit {

namespace {

size_t align_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

// Reads every cache line of the records and of the index (the arrays, not the span from the first to the last: it
// may hold unmapped gaps between the image's segments).
void touch_table(const StencilTable& t) {
    touch_lines(t.records, t.records_size);
    touch_lines(t.uops, t.nuops * sizeof(Stencil));
    touch_lines(t.reg_uops, t.nuops * sizeof *t.reg_uops);
}

// Copies n bytes from `from` to `to` in whole chunks of kCopySlack bytes: up to kCopySlack - 1 bytes more than
// asked, past the end of both (the table has that much after its last record). Its one branch per chunk is
// predicted right but for the last; the library's memcpy branches on the size class of every call.
inline void copy_chunks(uint8_t* to, const uint8_t* from, size_t n) {
    for (size_t k = 0; k < n; k += kCopySlack) std::memcpy(to + k, from + k, kCopySlack);
}

// Asks for the cache lines of [p, p + size) without waiting for them.
void prefetch(const void* p, size_t size) {
    const char* c = static_cast<const char*>(p);
    for (size_t k = 0; k < size; k += 64) __builtin_prefetch(c + k);
    if (size) __builtin_prefetch(c + size - 1);
}

}  // namespace

// The table (~110 KiB of the runtime's image on x86-64) is read once, every cache line of it, at start-up: a trace
// uses stencils from all over it. On this project's machines the first touch of each page cost the first traces
// 5-12 us (fib's first trace: 33 us to copy 21 uops, 0.7 us the second time), and with only the pages touched, the
// first compiles still read each stencil from memory, a miss at a time: reading the lines in one stream took ~5 us
// (13K cycles) and cut the median compile of the programs with few traces by a fifth to a third (21 interleaved
// rounds: fib 314 -> 239 ns per uop, generators 334 -> 236, spectral_norm 168 -> 100). Not on the helper thread:
// see helper_thread.h.
TraceCompiler::TraceCompiler(const StencilTable& table, CodeArena& arena)
    : table_(table), arena_(arena), values_(kFirstSymbol + table.nsymbols) {
    for (uint32_t k = 0; k < table.nsymbols; k++) values_[kFirstSymbol + k] = reinterpret_cast<uint64_t>(table.symbols[k]);
    touch_table(table);
    // Room for the pieces of most traces, now: growing the layout's arrays during the first compiles cost fib's
    // first trace ~1 us (six allocations and copies of each array).
    constexpr size_t kPieces = 256;
    layout_.pieces.reserve(kPieces);
    for (std::vector<uint32_t>* v : {&layout_.first_piece, &layout_.hot, &layout_.hot_len, &layout_.cold, &layout_.data})
        v->reserve(kPieces);
}

// Asks for everything fill() reads of s: its record (see choose_stencils).
void TraceCompiler::prefetch_record(const Stencil& s) const { prefetch(table_.records + s.record, s.record_size()); }

// What every hole of piece p is patched with, in values_ (template.c lists the per-uop ones; the symbols follow,
// set once): so that patching a hole is a table lookup.
void TraceCompiler::hole_values(const Executor& ex, size_t p, uint64_t base) {
    const Layout& l = layout_;
    const UopInst& u = ex.uops[l.pieces[p].uop];
    uint64_t* v = values_.data();
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
    at(HoleValue::Entry) = l.entry ? l.entry : base;
    at(HoleValue::Continue) = base + (p + 1 < l.pieces.size() ? l.hot[p + 1] : l.fell_off);
    at(HoleValue::Top) = base + l.top;
    at(HoleValue::Code) = base + l.hot[p];
    at(HoleValue::Cold) = base + l.cold[p];
    at(HoleValue::Data) = base + l.data[p];
}

// The stencils of the trace, in order: each uop's memory form, or the register variant the register allocator
// (core/tier2_regalloc.cpp) chose for it, after the spill it asked for.
//
// A compile finds the table out of the caches (traces are compiled rarely, and each uses stencils from all over
// it): every stencil read is a trip to memory, and reading them one after the other, as the layout and the copy
// do, would wait for each in turn. So the stencils' index entries are asked for as they are chosen, and their
// records as soon as the entries arrive (in the layout), all in flight together.
void TraceCompiler::choose_stencils(const Executor& ex) {
    Layout& l = layout_;
    const size_t n = ex.uops.size();
    prefetch_record(table_.head);
    prefetch_record(table_.fell_off);
    l.pieces.clear();
    l.first_piece.resize(n);
    for (size_t i = 0; i < n; i++) {
        const uint16_t op = ex.uops[i].op;
        const Stencil* s = &table_.uops[op];
        l.first_piece[i] = static_cast<uint32_t>(l.pieces.size());
        if (!ex.regs.empty()) {
            const UopRegs& r = ex.regs[i];
            if (r.spill) l.pieces.push_back({&table_.spill[r.spill], static_cast<uint32_t>(i)});
            if (r.variant) s = &table_.reg_uops[op][r.depth];
        }
        prefetch(s, sizeof *s);
        l.pieces.push_back({s, static_cast<uint32_t>(i)});
    }
}

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

// Patches `n` holes (read from `holes`) of a part of a stencil copied to offset `at` of the block being written at
// `out`.
bool TraceCompiler::patch_part(const uint8_t* holes, uint32_t n, uint8_t* out, uint32_t at, uint64_t base) {
    uint8_t* code = out + at;
    const uint64_t pc = base + at;
    for (const uint8_t *b = holes, *end = holes + n * kHoleBytes; b != end; b += kHoleBytes) {
        const Hole h = read_hole(b);
        const uint64_t value = values_[h.value];
        if (!patch_hole(code + h.offset, pc + h.offset, h.kind, value + static_cast<uint64_t>(int64_t{h.addend})) &&
            !patch_through_trampoline(h, code + h.offset, pc + h.offset, value))
            return false;
    }
    return true;
}

// A call or jump to a runtime function out of the displacement's reach goes through a trampoline (anything else
// out of range fails the trace).
bool TraceCompiler::patch_through_trampoline(const Hole& h, uint8_t* loc, uint64_t pc, uint64_t target) {
    if (!is_branch(h.kind) || h.value < kFirstSymbol) return false;
    uint64_t t = trampoline(target);
    return t && patch_hole(loc, pc, h.kind, t + static_cast<uint64_t>(int64_t{h.addend}));
}

NativeTrace* TraceCompiler::compile(const Executor& ex, CompileFailure* why) {
    const size_t n = ex.uops.size();
    Layout& l = layout_;  // reused: no allocation per trace
    // A recursive call (_CALL_SELF_EXACT) runs the function's entry trace: this one (its block, known once placed),
    // or the root of its chain of side traces, whose machine code must then exist.
    const Executor* root = tier2_root(&ex);
    l.entry = root->machine_code ? reinterpret_cast<uint64_t>(static_cast<NativeTrace*>(root->machine_code)->code) : 0;
    if (root != &ex && !l.entry &&
        std::any_of(ex.uops.begin(), ex.uops.end(), [](const UopInst& u) { return u.op == UOP_CALL_SELF_EXACT; })) {
        *why = CompileFailure::OutOfRange;
        return nullptr;
    }
    choose_stencils(ex);
    const size_t np = l.pieces.size();
    l.hot.resize(np);
    l.hot_len.resize(np);
    l.cold.resize(np);
    l.data.resize(np);
    size_t pos = table_.head.body_size;
    for (size_t p = 0; p < np; p++) {
        const Stencil& s = *l.pieces[p].stencil;
        l.hot[p] = static_cast<uint32_t>(pos);
        l.hot_len[p] = p + 1 < np ? s.body_size : s.hot_size;
        pos += l.hot_len[p];
        prefetch_record(s);
    }
    l.fell_off = static_cast<uint32_t>(pos);
    // _JUMP_TO_TOP arrives with every value in the frame: at the loop's first uop itself, after any spill before
    // it (the allocator leaves no value in a register there).
    l.top = n ? l.hot[l.first_piece[ex.loop_start] + (ex.regs.empty() ? 0 : ex.regs[ex.loop_start].spill != 0)] : 0;
    pos += table_.fell_off.hot_size;
    for (size_t p = 0; p < np; p++) {
        l.cold[p] = static_cast<uint32_t>(pos);
        pos += l.pieces[p].stencil->cold_size;
    }
    const size_t code_end = pos;
    for (size_t p = 0; p < np; p++) {
        const Stencil& s = *l.pieces[p].stencil;
        if (!s.data_size) continue;
        pos = align_up(pos, s.data_align);
        l.data[p] = static_cast<uint32_t>(pos);
        pos += s.data_size;
    }
    const size_t block_size = pos + kCopySlack;  // the copy's last chunk may write past the end (copy_chunks)
    uint8_t* block = arena_.allocate(block_size);
    if (!block) {
        *why = CompileFailure::ArenaFull;
        return nullptr;
    }
    uint8_t* out = arena_.begin_write(block, block_size);  // the block's bytes, where they can be written
    if (!out) {
        arena_.release(block, block_size);
        *why = CompileFailure::ArenaFull;
        return nullptr;
    }
    bool ok = fill(ex, out, reinterpret_cast<uint64_t>(block), code_end, pos);
    ok = arena_.end_write(block, block_size) && ok;
    if (!ok) {
        arena_.release(block, block_size);
        *why = CompileFailure::OutOfRange;
        return nullptr;
    }
    auto* t = new NativeTrace;
    t->code = block;
    t->size = pos;
    t->hot_size = l.fell_off;
    *why = CompileFailure::None;
    return t;
}

// Copies the stencils into the block laid out in layout_ (`out`: where it is written, `base`: where it runs) and
// patches them; false when a hole cannot hold its value.
//
// A compile runs rarely, so it finds the branch predictors untrained on its own code: on fib's first trace (24
// stencils, ~150 holes) the copy took ~12K cycles cold against ~3K repeated, with the table already in the cache.
// So it branches little. Each part is copied in whole chunks (copy_chunks), the overrun landing where a later copy
// writes: the head first, then the trap (its overrun lands on the cold code), then each piece's hot code (the next
// piece's follows; the last one's is copied exactly, since the trap follows it) and cold code; the data last,
// exactly (it is rare), after the padding is cleared. And on x86-64 the holes are patched by patch_x86_64_holes, without
// a branch on their kinds.
bool TraceCompiler::fill(const Executor& ex, uint8_t* out, uint64_t base, size_t code_end, size_t size) {
    const Layout& l = layout_;
    const Stencil &head = table_.head, &fell_off = table_.fell_off;
    const size_t np = l.pieces.size();
    copy_chunks(out, table_.records + head.record, head.body_size);
    copy_chunks(out + l.fell_off, table_.records + fell_off.record, fell_off.hot_size);
    hole_values(ex, 0, base);
    if (!patch(head, head.body_size, out, 0, 0, base)) return false;  // the executor's holes
    for (size_t p = 0; p < np; p++) {
        const Stencil& s = *l.pieces[p].stencil;
        const uint8_t* record = table_.records + s.record;
        if (p + 1 < np)
            copy_chunks(out + l.hot[p], record, l.hot_len[p]);
        else
            std::memcpy(out + l.hot[p], record, l.hot_len[p]);
        copy_chunks(out + l.cold[p], record + s.cold_at(), s.cold_size);
        hole_values(ex, p, base);
        if (!patch(s, l.hot_len[p], out, l.hot[p], l.cold[p], base)) return false;
    }
    std::memset(out + code_end, 0, size - code_end);  // the data's alignment padding (and the cold code's overrun)
    for (size_t p = 0; p < np; p++) {
        const Stencil& s = *l.pieces[p].stencil;
        if (s.data_size) std::memcpy(out + l.data[p], table_.records + s.record + s.data_at(), s.data_size);
    }
    return true;
}

// Patches the holes of stencil s, copied to offset `hot` of the block being written at `out` (its first `hot_len`
// bytes: without its jump to the next uop when shorter than its hot code) and its cold code to offset `cold`.
bool TraceCompiler::patch(const Stencil& s, uint32_t hot_len, uint8_t* out, uint32_t hot, uint32_t cold,
                          uint64_t base) {
    const uint8_t* holes = table_.records + s.record + s.holes_at();
    const uint8_t* cold_holes = holes + s.hot_holes * kHoleBytes;
    // The jump to the next uop, when left out, takes its hole along: the last (stencil.h's order).
    const uint32_t hot_holes = s.hot_holes - (hot_len < s.hot_size);
    const uint64_t* values = values_.data();
    if (table_.target == Target::X86_64 &&
        patch_x86_64_holes(holes, s.hot_wide, hot_holes, values, out + hot, base + hot) &&
        patch_x86_64_holes(cold_holes, s.cold_wide, s.cold_holes, values, out + cold, base + cold))
        return true;
    // AArch64's holes, or a value that did not fit: the general way, with trampolines.
    return patch_part(holes, hot_holes, out, hot, base) && patch_part(cold_holes, s.cold_holes, out, cold, base);
}

void TraceCompiler::release(NativeTrace* trace) {
    arena_.release(trace->code, trace->size + kCopySlack);
    delete trace;
}

uint8_t* TraceCompiler::install_fixed(const Stencil& s) {
    if (s.hot_holes || s.cold_size || s.data_size) return nullptr;
    uint8_t* at = arena_.allocate(s.hot_size);
    if (!at || !arena_.write(at, table_.records + s.record, s.hot_size)) return nullptr;
    return at;
}

}  // namespace krait::jit
