// tier2_optimize.cpp — the trace optimizer: forward abstract interpretation over the uops (CPython's
// optimizer_analysis.c does the same), then small cleanups.
//
// Every value a uop pushes or that the trace finds in a local or below its starting stack is a symbol (`Sym`):
// what is known about it — its kind (an immediate int, a float, a str ..., from a guard that passed or from the uop
// that made it), a constant, a class version or instance shape a guard checked. The pass walks the uops keeping, per
// frame the trace runs in, which symbol each local and stack slot holds, and
//   - drops a guard whose fact is already known (a _GUARD_BOTH_FLOAT on two floats an earlier float op made);
//   - turns a global or builtin into an inline constant (_LOAD_CONST_INLINE) and drops its dict-version guards:
//     the executor then depends on the dict, and leaves (_CHECK_VALIDITY) after any uop that could change it;
//   - folds int and float arithmetic and comparisons on constants (a local holding a constant, an inlined global)
//     into the constant result (_LOAD_CONST_INLINE after dropping the operands, whose loads then go: below);
//   - drops a branch guard on a constant, and abandons the trace when a guard is sure to fail (a contradiction);
//   - loads a local without its UnboundLocalError check when it is surely bound (a parameter; stored to or loaded
//     earlier in the trace): _LOAD_FAST_BOUND and its superinstruction forms, which cannot fail, so that a load whose
//     value is dropped disappears with the drop (below);
//   - checks only the version of a called function it found constant (_CHECK_FUNCTION_VERSION_INLINE);
//   - drops a store of the value the local surely holds already (the same symbol or constant: `x = x`, or a loop
//     that sets a local to the constant it had at the loop's entry), then the value's load with it.
// Frame syncs need no pass: a uop stores the frame's ip and sp only when it escapes (SAVE() in its body), so none
// happens around the uops that do not.
// Class versions and shapes are forgotten at every uop that escapes (it may run code that changes them); kinds
// and constants never change for a given value.
//
// Loops are peeled: the body is optimized once from nothing known (the first iteration, all its guards kept),
// then again from what the first iteration proved about the locals and the loop's stack at the back-edge, kept only
// if every later iteration proves it again (a fixed point): a loop whose float locals stay floats checks their type
// once, on entry, and never inside the loop. _JUMP_TO_TOP continues at the second copy.
#include <algorithm>

#include "containers.h"
#include "instr_api.h"
#include "runtime.h"
#include "tier2.h"
#include "vm.h"

namespace krait {

namespace {

// Bound: a value, not NULL (an unset local or the call protocol's null), nothing more known. Every kind after it
// is bound too.
enum class VKind : uint8_t { Unknown, Null, Bound, ImmInt, Int, Float, Bool, None, Str, RangeIter, ListIter, TupleIter };
bool is_bound(VKind k) { return k != VKind::Unknown && k != VKind::Null; }

struct Sym {
    VKind kind = VKind::Unknown;
    bool is_const = false;
    Value c = VAL_NULL;
    uint32_t type_version = 0;  // a _GUARD_TYPE_VERSION passed for it (0: none since the last escape)
    uint64_t shape = 0;         // a _GUARD_SHAPE passed for it
};

// What is known about one frame: the symbol in each local and stack slot. Slots below the stack the frame had when
// the trace entered it are `below` (below[0] is the top of that stack), created when first popped.
struct FrameState {
    CodeObject* code = nullptr;
    DictObject* globals = nullptr;
    bool init = false;  // pushed by _CALL_ALLOC_AND_ENTER_INIT: its return pushes nothing
    std::vector<int> locals;
    std::vector<int> stack;
    std::vector<int> below;
    size_t popped_below = 0;
    bool globals_checked = false;   // a _GUARD_GLOBALS_VERSION passed since the last escape
    bool builtins_checked = false;
};

// Facts carried into the loop copy: a symbol's kind and constant, per root local and below-stack slot.
struct EntryFacts {
    std::vector<std::pair<VKind, Value>> locals;  // kind Unknown: nothing known
    std::vector<std::pair<VKind, Value>> below;
};

VKind kind_of(Value v) {
    if (val_is_null(v)) return VKind::Null;
    if (val_is_int(v)) return VKind::ImmInt;
    if (val_is_float(v)) return VKind::Float;
    if (val_is_bool(v)) return VKind::Bool;
    if (val_is_none(v)) return VKind::None;
    if (is_kind(v, Kind::Str) && as<Object>(v)->type == T.t_str) return VKind::Str;
    return VKind::Unknown;
}

bool is_global_store(uint16_t op) {
    return op == UOP_STORE_GLOBAL || op == UOP_DELETE_GLOBAL || op == UOP_STORE_NAME || op == UOP_DELETE_NAME;
}

// Whether a uop may change a dict or a class (it escapes, or stores a global): facts about versions and shapes end
// there, and an executor with dependencies checks its validity after it.
bool may_change_dicts(uint16_t op) { return (uop_flags[op] & OPF_ESCAPES) || is_global_store(op); }

class Optimizer {
public:
    // stores_globals: the trace stores into globals, so inlining them would invalidate it at once.
    Optimizer(Executor* ex, bool stores_globals) : ex_(ex), stores_globals_(stores_globals) {}

    // One pass over uops [begin, end) of the recorded trace from `entry` facts (null: nothing known). Appends the
    // kept uops to `out`; false on a contradiction.
    bool run(const std::vector<UopInst>& in, size_t end, const EntryFacts* entry, std::vector<UopInst>* out) {
        syms_.clear();
        frames_.clear();
        frames_.emplace_back();
        next_frame_ = 1;
        FrameState& root = frames_.back();
        root.code = ex_->frames[0].code;
        root.globals = ex_->frames[0].globals;
        root.locals.assign(root.code->nlocalsplus, -1);
        if (entry) {
            for (size_t i = 0; i < entry->locals.size() && i < root.locals.size(); i++)
                if (entry->locals[i].first != VKind::Unknown) root.locals[i] = fact_sym(entry->locals[i]);
            for (size_t k = 0; k < entry->below.size(); k++)
                root.below.push_back(entry->below[k].first != VKind::Unknown ? fact_sym(entry->below[k]) : fresh());
        }
        out_ = out;
        size_t first = out->size();
        for (size_t i = 0; i < end; i++) {
            UopInst u = in[i];
            current_ = &u;
            Step s = step(u);
            if (s == Step::Contradiction) return false;
            if (s == Step::Drop) continue;
            out->push_back(u);
            if (may_change_dicts(u.op)) forget_volatile();
        }
        out->erase(std::remove_if(out->begin() + first, out->end(), [](const UopInst& x) { return x.op == UOP_NOP; }),
                   out->end());
        return true;
    }

    // The facts at the end of the last pass (at the back-edge) about the root frame's locals and its stack, as
    // facts for the loop's entry: the stack must be as deep as at the start (it is at a back-edge).
    bool exit_facts(EntryFacts* f) {
        if (frames_.size() != 1) return false;
        FrameState& root = frames_[0];
        if (root.stack.size() != root.popped_below) return false;
        f->locals.clear();
        for (int s : root.locals) f->locals.push_back(s < 0 ? std::make_pair(VKind::Unknown, VAL_NULL) : fact_of(s));
        // Slot k below the start (0: the top) is now the k-th from the top: pushed back or never popped.
        f->below.assign(root.below.size(), {VKind::Unknown, VAL_NULL});
        size_t n = root.stack.size();
        for (size_t k = 0; k < root.below.size(); k++) f->below[k] = fact_of(k < n ? root.stack[n - 1 - k] : root.below[k]);
        return true;
    }

    std::vector<const void*> deps;  // dict tables the inlined constants came from
    size_t folded = 0;              // uops folded into constants (one run per optimizer)
    bool inlined_from_dict(const void* table) const { return std::find(deps.begin(), deps.end(), table) != deps.end(); }

private:
    enum class Step { Keep, Drop, Contradiction };

    Executor* ex_;
    bool stores_globals_;
    std::vector<Sym> syms_;
    std::vector<FrameState> frames_;
    size_t next_frame_ = 1;  // the next entry of ex_->frames a frame push enters
    uint32_t gen_resume_ = 0;  // the code unit the last _GUARD_GEN_RESUMES_AT checked (0: the generator's start)
    std::vector<UopInst>* out_ = nullptr;
    const UopInst* current_ = nullptr;
    std::vector<size_t> pending_guards_;  // indices in out_ of dict-version guards waiting for their load
    uint32_t pending_version_ = 0, pending_builtins_version_ = 0;  // the versions those guards check

    int fresh(VKind k = VKind::Unknown) {
        syms_.push_back(Sym{});
        syms_.back().kind = k;
        return static_cast<int>(syms_.size() - 1);
    }
    int constant(Value v) {
        int s = fresh(kind_of(v));
        syms_[s].is_const = true;
        syms_[s].c = v;
        return s;
    }
    int fact_sym(const std::pair<VKind, Value>& f) {
        if (f.first == VKind::Unknown) return fresh();
        return constant_or_kind(f.first, f.second);
    }
    int constant_or_kind(VKind k, Value c) {
        if (!val_is_null(c) || k == VKind::Null) return constant(c);
        return fresh(k);
    }
    std::pair<VKind, Value> fact_of(int s) {
        const Sym& y = syms_[s];
        // A constant that is an object could die with the dict or code that held it: keep only its kind.
        bool keep_const = y.is_const && !val_is_obj(y.c);
        return {y.kind, keep_const ? y.c : VAL_NULL};
    }

    FrameState& frame() { return frames_.back(); }
    // A frame-pushing uop: the next frame the recorder followed becomes the current one, nothing known about its
    // locals (false: there is none, a contradiction: the recorder records every frame it follows).
    bool enter_frame() {
        if (next_frame_ >= ex_->frames.size()) return false;
        FrameState callee;
        callee.code = ex_->frames[next_frame_].code;
        callee.globals = ex_->frames[next_frame_].globals;
        next_frame_++;
        callee.locals.assign(callee.code->nlocalsplus, -1);
        frames_.push_back(std::move(callee));
        return true;
    }
    int code_const(uint32_t i) {
        const auto& consts = frame().code->consts;
        return i < consts.size() ? constant(consts[i]) : fresh();
    }
    int pop() {
        FrameState& f = frame();
        if (!f.stack.empty()) {
            int s = f.stack.back();
            f.stack.pop_back();
            return s;
        }
        if (f.popped_below == f.below.size()) f.below.push_back(fresh());
        return f.below[f.popped_below++];
    }
    void push(int s) { frame().stack.push_back(s); }
    int peek(size_t k) {  // 1 = the top
        FrameState& f = frame();
        if (k <= f.stack.size()) return f.stack[f.stack.size() - k];
        size_t j = f.popped_below + (k - f.stack.size()) - 1;
        while (f.below.size() <= j) f.below.push_back(fresh());
        return f.below[j];
    }
    // A local the uop being optimized reads with a check: whether it was already surely bound; it is from now on
    // (the check passed).
    bool bound_before(int s) {
        if (is_bound(syms_[s].kind)) return true;
        mark_bound(s);
        return false;
    }
    void store_local(uint32_t i, int s) {  // (a store never stores NULL)
        mark_bound(s);
        set_local(i, s);
    }
    void mark_bound(int s) {
        if (syms_[s].kind == VKind::Unknown) syms_[s].kind = VKind::Bound;
    }
    // Whether local i surely holds the value s already (the same symbol, or the same constant).
    bool holds_already(uint32_t i, int s) {
        FrameState& f = frame();
        if (i >= f.locals.size() || f.locals[i] < 0) return false;
        const Sym& held = syms_[f.locals[i]];
        return f.locals[i] == s || (held.is_const && syms_[s].is_const && held.c.bits == syms_[s].c.bits);
    }
    int local(uint32_t i) {
        FrameState& f = frame();
        if (i >= f.locals.size()) return fresh();
        if (f.locals[i] < 0) f.locals[i] = fresh();
        return f.locals[i];
    }
    void set_local(uint32_t i, int s) {
        FrameState& f = frame();
        if (i < f.locals.size()) f.locals[i] = s;
    }

    void forget_volatile() {
        for (Sym& s : syms_) s.type_version = 0, s.shape = 0;
        for (FrameState& f : frames_) f.globals_checked = f.builtins_checked = false;
    }

    // Pops the uop's inputs and pushes unknown outputs: what the optimizer knows about any uop it has no rule for.
    void generic(const UopInst& u) {
        int pops, pushes;
        uop_stack_io(u.op, u.oparg, &pops, &pushes);
        for (int k = 0; k < pops; k++) pop();
        for (int k = 0; k < pushes; k++) push(fresh());
    }
    // u becomes a load of the constant v (an inlined global, a folded result), which it pushes.
    void load_const_inline(UopInst& u, Value v) {
        u.op = UOP_LOAD_CONST_INLINE;
        u.cache[0] = static_cast<uint32_t>(v.bits);
        u.cache[1] = static_cast<uint32_t>(v.bits >> 32);
        push(constant(v));
    }
    // A binary uop on two constants becomes its result: the operands dropped (two POP_TOPs, before it), the result
    // loaded as a constant. `fold` computes the result as the uop's body does; false: not foldable (an int result
    // that is not an immediate: the uop deopts there, and must).
    template <typename Fold>
    bool fold_binary(UopInst& u, VKind operands, Fold fold) {
        int li = peek(2), ri = peek(1);  // (peek may add symbols: take references after)
        const Sym& l = syms_[li];
        const Sym& r = syms_[ri];
        if (!l.is_const || !r.is_const || l.kind != operands || r.kind != operands) return false;
        Value v;
        if (!fold(l.c, r.c, &v)) return false;
        pop();
        pop();
        UopInst drop = u;
        drop.op = UOP_POP_TOP;
        drop.oparg = 0;
        out_->push_back(drop);
        out_->push_back(drop);
        load_const_inline(u, v);
        folded++;
        return true;
    }
    bool fold_int(UopInst& u) {
        return fold_binary(u, VKind::ImmInt, [&u](Value a, Value b, Value* res) {
            int64_t x = val_int(a), y = val_int(b), r;
            switch (u.op) {
                case UOP_BINARY_OP_ADD_INT: r = x + y; break;
                case UOP_BINARY_OP_SUBTRACT_INT: r = x - y; break;
                case UOP_BINARY_OP_MULTIPLY_INT:
                    if (__builtin_mul_overflow(x, y, &r)) return false;
                    break;
                case UOP_BINARY_OP_AND_INT: r = x & y; break;
                case UOP_BINARY_OP_OR_INT: r = x | y; break;
                case UOP_BINARY_OP_XOR_INT: r = x ^ y; break;
                case UOP_COMPARE_OP_INT: *res = val_from_bool(krt_cmp_i64(x, y, u.oparg & 15)); return true;
                default: return false;
            }
            if (!val_int_fits(r)) return false;
            *res = val_from_int(r);
            return true;
        });
    }
    bool fold_float(UopInst& u) {
        return fold_binary(u, VKind::Float, [&u](Value a, Value b, Value* res) {
            double x = val_float(a), y = val_float(b);
            switch (u.op) {
                case UOP_BINARY_OP_ADD_FLOAT: *res = val_from_float(x + y); return true;
                case UOP_BINARY_OP_SUBTRACT_FLOAT: *res = val_from_float(x - y); return true;
                case UOP_BINARY_OP_MULTIPLY_FLOAT: *res = val_from_float(x * y); return true;
                case UOP_COMPARE_OP_FLOAT: *res = val_from_bool(krt_cmp_f64(x, y, u.oparg & 15)); return true;
                default: return false;
            }
        });
    }
    Step result(int pops, VKind k) {
        for (int i = 0; i < pops; i++) pop();
        push(fresh(k));
        return Step::Keep;
    }
    // Both operands of a binary guard are known to be `k`: the guard goes; else they are from now on.
    Step guard_both(VKind k, bool (*holds)(VKind)) {
        int li = peek(2), ri = peek(1);  // (peek may add symbols: take references after)
        Sym& l = syms_[li];
        Sym& r = syms_[ri];
        if (holds(l.kind) && holds(r.kind)) return Step::Drop;
        if (!holds(l.kind)) l.kind = k;
        if (!holds(r.kind)) r.kind = k;
        return Step::Keep;
    }
    Step guard_kind(int s, VKind k) {
        if (syms_[s].kind == k) return Step::Drop;
        syms_[s].kind = k;
        return Step::Keep;
    }
    // A popping guard sure to pass: the value it tests must still go (dropping the guard alone left it on the
    // stack, under everything pushed after: found as a crash in deltablue).
    static Step just_pop(UopInst& u) {
        u.op = UOP_POP_TOP;
        return Step::Keep;
    }
    // A guard that pops a value and passes when `passes` says so (given a known constant).
    Step guard_pop(UopInst& u, bool (*passes)(Value)) {
        int s = pop();
        if (!syms_[s].is_const) return Step::Keep;
        return passes(syms_[s].c) ? just_pop(u) : Step::Contradiction;
    }

    // A global or builtin as a constant: the value now at `index` of `table`, if `table` is watched from now on.
    bool inline_global(UopInst& u, DictObject* dict) {
        HashTable* t = &dict->table;
        if (t->invalidations >= 3 || stores_globals_) return false;
        uint32_t index = u.cache[0];
        if (index >= t->nentries) return false;
        Value v = t->entries[index].value;
        if (val_is_null(v)) return false;
        t->watched = 1;
        if (!inlined_from_dict(t)) deps.push_back(t);
        load_const_inline(u, v);
        return true;
    }
    // A dict-version guard: dropped when the same guard passed since the last escape; else kept, pending until the
    // load it protects either inlines its value (then the executor depends on the dict and the guard goes) or not.
    Step guard_dict_version(bool* checked) {
        const UopInst& u = *current_;
        if (u.op == UOP_GUARD_GLOBALS_VERSION) pending_version_ = u.cache[0];
        else pending_builtins_version_ = u.cache[0];
        if (*checked) return Step::Drop;
        *checked = true;
        pending_guards_.push_back(out_->size());
        return Step::Keep;
    }
    void settle_dict_guards(bool inlined) {
        if (inlined)
            for (size_t i : pending_guards_) (*out_)[i].op = UOP_NOP;
        pending_guards_.clear();
    }

    // Folds u into a constant if it is int or float arithmetic or a comparison on constants.
    bool fold(UopInst& u) {
        switch (u.op) {
            case UOP_BINARY_OP_ADD_INT:
            case UOP_BINARY_OP_SUBTRACT_INT:
            case UOP_BINARY_OP_MULTIPLY_INT:
            case UOP_BINARY_OP_AND_INT:
            case UOP_BINARY_OP_OR_INT:
            case UOP_BINARY_OP_XOR_INT:
            case UOP_COMPARE_OP_INT: return fold_int(u);
            case UOP_BINARY_OP_ADD_FLOAT:
            case UOP_BINARY_OP_SUBTRACT_FLOAT:
            case UOP_BINARY_OP_MULTIPLY_FLOAT:
            case UOP_COMPARE_OP_FLOAT: return fold_float(u);
            default: return false;
        }
    }

    Step step(UopInst& u) {
        if (fold(u)) return Step::Keep;
        uint32_t oparg = u.oparg;
        switch (u.op) {
            case UOP_NOP: return Step::Drop;
            case UOP_LOAD_FAST: {
                int s = local(oparg);
                if (bound_before(s)) u.op = UOP_LOAD_FAST_BOUND;
                push(s);
                return Step::Keep;
            }
            case UOP_LOAD_FAST_LOAD_FAST: {
                int a = local(oparg >> 12), b = local(oparg & 0xFFF);
                if (bound_before(a) & bound_before(b)) u.op = UOP_LOAD_FAST_LOAD_FAST_BOUND;  // (both marked)
                push(a);
                push(b);
                return Step::Keep;
            }
            case UOP_LOAD_FAST_LOAD_CONST: {
                int s = local(oparg >> 12);
                if (bound_before(s)) u.op = UOP_LOAD_FAST_LOAD_CONST_BOUND;
                push(s);
                push(code_const(oparg & 0xFFF));
                return Step::Keep;
            }
            case UOP_LOAD_CONST: {
                // An immediate constant (int, float, bool, None) becomes part of the code: the uop no longer
                // loads frame -> code -> consts -> item, a chain of dependent loads right after each frame push
                // in an inlined call. (Heap constants stay loads: the trace holds no reference to them.)
                const auto& consts = frame().code->consts;
                if (oparg < consts.size() && !val_is_obj(consts[oparg])) {
                    load_const_inline(u, consts[oparg]);
                    return Step::Keep;
                }
                push(code_const(oparg));
                return Step::Keep;
            }
            case UOP_LOAD_CONST_INLINE: push(constant(val_from_bits(u.cache[0] | (uint64_t(u.cache[1]) << 32))));
                return Step::Keep;
            case UOP_STORE_FAST: {
                int s = pop();
                if (holds_already(oparg, s)) {  // a store that changes nothing: the value is only dropped
                    u.op = UOP_POP_TOP;
                    return Step::Keep;
                }
                store_local(oparg, s);
                return Step::Keep;
            }
            case UOP_STORE_FAST_LOAD_FAST: {
                store_local(oparg >> 12, pop());
                int s = local(oparg & 0xFFF);
                if (bound_before(s)) u.op = UOP_STORE_FAST_LOAD_FAST_BOUND;
                push(s);
                return Step::Keep;
            }
            case UOP_STORE_FAST_STORE_FAST: {
                int value1 = pop(), value2 = pop();
                store_local(oparg >> 12, value1);
                store_local(oparg & 0xFFF, value2);
                return Step::Keep;
            }
            case UOP_DELETE_FAST: set_local(oparg, constant(VAL_NULL)); return Step::Keep;
            case UOP_MAKE_CELL: set_local(oparg, fresh(VKind::Bound)); return Step::Keep;
            case UOP_POP_TOP: pop(); return Step::Keep;
            case UOP_PUSH_NULL: push(constant(VAL_NULL)); return Step::Keep;
            case UOP_COPY:
                if (oparg == 1) u.op = UOP_COPY_1;  // fixed stack items: register variants (tier2_regalloc.cpp)
                if (oparg == 2) u.op = UOP_COPY_2;
                push(peek(oparg));
                return Step::Keep;
            case UOP_SWAP: {
                if (oparg == 2) u.op = UOP_SWAP_2;
                if (oparg == 3) u.op = UOP_SWAP_3;
                // Rewrites the two slots (materializing below-stack slots as explicit ones when needed).
                std::vector<int> tmp;
                for (uint32_t k = 0; k < oparg; k++) tmp.push_back(pop());
                std::swap(tmp.front(), tmp.back());
                for (auto it = tmp.rbegin(); it != tmp.rend(); ++it) push(*it);
                return Step::Keep;
            }

            // ---- guards on kinds ----
            case UOP_GUARD_BOTH_INT: return guard_both(VKind::ImmInt, [](VKind k) { return k == VKind::ImmInt; });
            case UOP_GUARD_BOTH_FLOAT: return guard_both(VKind::Float, [](VKind k) { return k == VKind::Float; });
            case UOP_GUARD_BOTH_STR: return guard_both(VKind::Str, [](VKind k) { return k == VKind::Str; });
            case UOP_GUARD_BOTH_NUMBER:
            case UOP_GUARD_FLOAT_AND_NUMBER: {
                // Dropped when both kinds are known to pass; a kept guard leaves them unknown (float or int).
                int li = peek(2), ri = peek(1);
                VKind l = syms_[li].kind, r = syms_[ri].kind;
                auto number = [](VKind k) { return k == VKind::Float || k == VKind::ImmInt; };
                bool passes = number(l) && number(r) &&
                              (u.op == UOP_GUARD_BOTH_NUMBER || l == VKind::Float || r == VKind::Float);
                return passes ? Step::Drop : Step::Keep;
            }
            case UOP_TO_BOOL_BOOL: return guard_kind(peek(1), VKind::Bool);
            case UOP_ITER_CHECK_RANGE: return guard_kind(peek(1), VKind::RangeIter);
            case UOP_ITER_CHECK_LIST: return guard_kind(peek(1), VKind::ListIter);
            case UOP_ITER_CHECK_TUPLE: return guard_kind(peek(1), VKind::TupleIter);
            case UOP_GUARD_TYPE_VERSION: {
                Sym& s = syms_[peek(1)];
                if (s.type_version == u.cache[0]) return Step::Drop;
                s.type_version = u.cache[0];
                return Step::Keep;
            }
            case UOP_GUARD_SHAPE: {
                Sym& s = syms_[peek(1)];
                uint64_t shape = u.cache[0] | (uint64_t(u.cache[1]) << 32);
                if (s.shape == shape) return Step::Drop;
                s.shape = shape;
                return Step::Keep;
            }
            case UOP_GUARD_IS_TRUE_POP: return guard_pop(u, [](Value v) -> bool { return val_is_true(v); });
            case UOP_GUARD_IS_FALSE_POP: return guard_pop(u, [](Value v) -> bool { return !val_is_true(v); });
            case UOP_GUARD_IS_NONE_POP: {
                int s = pop();
                VKind k = syms_[s].kind;
                if (k == VKind::None) return just_pop(u);
                return k == VKind::Unknown || k == VKind::Bound ? Step::Keep : Step::Contradiction;
            }
            case UOP_GUARD_IS_NOT_NONE_POP: {
                int s = pop();
                VKind k = syms_[s].kind;
                if (k == VKind::None) return Step::Contradiction;
                return k == VKind::Unknown || k == VKind::Null || k == VKind::Bound ? Step::Keep : just_pop(u);
            }

            // ---- globals and builtins ----
            case UOP_GUARD_GLOBALS_VERSION: return guard_dict_version(&frame().globals_checked);
            case UOP_GUARD_BUILTINS_VERSION: return guard_dict_version(&frame().builtins_checked);
            case UOP_LOAD_GLOBAL_MODULE: {
                DictObject* g = frame().globals;
                bool ok = g->table.keys_version == pending_version_ && inline_global(u, g);
                settle_dict_guards(ok);
                if (!ok) push(fresh());
                return Step::Keep;
            }
            case UOP_LOAD_GLOBAL_BUILTINS: {
                // The name's absence from the module's globals is part of the fact: depend on them too.
                HashTable* g = &frame().globals->table;
                bool ok = vm.builtins->table.keys_version == pending_builtins_version_ && g->invalidations < 3 &&
                          inline_global(u, vm.builtins);
                if (ok) {
                    g->watched = 1;
                    if (!inlined_from_dict(g)) deps.push_back(g);
                }
                settle_dict_guards(ok);
                if (!ok) push(fresh());
                return Step::Keep;
            }

            // ---- results whose kind the uop decides ----
            case UOP_BINARY_OP_ADD_INT:  // (each deopts rather than make a big int: instructions.def)
            case UOP_BINARY_OP_SUBTRACT_INT:
            case UOP_BINARY_OP_MULTIPLY_INT:
            case UOP_BINARY_OP_FLOOR_DIVIDE_INT:
            case UOP_BINARY_OP_MODULO_INT:
            case UOP_BINARY_OP_LSHIFT_INT:
            case UOP_BINARY_OP_RSHIFT_INT:
            case UOP_BINARY_OP_AND_INT:
            case UOP_BINARY_OP_OR_INT:
            case UOP_BINARY_OP_XOR_INT: return result(2, VKind::ImmInt);
            case UOP_BINARY_OP_ADD_FLOAT:
            case UOP_BINARY_OP_SUBTRACT_FLOAT:
            case UOP_BINARY_OP_MULTIPLY_FLOAT:
            case UOP_BINARY_OP_TRUE_DIVIDE_FLOAT:
            case UOP_BINARY_OP_POWER_FLOAT:
            case UOP_BINARY_OP_TRUE_DIVIDE_NUMBER:
            case UOP_BINARY_OP_ADD_NUMBER:
            case UOP_BINARY_OP_SUBTRACT_NUMBER:
            case UOP_BINARY_OP_MULTIPLY_NUMBER: return result(2, VKind::Float);
            case UOP_BINARY_OP_ADD_STR: return result(2, VKind::Str);
            case UOP_COMPARE_OP_INT:
            case UOP_COMPARE_OP_FLOAT:
            case UOP_COMPARE_OP_STR:
            case UOP_IS_OP:
            case UOP_CONTAINS_OP_DICT:
            case UOP_CONTAINS_OP_SET: return result(2, VKind::Bool);
            case UOP_UNARY_NOT:
            case UOP_TO_BOOL_INT:
            case UOP_TO_BOOL_NONE:
            case UOP_TO_BOOL_LIST:
            case UOP_TO_BOOL_STR: return result(1, VKind::Bool);
            case UOP_ITER_NEXT_RANGE: push(fresh(VKind::ImmInt)); return Step::Keep;
            case UOP_ITER_NEXT_LIST:
            case UOP_ITER_NEXT_TUPLE:
            case UOP_FOR_ITER_TIER_TWO: push(fresh()); return Step::Keep;
            case UOP_GUARD_NOT_EXHAUSTED_RANGE:
            case UOP_GUARD_NOT_EXHAUSTED_LIST:
            case UOP_GUARD_NOT_EXHAUSTED_TUPLE: return Step::Keep;

            case UOP_CHECK_FUNCTION_EXACT_ARGS: {  // (callable, self_or_null, args[oparg] -- the same)
                Sym callable = syms_[peek(oparg + 2)], self = syms_[peek(oparg + 1)];
                if (!callable.is_const || !self.is_const || !val_is_null(self.c) || !is_kind(callable.c, Kind::Function))
                    return Step::Keep;
                auto* fn = as<FunctionObject>(callable.c);
                if (fn->version != u.cache[0] || fn->code->argcount != oparg) return Step::Keep;  // (deopts: keep it)
                uint32_t version = u.cache[0];
                u.op = UOP_CHECK_FUNCTION_VERSION_INLINE;
                u.cache[0] = static_cast<uint32_t>(callable.c.bits);
                u.cache[1] = static_cast<uint32_t>(callable.c.bits >> 32);
                u.cache[2] = version;
                return Step::Keep;
            }
            // ---- frames ----
            case UOP_PUSH_FRAME_EXACT:
            case UOP_PUSH_FRAME_GENERAL:
            case UOP_CALL_ALLOC_AND_ENTER_INIT: {
                for (uint32_t k = 0; k < oparg + 2; k++) pop();
                if (!enter_frame()) return Step::Contradiction;
                FrameState& callee = frame();
                callee.init = u.op == UOP_CALL_ALLOC_AND_ENTER_INIT;
                // Binding the arguments set every parameter (or raised before the frame was pushed).
                for (uint32_t i = 0; i < callee.code->total_args() && i < callee.locals.size(); i++)
                    callee.locals[i] = fresh(VKind::Bound);
                return Step::Keep;
            }
            case UOP_GUARD_GEN_RESUMES_AT: gen_resume_ = u.cache[1]; return Step::Keep;
            case UOP_PUSH_GEN_FRAME: {  // (the generator stays on the caller's stack; its locals are unknown)
                if (!enter_frame()) return Step::Contradiction;
                if (gen_resume_ != 0) push(constant(VAL_NONE));  // the value of the yield it resumes at
                return Step::Keep;
            }
            case UOP_RETURN_FRAME:
            case UOP_YIELD_VALUE: {
                int rv = pop();
                bool init = frame().init;
                frames_.pop_back();
                if (frames_.empty()) return Step::Contradiction;
                if (!init) push(rv);
                return Step::Keep;
            }
            case UOP_STORE_ATTR_ADD: {  // (index, new_shape, value, owner --): the owner's shape is the new one
                syms_[peek(1)].shape = u.cache[1] | (uint64_t(u.cache[2]) << 32);
                int owner = pop();
                pop();
                (void)owner;
                return Step::Keep;
            }
            case UOP_JUMP_TO_TOP:
            case UOP_EXIT_TRACE:
            case UOP_CHECK_VALIDITY: return Step::Keep;
            default: generic(u); return Step::Keep;
        }
    }
};

size_t count_guards(const std::vector<UopInst>& uops, size_t begin, size_t end) {
    size_t n = 0;
    for (size_t i = begin; i < end; i++) n += (uop_flags[uops[i].op] & OPF_DEOPT) ? 1 : 0;
    return n;
}

bool same_facts(const EntryFacts& a, const EntryFacts& b) {
    return a.locals.size() == b.locals.size() && a.below.size() == b.below.size() &&
           std::equal(a.locals.begin(), a.locals.end(), b.locals.begin(),
                      [](auto& x, auto& y) { return x.first == y.first && x.second.bits == y.second.bits; }) &&
           std::equal(a.below.begin(), a.below.end(), b.below.begin(),
                      [](auto& x, auto& y) { return x.first == y.first && x.second.bits == y.second.bits; });
}

// The facts of `want` that `got` also proves (the rest become unknown).
EntryFacts meet(const EntryFacts& want, const EntryFacts& got) {
    EntryFacts m = want;
    auto keep = [](std::pair<VKind, Value>& w, const std::pair<VKind, Value>& g) {
        if (w.first != g.first) w = {is_bound(w.first) && is_bound(g.first) ? VKind::Bound : VKind::Unknown, VAL_NULL};
        else if (w.second.bits != g.second.bits) w.second = VAL_NULL;
    };
    for (size_t i = 0; i < m.locals.size(); i++) keep(m.locals[i], i < got.locals.size() ? got.locals[i] : m.locals[i]);
    for (size_t k = 0; k < m.below.size(); k++) keep(m.below[k], k < got.below.size() ? got.below[k] : m.below[k]);
    return m;
}

// Dead pure uops: a pure uop whose one result the next uop drops (POP_TOP) becomes drops of its own inputs, and a
// pure push dropped at once disappears with the drop; repeated until nothing changes. Returns the uops removed.
size_t remove_dead_pure(std::vector<UopInst>* uops) {
    size_t removed = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i + 1 < uops->size(); i++) {
            UopInst& u = (*uops)[i];
            // (A pure uop that can deopt stays: the generic path it deopts to may raise, e.g. 1 // 0.)
            if (!(uop_flags[u.op] & OPF_PURE) || (uop_flags[u.op] & OPF_DEOPT) || (*uops)[i + 1].op != UOP_POP_TOP ||
                u.op == UOP_POP_TOP)
                continue;
            int pops, pushes;
            uop_stack_io(u.op, u.oparg, &pops, &pushes);
            if (pushes != 1 || pops > 2) continue;
            UopInst drop = (*uops)[i + 1];
            uops->erase(uops->begin() + i, uops->begin() + i + 2);
            uops->insert(uops->begin() + i, pops, drop);
            removed += 2 - pops;
            changed = true;
        }
    }
    return removed;
}

// Inserts _CHECK_VALIDITY after each uop that may invalidate the executor; its exit resumes at the next
// instruction (the uop that escaped was the last of its instruction).
std::vector<UopInst> with_validity_checks(const std::vector<UopInst>& uops, size_t* loop_start) {
    std::vector<UopInst> out;
    size_t new_loop_start = *loop_start;
    for (size_t i = 0; i < uops.size(); i++) {
        if (i == *loop_start) new_loop_start = out.size();
        out.push_back(uops[i]);
        if (!may_change_dicts(uops[i].op) || i + 1 >= uops.size() || uops[i + 1].target == uops[i].target) continue;
        UopInst check{};
        check.op = UOP_CHECK_VALIDITY;
        check.exit = kNoExit;
        check.target = uops[i + 1].target;
        check.depth = uops[i + 1].depth;
        check.length = uops[i + 1].length;
        out.push_back(check);
    }
    *loop_start = new_loop_start;
    return out;
}

}  // namespace

bool tier2_optimize(Executor* ex) {
    const std::vector<UopInst> in = std::move(ex->uops);
    g_tier2_stats.uops_before += in.size();
    size_t guards = count_guards(in, 0, in.size());
    g_tier2_stats.guards_before += guards;

    bool stores_globals = std::any_of(in.begin(), in.end(), [](const UopInst& u) { return is_global_store(u.op); });
    Optimizer first(ex, stores_globals);
    std::vector<UopInst> out;
    bool loops = !in.empty() && in.back().op == UOP_JUMP_TO_TOP;
    size_t body_end = loops ? in.size() - 1 : in.size();
    if (!first.run(in, body_end, nullptr, &out)) return false;
    remove_dead_pure(&out);
    size_t folded = first.folded;
    std::vector<const void*> deps = first.deps;
    ex->loop_start = 0;

    EntryFacts facts;
    if (loops && first.exit_facts(&facts)) {
        // The loop copy: optimized from the facts the first iteration ends with, kept while a pass from them
        // proves them again at its end (at most a few rounds; each round only forgets facts).
        std::vector<UopInst> copy;
        size_t copy_folded = 0;
        bool ok = false;
        for (int round = 0; round < 4 && !ok; round++) {
            Optimizer again(ex, stores_globals);
            copy.clear();
            if (!again.run(in, body_end, &facts, &copy)) break;
            remove_dead_pure(&copy);
            EntryFacts proved;
            if (!again.exit_facts(&proved)) break;
            EntryFacts m = meet(facts, proved);
            ok = same_facts(m, facts);
            facts = m;
            if (ok) {
                copy_folded = again.folded;
                for (const void* d : again.deps)
                    if (std::find(deps.begin(), deps.end(), d) == deps.end()) deps.push_back(d);
            }
        }
        if (ok && count_guards(copy, 0, copy.size()) < count_guards(out, 0, out.size())) {
            ex->loop_start = out.size();
            out.insert(out.end(), copy.begin(), copy.end());
            folded = copy_folded;  // (counted as the guards: in what the loop runs from its second iteration)
        }
    }
    if (loops) out.push_back(in.back());

    // The class versions its guards check: when one of those classes changes, those guards fail for good, so the
    // executor is invalidated and the loop traced again for the new version. (The guards stay: no validity checks
    // are needed for these, only for inlined dict values.)
    bool inlines = !deps.empty();
    for (const UopInst& u : out) {
        bool versioned = u.op == UOP_GUARD_TYPE_VERSION || u.op == UOP_GUARD_CLASS_VERSION ||
                         u.op == UOP_GUARD_SAME_CLASS_VERSION || u.op == UOP_CALL_ALLOC_AND_ENTER_INIT;
        if (versioned && std::find(deps.begin(), deps.end(), type_version_key(u.cache[0])) == deps.end())
            deps.push_back(type_version_key(u.cache[0]));
    }
    ex->deps = deps;
    if (inlines) {
        size_t loop_start = ex->loop_start;
        out = with_validity_checks(out, &loop_start);
        ex->loop_start = static_cast<uint32_t>(loop_start);
    }
    ex->uops = std::move(out);
    ex->frames.clear();
    size_t after = count_guards(ex->uops, ex->loop_start, ex->uops.size());
    size_t before_in_loop = count_guards(in, 0, in.size());
    g_tier2_stats.uops_after += ex->uops.size() - ex->loop_start;
    g_tier2_stats.guards_removed += before_in_loop > after ? before_in_loop - after : 0;
    g_tier2_stats.folded += folded;
    return true;
}

}  // namespace krait
