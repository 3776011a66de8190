// compiler.cpp — code generation: one Unit per code object (module, function, lambda, class body,
// comprehension). Emission tracks the operand stack depth (for the frame's stack size and handler depths) and
// tags every instruction with its innermost exception handler; the exception table is built from runs of equal
// tags at the end (as CPython does), so `return`/`break` through `finally` only has to switch the current tag.
#include "compiler.h"
#include "specialize.h"
#include "tier2.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "bigint.h"
#include "containers.h"
#include "gc.h"
#include "symtable.h"

namespace krait {

using namespace ast;

namespace {

constexpr uint32_t CO_HAS_DOCSTRING = 0x1000;

struct Handler {
    int label = -1;  // -1: none
    uint32_t depth = 0;
    bool operator==(const Handler& o) const { return label == o.label && depth == o.depth; }
};

enum class FBlock { WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, HandlerCleanup };

struct FBlockInfo {
    FBlock kind;
    int cont = -1, brk = -1;
    Handler outer;
    const std::vector<Stmt*>* finalbody = nullptr;
    std::string name;  // HandlerCleanup: the `as` name to clear
};

struct Unit {
    Scope* scope;
    CodeObject* code;
    std::vector<uint32_t> units;
    std::vector<int32_t> lines;
    std::vector<Handler> tags;  // per code unit
    std::vector<std::pair<size_t, int>> jumps;  // (unit index, label)
    std::vector<int> label_pos;
    std::vector<int> label_depth;
    std::vector<FBlockInfo> fblocks;
    std::unordered_map<std::string, uint32_t> name_index, local_index;
    Handler handler;
    int depth = 0, max_depth = 0;
    bool reachable = true;
    int line = 1;
    Unit* parent_unit = nullptr;
    size_t last_op_pos = SIZE_MAX;  // where the last instruction starts (for superinstructions)
    size_t bound_at = SIZE_MAX;     // code size when a label was last bound (a jump target starts there)
};

struct CompileAbort {};

class Compiler {
public:
    Compiler(Symtable* st, const std::string& filename, CompileError* err) : st_(st), filename_(filename), err_(err) {}

    CodeObject* module(const Module* m) {
        Unit u;
        enter(u, st_->root(), "<module>", "<module>", 1);
        u.code->flags |= CO_MODULE;
        emit(OP_RESUME, 0);
        body(m->body);
        emit(OP_LOAD_CONST, constant(VAL_NONE));
        emit(OP_RETURN_VALUE, 0);
        return finish(u);
    }

    bool failed() const { return failed_; }

private:
    Symtable* st_;
    std::string filename_;
    CompileError* err_;
    Unit* u_ = nullptr;
    bool failed_ = false;
    int depth_ = 0;  // AST nesting being compiled; bounded by kMaxCompileDepth
    std::vector<std::string> qualname_stack_;
    std::string private_;  // enclosing class name for private name mangling (symtable.h)

    // ---- errors ----
    void error(const std::string& msg, const Located* at) {
        if (!failed_) {
            failed_ = true;
            err_->msg = msg;
            err_->lineno = at ? at->lineno : u_->line;
            err_->col = at ? at->col_offset + 1 : 1;
        }
    }

    // ---- units ----
    void enter(Unit& u, Scope* scope, const std::string& name, const std::string& qualname, int firstline) {
        u.scope = scope;
        u.code = gc_new<CodeObject>(T.t_code, Kind::Code);
        gc_make_permanent(u.code);  // code objects live as long as the program (functions may be recreated)
        u.code->name = intern(name);
        u.code->qualname = intern(qualname);
        u.code->filename = intern(filename_);
        u.code->firstlineno = firstline;
        u.line = firstline;
        u.parent_unit = u_;
        u_ = &u;
    }

    void add_local(const std::string& n, uint8_t kind) {
        auto it = u_->local_index.find(n);
        if (it != u_->local_index.end()) {
            u_->code->localsplus_kinds[it->second] |= kind;
            return;
        }
        u_->local_index[n] = static_cast<uint32_t>(u_->code->localsplus_names.size());
        u_->code->localsplus_names.push_back(intern(n));
        u_->code->localsplus_kinds.push_back(kind);
    }

    void layout_locals(const Arguments* a) {
        Scope* s = u_->scope;
        CodeObject* c = u_->code;
        if (a) {
            c->posonlyargcount = static_cast<uint32_t>(a->posonlyargs.size());
            c->argcount = static_cast<uint32_t>(a->posonlyargs.size() + a->args.size());
            c->kwonlyargcount = static_cast<uint32_t>(a->kwonlyargs.size());
            if (a->vararg) c->flags |= CO_VARARGS;
            if (a->kwarg) c->flags |= CO_VARKEYWORDS;
        }
        for (auto& p : s->params) add_local(p, LK_LOCAL | LK_ARG);
        for (auto& n : s->assigned_order)
            if (s->lookup(n) == NameScope::Local) add_local(n, LK_LOCAL);
        for (auto& n : s->cells) add_local(n, LK_CELL);
        for (auto& n : s->frees) add_local(n, LK_FREE);
        c->nfree = static_cast<uint32_t>(s->frees.size());
        c->nlocalsplus = static_cast<uint32_t>(c->localsplus_names.size());
        if (s->is_generator) c->flags |= CO_GENERATOR;
    }

    void prologue() {
        CodeObject* c = u_->code;
        for (uint32_t i = 0; i < c->nlocalsplus; i++)
            if ((c->localsplus_kinds[i] & LK_CELL) && !(c->localsplus_kinds[i] & LK_FREE)) emit(OP_MAKE_CELL, i);
        if (c->nfree) emit(OP_COPY_FREE_VARS, c->nfree);
        emit(OP_RESUME, 0);
    }

    CodeObject* finish(Unit& u) {
        CodeObject* c = u.code;
        for (auto& [at, label] : u.jumps) {
            int pos = u.label_pos[label];
            u.units[at] = make_unit(unit_op(u.units[at]), static_cast<uint32_t>(pos));
        }
        c->code = std::move(u.units);
        c->lines = std::move(u.lines);
        for (size_t i = 0; i < u.tags.size();) {
            size_t j = i;
            while (j < u.tags.size() && u.tags[j] == u.tags[i]) j++;
            if (u.tags[i].label >= 0)
                c->exc_table.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                                        static_cast<uint32_t>(u.label_pos[u.tags[i].label]), u.tags[i].depth});
            i = j;
        }
        c->stacksize = static_cast<uint32_t>(u.max_depth + 2);
        c->code_base = c->code.data();
        c->consts_base = c->consts.data();
        c->names_base = c->names.data();
        u_ = u.parent_unit;
        return c;
    }

    // ---- emission ----
    int new_label() {
        u_->label_pos.push_back(-1);
        u_->label_depth.push_back(-1);
        return static_cast<int>(u_->label_pos.size() - 1);
    }

    void bind(int label) {
        u_->label_pos[label] = static_cast<int>(u_->units.size());
        u_->bound_at = u_->units.size();
        if (!u_->reachable && u_->label_depth[label] >= 0) u_->depth = u_->label_depth[label];
        else if (u_->label_depth[label] < 0) u_->label_depth[label] = u_->depth;
        u_->reachable = true;
    }

    void note_target(int label, int depth) {
        if (u_->label_depth[label] < 0) u_->label_depth[label] = depth;
    }

    // Fuses op with the instruction just emitted into a superinstruction when that pays and is safe: both on one
    // line under one handler, nothing jumps between them, and both opargs fit 12 bits.
    bool fuse(uint8_t op, uint32_t arg) {
        Unit& u = *u_;
        if (u.units.empty() || u.last_op_pos != u.units.size() - 1 || u.bound_at == u.units.size()) return false;
        if (u.lines.back() != u.line || !(u.tags.back() == u.handler)) return false;
        uint32_t prev = u.units.back();
        uint32_t prev_arg = unit_arg(prev);
        if (prev_arg > 0xFFF || arg > 0xFFF) return false;
        uint8_t fused;
        switch (unit_op(prev) << 8 | op) {
            case OP_LOAD_FAST << 8 | OP_LOAD_FAST: fused = OP_LOAD_FAST_LOAD_FAST; break;
            case OP_LOAD_FAST << 8 | OP_LOAD_CONST: fused = OP_LOAD_FAST_LOAD_CONST; break;
            case OP_STORE_FAST << 8 | OP_LOAD_FAST: fused = OP_STORE_FAST_LOAD_FAST; break;
            case OP_STORE_FAST << 8 | OP_STORE_FAST: fused = OP_STORE_FAST_STORE_FAST; break;
            default: return false;
        }
        u.units.back() = make_unit(fused, prev_arg << 12 | arg);
        return true;
    }

    void emit(uint8_t op, uint32_t arg) {
        if (arg > kMaxOparg) error("too many constants, names or jumps in one code object", nullptr);
        if (fuse(op, arg)) {
            u_->depth += op_stack_effect(op, arg);
            if (u_->depth > u_->max_depth) u_->max_depth = u_->depth;
            return;
        }
        u_->last_op_pos = u_->units.size();
        if (!u_->reachable) {
            // Dead code after return/raise/jump is still emitted (simple), with the depth it would have.
        }
        u_->units.push_back(make_unit(op, arg));
        u_->lines.push_back(u_->line);
        u_->tags.push_back(u_->handler);
        for (int i = 0; i < op_cache_size[op]; i++) {
            // A specializable instruction keeps its adaptive counter in the first cache word (specialize.h).
            u_->units.push_back(i == 0 && op_family[op] != FAM_NONE ? initial_counter()
                                : i == 0 && counts_towards_trace(op) ? hotness_initial_counter()
                                                                   : 0);
            u_->lines.push_back(u_->line);
            u_->tags.push_back(u_->handler);
        }
        u_->depth += op_stack_effect(op, arg);
        if (u_->depth > u_->max_depth) u_->max_depth = u_->depth;
        if (u_->depth < 0) u_->depth = 0;
        if (op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE || op == OP_CLEANUP_RERAISE)
            u_->reachable = false;
    }

    void emit_jump(uint8_t op, int label) {
        size_t at = u_->units.size();
        emit(op, 0);
        u_->jumps.emplace_back(at, label);
        if (op == OP_FOR_ITER) note_target(label, u_->depth - 2);
        else if (op == OP_SEND) note_target(label, u_->depth - 1);
        else note_target(label, u_->depth);
        if (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD) u_->reachable = false;
    }

    void jump(int label) {
        bool back = u_->label_pos[label] >= 0;
        emit_jump(back ? OP_JUMP_BACKWARD : OP_JUMP_FORWARD, label);
    }

    void set_handler_label(int label, uint32_t depth) { u_->handler = Handler{label, depth}; }

    // ---- constants and names ----
    uint32_t constant(Value v) {
        auto& consts = u_->code->consts;
        for (size_t i = 0; i < consts.size(); i++) {
            Value c = consts[i];
            if (c.bits == v.bits) return static_cast<uint32_t>(i);
            if (is_kind(c, Kind::Str) && is_kind(v, Kind::Str) && str_eq(as<StrObject>(c), as<StrObject>(v)))
                return static_cast<uint32_t>(i);
        }
        consts.push_back(v);
        return static_cast<uint32_t>(consts.size() - 1);
    }

    uint32_t attr_name(const std::string& n) { return name(mangle(private_, n)); }

    uint32_t name(const std::string& n) {
        auto it = u_->name_index.find(n);
        if (it != u_->name_index.end()) return it->second;
        uint32_t i = static_cast<uint32_t>(u_->code->names.size());
        u_->code->names.push_back(intern(n));
        u_->name_index[n] = i;
        return i;
    }

    Value str_const(const std::string& s) {
        Value v = s.size() <= 40 ? val(intern(s)) : str_new(s);
        if (val_is_null(v)) throw_error("string constant too large", nullptr);
        return v;
    }

    void throw_error(const std::string& msg, const Located* at) { error(msg, at); }

    Value constant_value(const Constant* c) {
        switch (c->value_kind) {
            case ConstantKind::None: return VAL_NONE;
            case ConstantKind::True: return VAL_TRUE;
            case ConstantKind::False: return VAL_FALSE;
            case ConstantKind::Ellipsis: return g_ellipsis;
            case ConstantKind::Int: {
                if (c->int_fits) return int_from_i64(c->int_value);
                BigInt b;
                if (c->int_base == 10 && big_parse_digits_exceed(c->int_digits.size(), 10, kBigDefaultMaxStrDigits)) {
                    error(big_parse_limit_message(kBigDefaultMaxStrDigits, c->int_digits.size()) +
                              " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                          c);
                    return VAL_NONE;
                }
                if (!big_from_string(c->int_digits, c->int_base, &b)) {
                    error("invalid integer literal", c);
                    return VAL_NONE;
                }
                return int_from_bigint(b);
            }
            case ConstantKind::Float: return val_from_float(c->float_value);
            case ConstantKind::Imaginary: error("complex numbers are not supported by Krait", c); return VAL_NONE;
            case ConstantKind::Str: return str_const(c->str_value);
            case ConstantKind::Bytes: {
                auto* b = gc_new<BytesObject>(T.t_bytes, Kind::Bytes, c->str_value.size());
                b->hash = -1;
                b->size = c->str_value.size();
                memcpy(b->data, c->str_value.data(), b->size);
                return val(b);
            }
        }
        return VAL_NONE;
    }

    // ---- names ----
    void name_op(const std::string& raw, ExprContext ctx, const Located* at) {
        std::string n = mangle(private_, raw);
        Scope* s = u_->scope;
        NameScope ns = s->lookup(n);
        if (n == "__class__" && s->kind == ScopeKind::Function && !s->resolved.count(n)) ns = NameScope::GlobalImplicit;
        uint8_t op;
        uint32_t arg;
        auto slot = u_->local_index.find(n);
        bool has_slot = slot != u_->local_index.end();
        if ((ns == NameScope::Cell || ns == NameScope::Free) && has_slot) {
            op = ctx == ExprContext::Load ? OP_LOAD_DEREF : ctx == ExprContext::Store ? OP_STORE_DEREF : OP_DELETE_DEREF;
            arg = slot->second;
        } else if (s->kind == ScopeKind::Function && ns == NameScope::Local && has_slot) {
            op = ctx == ExprContext::Load ? OP_LOAD_FAST : ctx == ExprContext::Store ? OP_STORE_FAST : OP_DELETE_FAST;
            arg = slot->second;
        } else if (ns == NameScope::GlobalExplicit || (s->kind == ScopeKind::Function && ns == NameScope::GlobalImplicit)) {
            op = ctx == ExprContext::Load ? OP_LOAD_GLOBAL : ctx == ExprContext::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL;
            arg = name(n);
        } else {
            op = ctx == ExprContext::Load ? OP_LOAD_NAME : ctx == ExprContext::Store ? OP_STORE_NAME : OP_DELETE_NAME;
            arg = name(n);
        }
        (void)at;
        emit(op, arg);
    }

    void set_line(const Located* n) {
        if (n && n->lineno > 0) u_->line = n->lineno;
    }

    // ---- statements ----
    void body(const std::vector<Stmt*>& b) {
        for (auto* s : b) {
            stmt(s);
            if (failed_) return;
        }
    }

    bool too_deep();
    void stmt(const Stmt* s);
    void expr(const Expr* e);
    void jump_if(const Expr* e, int label, bool cond);
    void emit_compare(CmpOperator op, bool to_bool);
    void store(const Expr* target);
    void assign_unpack(const std::vector<Expr*>& elts, const Located* at);
    void function_def(const FunctionDef* f);
    void lambda(const Lambda* l);
    void make_closure(Unit& child, uint32_t flags);
    uint32_t defaults(const Arguments* a);
    void class_def(const ClassDef* c);
    void call(const Call* c);
    bool call_helper(const std::vector<Expr*>& args, const std::vector<Keyword*>& kws, size_t extra);
    void comprehension(const Expr* node, const std::vector<Comprehension*>& gens, const Expr* elt,
                       const Expr* value, int kind);
    void comp_loop(const std::vector<Comprehension*>& gens, size_t i, const Expr* elt, const Expr* value, int kind);
    void sequence(const std::vector<Expr*>& elts, uint8_t build, int kind);
    void try_stmt(const Try* t);
    void try_except(const Try* t);
    void with_stmt(const With* w, size_t item);
    void unwind(FBlockInfo& fb, bool preserve_tos);
    void unwind_until(int stop_index, bool preserve_tos);
    void loop_exit(const Stmt* s, bool is_break);
    std::string qualname_for(const std::string& n);
};


std::string Compiler::qualname_for(const std::string& n) {
    // Functions nested in functions get "<locals>" in their qualified name; methods get the class name.
    Scope* s = u_->scope;
    if (s->kind == ScopeKind::Module) return n;
    std::string base(u_->code->qualname->view());
    if (s->kind == ScopeKind::Function) return base + ".<locals>." + n;
    return base + "." + n;
}

// ---- statements ----

// Counts one level of AST nesting for the lifetime of a stmt()/expr() call.
struct CompileDepth {
    int& depth;
    explicit CompileDepth(int& d) : depth(++d) {}
    ~CompileDepth() { depth--; }
};

bool Compiler::too_deep() {
    if (depth_ <= kMaxCompileDepth) return false;
    if (!failed_) {
        failed_ = true;
        err_->too_deep = true;
        err_->msg = "maximum recursion depth exceeded during compilation";
    }
    return true;
}

void Compiler::stmt(const Stmt* s) {
    CompileDepth guard(depth_);
    if (too_deep()) return;
    set_line(s);
    switch (s->kind) {
        case StmtKind::FunctionDef: function_def(s->as<FunctionDef>()); break;
        case StmtKind::ClassDef: class_def(s->as<ClassDef>()); break;
        case StmtKind::Return: {
            auto* r = s->as<Return>();
            if (u_->scope->kind != ScopeKind::Function) return error("'return' outside function", s);
            if (r->value) {
                if (u_->scope->is_generator && false) {}
                expr(r->value);
            } else {
                emit(OP_LOAD_CONST, constant(VAL_NONE));
            }
            unwind_until(-1, true);
            emit(OP_RETURN_VALUE, 0);
            break;
        }
        case StmtKind::Delete:
            for (auto* t : s->as<Delete>()->targets) {
                set_line(t);
                if (t->is<Name>()) name_op(t->as<Name>()->id, ExprContext::Del, t);
                else if (t->is<Attribute>()) {
                    expr(t->as<Attribute>()->value);
                    emit(OP_DELETE_ATTR, attr_name(t->as<Attribute>()->attr));
                } else if (t->is<Subscript>()) {
                    expr(t->as<Subscript>()->value);
                    expr(t->as<Subscript>()->slice);
                    emit(OP_DELETE_SUBSCR, 0);
                } else if (t->is<Tuple>() || t->is<List>()) {
                    const auto& elts = t->is<Tuple>() ? t->as<Tuple>()->elts : t->as<List>()->elts;
                    for (auto* e : elts) {
                        Delete d;
                        d.lineno = e->lineno;
                        d.targets.push_back(e);
                        stmt(&d);
                    }
                } else {
                    return error("cannot delete expression", t);
                }
            }
            break;
        case StmtKind::Assign: {
            auto* a = s->as<Assign>();
            expr(a->value);
            for (size_t i = 0; i < a->targets.size(); i++) {
                if (i + 1 < a->targets.size()) emit(OP_COPY, 1);
                store(a->targets[i]);
            }
            break;
        }
        case StmtKind::AugAssign: {
            auto* a = s->as<AugAssign>();
            static const krait::BinOp map[] = {krait::BinOp::Add, krait::BinOp::Sub, krait::BinOp::Mul, krait::BinOp::MatMul, krait::BinOp::TrueDiv,
                                        krait::BinOp::Mod, krait::BinOp::Pow, krait::BinOp::LShift, krait::BinOp::RShift, krait::BinOp::Or,
                                        krait::BinOp::Xor, krait::BinOp::And, krait::BinOp::FloorDiv};
            uint32_t op = static_cast<uint32_t>(map[static_cast<int>(a->op)]) | 16;
            const Expr* t = a->target;
            if (t->is<Name>()) {
                name_op(t->as<Name>()->id, ExprContext::Load, t);
                expr(a->value);
                set_line(s);
                emit(OP_BINARY_OP, op);
                name_op(t->as<Name>()->id, ExprContext::Store, t);
            } else if (t->is<Attribute>()) {
                expr(t->as<Attribute>()->value);
                emit(OP_COPY, 1);
                emit(OP_LOAD_ATTR, attr_name(t->as<Attribute>()->attr));
                expr(a->value);
                set_line(s);
                emit(OP_BINARY_OP, op);
                emit(OP_SWAP, 2);
                emit(OP_STORE_ATTR, attr_name(t->as<Attribute>()->attr));
            } else if (t->is<Subscript>()) {
                expr(t->as<Subscript>()->value);
                expr(t->as<Subscript>()->slice);
                emit(OP_COPY, 2);
                emit(OP_COPY, 2);
                emit(OP_BINARY_SUBSCR, 0);
                expr(a->value);
                set_line(s);
                emit(OP_BINARY_OP, op);
                emit(OP_SWAP, 3);
                emit(OP_SWAP, 2);
                emit(OP_STORE_SUBSCR, 0);
            } else {
                return error("'" + std::string(expr_kind_name(t->kind)) + "' is an illegal expression for augmented assignment", t);
            }
            break;
        }
        case StmtKind::AnnAssign: {
            auto* a = s->as<AnnAssign>();
            if (a->value) {
                expr(a->value);
                store(a->target);
            }
            break;
        }
        case StmtKind::For: {
            auto* f = s->as<For>();
            int head = new_label(), exit = new_label(), end = new_label();
            expr(f->iter);
            emit(OP_GET_ITER, 0);
            bind(head);
            emit_jump(OP_FOR_ITER, exit);
            store(f->target);
            u_->fblocks.push_back({FBlock::ForLoop, head, end, u_->handler, nullptr, ""});
            body(f->body);
            u_->fblocks.pop_back();
            jump(head);
            bind(exit);
            body(f->orelse);
            bind(end);
            break;
        }
        case StmtKind::While: {
            auto* w = s->as<While>();
            int head = new_label(), exit = new_label(), end = new_label();
            bind(head);
            jump_if(w->test, exit, false);
            u_->fblocks.push_back({FBlock::WhileLoop, head, end, u_->handler, nullptr, ""});
            body(w->body);
            u_->fblocks.pop_back();
            jump(head);
            bind(exit);
            body(w->orelse);
            bind(end);
            break;
        }
        case StmtKind::If: {
            auto* i = s->as<If>();
            int els = new_label(), end = new_label();
            jump_if(i->test, els, false);
            body(i->body);
            if (!i->orelse.empty()) {
                if (u_->reachable) jump(end);
                bind(els);
                body(i->orelse);
            } else {
                bind(els);
            }
            bind(end);
            break;
        }
        case StmtKind::With: with_stmt(s->as<With>(), 0); break;
        case StmtKind::Raise: {
            auto* r = s->as<Raise>();
            uint32_t n = 0;
            if (r->exc) {
                expr(r->exc);
                n = 1;
                if (r->cause) {
                    expr(r->cause);
                    n = 2;
                }
            }
            emit(OP_RAISE_VARARGS, n);
            break;
        }
        case StmtKind::Try: try_stmt(s->as<Try>()); break;
        case StmtKind::Assert: {
            auto* a = s->as<Assert>();
            int end = new_label();
            jump_if(a->test, end, true);
            emit(OP_LOAD_ASSERTION_ERROR, 0);
            if (a->msg) {
                emit(OP_PUSH_NULL, 0);
                expr(a->msg);
                emit(OP_CALL, 1);
            }
            emit(OP_RAISE_VARARGS, 1);
            bind(end);
            break;
        }
        case StmtKind::Import:
            for (auto* a : s->as<Import>()->names) {
                emit(OP_LOAD_CONST, constant(int_from_i64(0)));
                emit(OP_LOAD_CONST, constant(VAL_NONE));
                emit(OP_IMPORT_NAME, name(a->name));
                std::string bound = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
                name_op(bound, ExprContext::Store, a);
            }
            break;
        case StmtKind::ImportFrom: {
            auto* im = s->as<ImportFrom>();
            if (im->level > 0) return error("relative imports are not supported by Krait", s);
            std::vector<Value> names;
            for (auto* a : im->names) names.push_back(str_const(a->name));
            emit(OP_LOAD_CONST, constant(int_from_i64(im->level)));
            emit(OP_LOAD_CONST, constant(tuple_from_array(names.data(), names.size())));
            emit(OP_IMPORT_NAME, name(im->module));
            for (auto* a : im->names) {
                if (a->name == "*") {
                    emit(OP_IMPORT_STAR, 0);
                    return;
                }
                emit(OP_IMPORT_FROM, name(a->name));
                name_op(a->asname.empty() ? a->name : a->asname, ExprContext::Store, a);
            }
            emit(OP_POP_TOP, 0);
            break;
        }
        case StmtKind::Global: case StmtKind::Nonlocal: case StmtKind::Pass: break;
        case StmtKind::ExprStmt: {
            auto* e = s->as<ExprStmt>()->value;
            if (e->is<Constant>()) break;  // docstrings and bare constants do nothing
            expr(e);
            emit(OP_POP_TOP, 0);
            break;
        }
        case StmtKind::Break: loop_exit(s, true); break;
        case StmtKind::Continue: loop_exit(s, false); break;
    }
}

void Compiler::loop_exit(const Stmt* s, bool is_break) {
    int i = static_cast<int>(u_->fblocks.size()) - 1;
    while (i >= 0 && u_->fblocks[i].kind != FBlock::WhileLoop && u_->fblocks[i].kind != FBlock::ForLoop) i--;
    if (i < 0) return error(is_break ? "'break' outside loop" : "'continue' not properly in loop", s);
    FBlockInfo loop = u_->fblocks[i];
    unwind_until(i + 1, false);
    Handler saved = u_->handler;
    u_->handler = loop.outer;
    if (is_break) {
        if (loop.kind == FBlock::ForLoop) emit(OP_POP_TOP, 0);
        jump(loop.brk);
    } else {
        jump(loop.cont);
    }
    u_->handler = saved;
    if (is_break && loop.kind == FBlock::ForLoop) u_->depth++;  // the iterator is still there on the other path
}

// Emits the cleanup of fblocks from the innermost down to index stop (exclusive; -1 = all).
void Compiler::unwind_until(int stop, bool preserve_tos) {
    Handler saved_handler = u_->handler;
    std::vector<FBlockInfo> saved = u_->fblocks;
    for (int i = static_cast<int>(saved.size()) - 1; i >= (stop < 0 ? 0 : stop); i--) {
        u_->fblocks.resize(i);  // code emitted for this block's cleanup sees only the blocks outside it
        FBlockInfo fb = saved[i];
        unwind(fb, preserve_tos);
    }
    u_->fblocks = saved;
    u_->handler = saved_handler;
}

void Compiler::unwind(FBlockInfo& fb, bool preserve_tos) {
    switch (fb.kind) {
        case FBlock::WhileLoop: case FBlock::TryExcept: break;
        case FBlock::ForLoop:
            if (preserve_tos) emit(OP_SWAP, 2);
            emit(OP_POP_TOP, 0);
            break;
        case FBlock::FinallyTry:
            u_->handler = fb.outer;
            body(*fb.finalbody);
            break;
        case FBlock::FinallyEnd:
            u_->handler = fb.outer;
            if (preserve_tos) emit(OP_SWAP, 2);
            emit(OP_POP_TOP, 0);  // the exception
            if (preserve_tos) emit(OP_SWAP, 2);
            emit(OP_POP_EXCEPT, 0);
            break;
        case FBlock::With:
            u_->handler = fb.outer;
            if (preserve_tos) emit(OP_SWAP, 2);
            emit(OP_EXIT_WITH, 0);
            break;
        case FBlock::HandlerCleanup:
            u_->handler = fb.outer;
            if (!fb.name.empty()) {
                emit(OP_LOAD_CONST, constant(VAL_NONE));
                name_op(fb.name, ExprContext::Store, nullptr);
                name_op(fb.name, ExprContext::Del, nullptr);
            }
            if (preserve_tos) emit(OP_SWAP, 2);
            emit(OP_POP_EXCEPT, 0);
            break;
    }
}

void Compiler::try_stmt(const Try* t) {
    if (t->finalbody.empty()) return try_except(t);
    int F = new_label(), end = new_label(), cleanup = new_label();
    Handler outer = u_->handler;
    uint32_t d = static_cast<uint32_t>(u_->depth);
    u_->fblocks.push_back({FBlock::FinallyTry, -1, -1, outer, &t->finalbody, ""});
    set_handler_label(F, d);
    if (!t->handlers.empty()) {
        Try inner = *t;
        inner.finalbody.clear();
        try_except(&inner);
    } else {
        body(t->body);
    }
    u_->fblocks.pop_back();
    u_->handler = outer;
    body(t->finalbody);
    if (u_->reachable) jump(end);
    u_->label_depth[F] = static_cast<int>(d + 1);
    u_->reachable = false;
    bind(F);
    set_handler_label(cleanup, d + 1);
    emit(OP_PUSH_EXC_INFO, 0);
    u_->fblocks.push_back({FBlock::FinallyEnd, -1, -1, outer, nullptr, ""});
    body(t->finalbody);
    u_->fblocks.pop_back();
    emit(OP_RERAISE, 0);
    u_->label_depth[cleanup] = static_cast<int>(d + 2);
    bind(cleanup);
    u_->handler = outer;
    emit(OP_CLEANUP_RERAISE, 0);
    u_->label_depth[end] = static_cast<int>(d);
    bind(end);
}

void Compiler::try_except(const Try* t) {
    int H = new_label(), end = new_label(), cleanup = new_label();
    Handler outer = u_->handler;
    uint32_t d = static_cast<uint32_t>(u_->depth);
    u_->fblocks.push_back({FBlock::TryExcept, -1, -1, outer, nullptr, ""});
    set_handler_label(H, d);
    body(t->body);
    u_->fblocks.pop_back();
    u_->handler = outer;
    body(t->orelse);
    if (u_->reachable) jump(end);
    u_->label_depth[H] = static_cast<int>(d + 1);
    u_->reachable = false;
    bind(H);
    set_handler_label(cleanup, d + 1);
    emit(OP_PUSH_EXC_INFO, 0);
    struct Deferred {
        int label;
        std::string name;
    };
    std::vector<Deferred> deferred;
    for (size_t i = 0; i < t->handlers.size(); i++) {
        ExceptHandler* h = t->handlers[i];
        set_line(h);
        if (!h->type && i + 1 < t->handlers.size()) return error("default 'except:' must be last", h);
        int next = new_label();
        if (h->type) {  // CHECK_EXC_MATCH keeps the exception and pushes the verdict
            expr(h->type);
            emit(OP_CHECK_EXC_MATCH, 0);
            emit_jump(OP_POP_JUMP_IF_FALSE, next);
        }
        if (!h->name.empty()) {
            name_op(h->name, ExprContext::Store, h);
            int named_cleanup = new_label();
            deferred.push_back({named_cleanup, h->name});
            set_handler_label(named_cleanup, d + 1);
            u_->fblocks.push_back({FBlock::HandlerCleanup, -1, -1, Handler{cleanup, d + 1}, nullptr, h->name});
            body(h->body);
            u_->fblocks.pop_back();
            set_handler_label(cleanup, d + 1);
            if (u_->reachable) {
                emit(OP_LOAD_CONST, constant(VAL_NONE));
                name_op(h->name, ExprContext::Store, h);
                name_op(h->name, ExprContext::Del, h);
                emit(OP_POP_EXCEPT, 0);
                jump(end);
            }
        } else {
            emit(OP_POP_TOP, 0);
            u_->fblocks.push_back({FBlock::HandlerCleanup, -1, -1, Handler{cleanup, d + 1}, nullptr, ""});
            body(h->body);
            u_->fblocks.pop_back();
            if (u_->reachable) {
                emit(OP_POP_EXCEPT, 0);
                jump(end);
            }
        }
        u_->label_depth[next] = static_cast<int>(d + 2);
        u_->reachable = false;
        bind(next);
        if (!h->type) u_->reachable = false;
    }
    if (t->handlers.empty() || t->handlers.back()->type) emit(OP_RERAISE, 0);
    for (auto& df : deferred) {
        u_->label_depth[df.label] = static_cast<int>(d + 2);
        u_->reachable = false;
        bind(df.label);
        set_handler_label(cleanup, d + 1);
        emit(OP_LOAD_CONST, constant(VAL_NONE));
        name_op(df.name, ExprContext::Store, nullptr);
        name_op(df.name, ExprContext::Del, nullptr);
        emit(OP_RERAISE, 0);
    }
    u_->label_depth[cleanup] = static_cast<int>(d + 2);
    u_->reachable = false;
    bind(cleanup);
    u_->handler = outer;
    emit(OP_CLEANUP_RERAISE, 0);
    u_->label_depth[end] = static_cast<int>(d);
    bind(end);
}

void Compiler::with_stmt(const With* w, size_t item) {
    if (item == w->items.size()) return body(w->body);
    WithItem* it = w->items[item];
    set_line(w);
    int W = new_label(), end = new_label(), cleanup = new_label(), suppress = new_label();
    expr(it->context_expr);
    emit(OP_BEFORE_WITH, 0);
    uint32_t d = static_cast<uint32_t>(u_->depth) - 2;
    Handler outer = u_->handler;
    u_->fblocks.push_back({FBlock::With, -1, -1, outer, nullptr, ""});
    set_handler_label(W, d + 1);
    if (it->optional_vars) store(it->optional_vars);
    else emit(OP_POP_TOP, 0);
    with_stmt(w, item + 1);
    u_->fblocks.pop_back();
    u_->handler = outer;
    if (u_->reachable) {
        set_line(w);
        emit(OP_EXIT_WITH, 0);
        jump(end);
    }
    u_->label_depth[W] = static_cast<int>(d + 2);
    u_->reachable = false;
    bind(W);
    set_handler_label(cleanup, d + 2);
    emit(OP_PUSH_EXC_INFO, 0);
    emit(OP_WITH_EXCEPT_START, 0);
    emit(OP_TO_BOOL, 0);
    emit_jump(OP_POP_JUMP_IF_TRUE, suppress);
    emit(OP_RERAISE, 0);
    bind(suppress);
    emit(OP_POP_TOP, 0);
    emit(OP_POP_EXCEPT, 0);
    emit(OP_POP_TOP, 0);
    jump(end);
    u_->label_depth[cleanup] = static_cast<int>(d + 3);
    bind(cleanup);
    u_->handler = outer;
    emit(OP_CLEANUP_RERAISE, 0);
    u_->label_depth[end] = static_cast<int>(d);
    bind(end);
}

// ---- assignment targets ----

void Compiler::store(const Expr* t) {
    set_line(t);
    switch (t->kind) {
        case ExprKind::Name: name_op(t->as<Name>()->id, ExprContext::Store, t); break;
        case ExprKind::Attribute:
            expr(t->as<Attribute>()->value);
            emit(OP_STORE_ATTR, attr_name(t->as<Attribute>()->attr));
            break;
        case ExprKind::Subscript:
            expr(t->as<Subscript>()->value);
            expr(t->as<Subscript>()->slice);
            emit(OP_STORE_SUBSCR, 0);
            break;
        case ExprKind::Tuple: assign_unpack(t->as<Tuple>()->elts, t); break;
        case ExprKind::List: assign_unpack(t->as<List>()->elts, t); break;
        case ExprKind::Starred: error("starred assignment target must be in a list or tuple", t); break;
        default: error("cannot assign to expression", t); break;
    }
}

void Compiler::assign_unpack(const std::vector<Expr*>& elts, const Located* at) {
    int star = -1;
    for (size_t i = 0; i < elts.size(); i++) {
        if (elts[i]->is<Starred>()) {
            if (star >= 0) return error("multiple starred expressions in assignment", elts[i]);
            star = static_cast<int>(i);
        }
    }
    if (star < 0) {
        emit(OP_UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
    } else {
        uint32_t before = static_cast<uint32_t>(star), after = static_cast<uint32_t>(elts.size() - star - 1);
        if (before > 255 || after > 0xFFFF) return error("too many expressions in star-unpacking assignment", at);
        emit(OP_UNPACK_EX, before | (after << 8));
    }
    for (auto* e : elts) store(e->is<Starred>() ? e->as<Starred>()->value : e);
}

// ---- functions and classes ----

uint32_t Compiler::defaults(const Arguments* a) {
    uint32_t flags = 0;
    if (!a->defaults.empty()) {
        for (auto* e : a->defaults) expr(e);
        emit(OP_BUILD_TUPLE, static_cast<uint32_t>(a->defaults.size()));
        flags |= 1;
    }
    std::vector<Value> keys;
    for (size_t i = 0; i < a->kwonlyargs.size(); i++) {
        if (!a->kw_defaults[i]) continue;
        keys.push_back(str_const(a->kwonlyargs[i]->arg));
        expr(a->kw_defaults[i]);
    }
    if (!keys.empty()) {
        emit(OP_LOAD_CONST, constant(tuple_from_array(keys.data(), keys.size())));
        emit(OP_BUILD_CONST_KEY_MAP, static_cast<uint32_t>(keys.size()));
        flags |= 2;
    }
    return flags;
}

// Pushes the child's closure (if it has free variables) and its code, then MAKE_FUNCTION.
void Compiler::make_closure(Unit& child, uint32_t flags) {
    CodeObject* c = child.code;
    if (c->nfree) {
        for (uint32_t i = c->nlocalsplus - c->nfree; i < c->nlocalsplus; i++) {
            std::string n(c->localsplus_names[i]->view());
            auto it = u_->local_index.find(n);
            if (it == u_->local_index.end()) return error("internal error: no cell for free variable '" + n + "'", nullptr);
            emit(OP_LOAD_CLOSURE, it->second);
        }
        emit(OP_BUILD_TUPLE, c->nfree);
        flags |= 8;
    }
    emit(OP_LOAD_CONST, constant(val(c)));
    emit(OP_MAKE_FUNCTION, flags);
}

void Compiler::function_def(const FunctionDef* f) {
    for (auto* d : f->decorator_list) {
        expr(d);
        emit(OP_PUSH_NULL, 0);
    }
    set_line(f);
    uint32_t flags = defaults(f->args);
    Unit child;
    std::string qn = qualname_for(f->name);
    enter(child, st_->scope_of(f), f->name, qn, f->lineno);
    layout_locals(f->args);
    const std::vector<Stmt*>& b = f->body;
    if (!b.empty() && b[0]->is<ExprStmt>() && b[0]->as<ExprStmt>()->value->is<Constant>() &&
        b[0]->as<ExprStmt>()->value->as<Constant>()->value_kind == ConstantKind::Str) {
        child.code->consts.push_back(str_const(b[0]->as<ExprStmt>()->value->as<Constant>()->str_value));
        child.code->flags |= CO_HAS_DOCSTRING;
    }
    prologue();
    body(b);
    if (u_->reachable) {
        emit(OP_LOAD_CONST, constant(VAL_NONE));
        emit(OP_RETURN_VALUE, 0);
    }
    finish(child);
    if (failed_) return;
    set_line(f);
    make_closure(child, flags);
    for (size_t i = 0; i < f->decorator_list.size(); i++) emit(OP_CALL, 1);
    name_op(f->name, ExprContext::Store, f);
}

void Compiler::lambda(const Lambda* l) {
    uint32_t flags = defaults(l->args);
    Unit child;
    enter(child, st_->scope_of(l), "<lambda>", qualname_for("<lambda>"), l->lineno);
    layout_locals(l->args);
    prologue();
    expr(l->body);
    emit(OP_RETURN_VALUE, 0);
    finish(child);
    if (failed_) return;
    make_closure(child, flags);
}

void Compiler::class_def(const ClassDef* c) {
    for (auto* d : c->decorator_list) {
        expr(d);
        emit(OP_PUSH_NULL, 0);
    }
    set_line(c);
    emit(OP_LOAD_BUILD_CLASS, 0);
    emit(OP_PUSH_NULL, 0);
    Unit child;
    Scope* cs = st_->scope_of(c);
    std::string saved_private = private_;
    enter(child, cs, c->name, qualname_for(c->name), c->lineno);
    private_ = c->name;
    child.code->flags |= CO_CLASS;
    layout_locals(nullptr);
    prologue();
    const std::vector<Stmt*>& b = c->body;
    if (!b.empty() && b[0]->is<ExprStmt>() && b[0]->as<ExprStmt>()->value->is<Constant>() &&
        b[0]->as<ExprStmt>()->value->as<Constant>()->value_kind == ConstantKind::Str) {
        emit(OP_LOAD_CONST, constant(str_const(b[0]->as<ExprStmt>()->value->as<Constant>()->str_value)));
        emit(OP_STORE_NAME, name("__doc__"));
    }
    body(b);
    if (cs->needs_class_cell && u_->local_index.count("__class__")) emit(OP_LOAD_CLOSURE, u_->local_index["__class__"]);
    else emit(OP_LOAD_CONST, constant(VAL_NONE));
    emit(OP_RETURN_VALUE, 0);
    finish(child);
    private_ = saved_private;
    if (failed_) return;
    make_closure(child, 0);
    emit(OP_LOAD_CONST, constant(str_const(c->name)));
    if (!call_helper(c->bases, c->keywords, 2)) return;
    for (size_t i = 0; i < c->decorator_list.size(); i++) emit(OP_CALL, 1);
    name_op(c->name, ExprContext::Store, c);
}

// ---- expressions ----

void Compiler::jump_if(const Expr* e, int label, bool cond) {
    if (e->is<ast::UnaryOp>() && e->as<ast::UnaryOp>()->op == UnaryOperator::Not)
        return jump_if(e->as<ast::UnaryOp>()->operand, label, !cond);
    if (e->is<BoolOp>()) {
        auto* b = e->as<BoolOp>();
        bool is_and = b->op == BoolOperator::And;
        if (is_and != cond) {  // all must hold to (not) jump: short-circuit out early
            for (auto* v : b->values) jump_if(v, label, cond);
        } else {
            int skip = new_label();
            for (size_t i = 0; i + 1 < b->values.size(); i++) jump_if(b->values[i], skip, !cond);
            jump_if(b->values.back(), label, cond);
            bind(skip);
        }
        return;
    }
    if (e->is<Constant>()) {
        auto* c = e->as<Constant>();
        if (c->value_kind == ConstantKind::True || (c->value_kind == ConstantKind::Int && c->int_fits && c->int_value)) {
            if (cond) jump(label);
            return;
        }
    }
    if (e->is<Compare>() && e->as<Compare>()->ops.size() == 1) {
        // A single comparison feeding a jump: COMPARE_OP converts its result to bool itself (CmpOp's kCmpToBool
        // bit), is/in give bools already, so no TO_BOOL is needed.
        auto* c = e->as<Compare>();
        expr(c->left);
        expr(c->comparators[0]);
        set_line(e);
        emit_compare(c->ops[0], true);
    } else {
        expr(e);
        emit(OP_TO_BOOL, 0);
    }
    emit_jump(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

// One comparison of the two values on the stack; to_bool asks COMPARE_OP for a bool result (for a jump).
void Compiler::emit_compare(CmpOperator op, bool to_bool) {
    uint32_t flag = to_bool ? kCmpToBool : 0;
    switch (op) {
        case CmpOperator::Eq: emit(OP_COMPARE_OP, static_cast<uint32_t>(CmpOp::EQ) | flag); break;
        case CmpOperator::NotEq: emit(OP_COMPARE_OP, static_cast<uint32_t>(CmpOp::NE) | flag); break;
        case CmpOperator::Lt: emit(OP_COMPARE_OP, static_cast<uint32_t>(CmpOp::LT) | flag); break;
        case CmpOperator::LtE: emit(OP_COMPARE_OP, static_cast<uint32_t>(CmpOp::LE) | flag); break;
        case CmpOperator::Gt: emit(OP_COMPARE_OP, static_cast<uint32_t>(CmpOp::GT) | flag); break;
        case CmpOperator::GtE: emit(OP_COMPARE_OP, static_cast<uint32_t>(CmpOp::GE) | flag); break;
        case CmpOperator::Is: emit(OP_IS_OP, 0); break;
        case CmpOperator::IsNot: emit(OP_IS_OP, 1); break;
        case CmpOperator::In: emit(OP_CONTAINS_OP, 0); break;
        case CmpOperator::NotIn: emit(OP_CONTAINS_OP, 1); break;
    }
}

void Compiler::sequence(const std::vector<Expr*>& elts, uint8_t build, int kind) {
    // kind: 0 tuple, 1 list, 2 set
    bool starred = false;
    for (auto* e : elts) starred = starred || e->is<Starred>();
    if (!starred) {
        if (kind == 2 && elts.size() >= 3) {
            // As CPython: a display of constants becomes a frozenset constant merged into a new set, which also
            // gives CPython's iteration order.
            bool all_const = true;
            for (auto* e : elts) all_const = all_const && e->is<Constant>();
            if (all_const) {
                SetObject* fs = set_new(true);
                for (auto* e : elts)
                    if (!fs || set_add(fs, constant_value(e->as<Constant>())) < 0) {
                        err_clear();
                        all_const = false;
                        break;
                    }
                if (all_const) {
                    gc_make_permanent(fs);
                    emit(OP_BUILD_SET, 0);
                    emit(OP_LOAD_CONST, constant(val(fs)));
                    emit(OP_SET_UPDATE, 1);
                    return;
                }
            }
        }
        if (kind == 0 && !elts.empty()) {
            bool all_const = true;
            for (auto* e : elts) all_const = all_const && e->is<Constant>();
            if (all_const) {
                std::vector<Value> vals;
                for (auto* e : elts) vals.push_back(constant_value(e->as<Constant>()));
                emit(OP_LOAD_CONST, constant(tuple_from_array(vals.data(), vals.size())));
                return;
            }
        }
        for (auto* e : elts) expr(e);
        emit(build, static_cast<uint32_t>(elts.size()));
        return;
    }
    emit(kind == 2 ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    for (auto* e : elts) {
        if (e->is<Starred>()) {
            expr(e->as<Starred>()->value);
            emit(kind == 2 ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            expr(e);
            emit(kind == 2 ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == 0) emit(OP_LIST_TO_TUPLE, 0);
}

// Emits the arguments of a call whose callable (and self-or-NULL) are on the stack, plus `extra` positional
// arguments already pushed, then the call instruction.
bool Compiler::call_helper(const std::vector<Expr*>& args, const std::vector<Keyword*>& kws, size_t extra) {
    bool star = false;
    for (auto* a : args) star = star || a->is<Starred>();
    for (auto* k : kws) star = star || k->arg.empty();
    if (!star) {
        for (auto* a : args) expr(a);
        std::vector<Value> names;
        for (auto* k : kws) {
            for (auto& n : names)
                if (str_view(n) == k->arg) return error("keyword argument repeated: " + k->arg, k), false;
            names.push_back(str_const(k->arg));
            expr(k->value);
        }
        uint32_t n = static_cast<uint32_t>(extra + args.size() + kws.size());
        if (names.empty()) {
            emit(OP_CALL, n);
        } else {
            emit(OP_LOAD_CONST, constant(tuple_from_array(names.data(), names.size())));
            emit(OP_CALL_KW, n);
        }
        return true;
    }
    // General form: build the positional tuple and the keyword dict.
    emit(OP_BUILD_LIST, static_cast<uint32_t>(extra));
    for (auto* a : args) {
        if (a->is<Starred>()) {
            expr(a->as<Starred>()->value);
            emit(OP_LIST_EXTEND, 1);
        } else {
            expr(a);
            emit(OP_LIST_APPEND, 1);
        }
    }
    emit(OP_LIST_TO_TUPLE, 0);
    if (!kws.empty()) {
        emit(OP_BUILD_MAP, 0);
        for (auto* k : kws) {
            if (k->arg.empty()) {
                expr(k->value);
                emit(OP_DICT_MERGE, 1);
            } else {
                emit(OP_LOAD_CONST, constant(str_const(k->arg)));
                expr(k->value);
                emit(OP_BUILD_MAP, 1);
                emit(OP_DICT_MERGE, 1);
            }
        }
    }
    emit(OP_CALL_FUNCTION_EX, kws.empty() ? 0 : 1);
    return true;
}

void Compiler::call(const Call* c) {
    bool star = false;
    for (auto* a : c->args) star = star || a->is<Starred>();
    for (auto* k : c->keywords) star = star || k->arg.empty();
    if (c->func->is<Attribute>() && !star) {
        expr(c->func->as<Attribute>()->value);
        set_line(c->func);
        emit(OP_LOAD_METHOD, attr_name(c->func->as<Attribute>()->attr));
    } else {
        expr(c->func);
        emit(OP_PUSH_NULL, 0);
    }
    call_helper(c->args, c->keywords, 0);
    set_line(c);
}

void Compiler::comp_loop(const std::vector<Comprehension*>& gens, size_t i, const Expr* elt, const Expr* value,
                         int kind) {
    Comprehension* g = gens[i];
    int head = new_label(), exit = new_label();
    if (i == 0) {
        emit(OP_LOAD_FAST, 0);  // .0, the iterator passed in
    } else {
        expr(g->iter);
        emit(OP_GET_ITER, 0);
    }
    bind(head);
    emit_jump(OP_FOR_ITER, exit);
    store(g->target);
    for (auto* cond : g->ifs) jump_if(cond, head, false);
    if (i + 1 < gens.size()) {
        comp_loop(gens, i + 1, elt, value, kind);
    } else {
        uint32_t depth = static_cast<uint32_t>(gens.size()) + 1;
        switch (kind) {
            case 0:
                expr(elt);
                emit(OP_YIELD_VALUE, 0);
                emit(OP_POP_TOP, 0);
                break;
            case 1: expr(elt); emit(OP_LIST_APPEND, depth); break;
            case 2: expr(elt); emit(OP_SET_ADD, depth); break;
            case 3:
                expr(elt);
                expr(value);
                emit(OP_MAP_ADD, depth);
                break;
        }
    }
    jump(head);
    bind(exit);
}

// kind: 0 generator expression, 1 list, 2 set, 3 dict comprehension.
void Compiler::comprehension(const Expr* node, const std::vector<Comprehension*>& gens, const Expr* elt,
                             const Expr* value, int kind) {
    static const char* const names[] = {"<genexpr>", "<listcomp>", "<setcomp>", "<dictcomp>"};
    Unit child;
    enter(child, st_->scope_of(node), names[kind], qualname_for(names[kind]), node->lineno);
    child.code->argcount = 1;
    layout_locals(nullptr);
    child.code->argcount = 1;
    prologue();
    if (kind == 1) emit(OP_BUILD_LIST, 0);
    if (kind == 2) emit(OP_BUILD_SET, 0);
    if (kind == 3) emit(OP_BUILD_MAP, 0);
    comp_loop(gens, 0, elt, value, kind);
    if (kind == 0) emit(OP_LOAD_CONST, constant(VAL_NONE));
    emit(OP_RETURN_VALUE, 0);
    finish(child);
    if (failed_) return;
    make_closure(child, 0);
    emit(OP_PUSH_NULL, 0);
    expr(gens[0]->iter);
    emit(OP_GET_ITER, 0);
    emit(OP_CALL, 1);
}

void Compiler::expr(const Expr* e) {
    if (failed_) return;
    CompileDepth guard(depth_);
    if (too_deep()) return;
    int saved_line = u_->line;
    set_line(e);
    switch (e->kind) {
        case ExprKind::BoolOp: {
            auto* b = e->as<BoolOp>();
            int end = new_label();
            for (size_t i = 0; i < b->values.size(); i++) {
                expr(b->values[i]);
                if (i + 1 < b->values.size()) {
                    emit(OP_COPY, 1);
                    emit(OP_TO_BOOL, 0);
                    emit_jump(b->op == BoolOperator::And ? OP_POP_JUMP_IF_FALSE : OP_POP_JUMP_IF_TRUE, end);
                    emit(OP_POP_TOP, 0);
                }
            }
            bind(end);
            break;
        }
        case ExprKind::NamedExpr:
            expr(e->as<NamedExpr>()->value);
            emit(OP_COPY, 1);
            store(e->as<NamedExpr>()->target);
            break;
        case ExprKind::BinOp: {
            auto* b = e->as<ast::BinOp>();
            static const krait::BinOp map[] = {krait::BinOp::Add, krait::BinOp::Sub, krait::BinOp::Mul, krait::BinOp::MatMul, krait::BinOp::TrueDiv,
                                        krait::BinOp::Mod, krait::BinOp::Pow, krait::BinOp::LShift, krait::BinOp::RShift, krait::BinOp::Or,
                                        krait::BinOp::Xor, krait::BinOp::And, krait::BinOp::FloorDiv};
            expr(b->left);
            expr(b->right);
            set_line(e);
            emit(OP_BINARY_OP, static_cast<uint32_t>(map[static_cast<int>(b->op)]));
            break;
        }
        case ExprKind::UnaryOp: {
            auto* un = e->as<ast::UnaryOp>();
            if (un->op == UnaryOperator::USub && un->operand->is<Constant>()) {
                auto* c = un->operand->as<Constant>();
                if (c->value_kind == ConstantKind::Float) {
                    emit(OP_LOAD_CONST, constant(val_from_float(-c->float_value)));
                    break;
                }
                if (c->value_kind == ConstantKind::Int && c->int_fits && c->int_value > VAL_INT_MIN) {
                    emit(OP_LOAD_CONST, constant(int_from_i64(-c->int_value)));
                    break;
                }
            }
            expr(un->operand);
            switch (un->op) {
                case UnaryOperator::Not: emit(OP_TO_BOOL, 0); emit(OP_UNARY_NOT, 0); break;
                case UnaryOperator::USub: emit(OP_UNARY_NEGATIVE, 0); break;
                case UnaryOperator::UAdd: emit(OP_UNARY_POSITIVE, 0); break;
                case UnaryOperator::Invert: emit(OP_UNARY_INVERT, 0); break;
            }
            break;
        }
        case ExprKind::Lambda: lambda(e->as<Lambda>()); break;
        case ExprKind::IfExp: {
            auto* i = e->as<IfExp>();
            int els = new_label(), end = new_label();
            jump_if(i->test, els, false);
            expr(i->body);
            jump(end);
            bind(els);
            expr(i->orelse);
            bind(end);
            break;
        }
        case ExprKind::Dict: {
            auto* d = e->as<Dict>();
            size_t pending = 0;
            bool built = false;
            for (size_t i = 0; i < d->keys.size(); i++) {
                if (!d->keys[i]) {
                    if (!built) {
                        emit(OP_BUILD_MAP, static_cast<uint32_t>(pending));
                        built = true;
                    } else if (pending) {
                        emit(OP_BUILD_MAP, static_cast<uint32_t>(pending));
                        emit(OP_DICT_UPDATE, 1);
                    }
                    pending = 0;
                    expr(d->values[i]);
                    emit(OP_DICT_UPDATE, 1);
                    continue;
                }
                expr(d->keys[i]);
                expr(d->values[i]);
                pending++;
            }
            if (!built) emit(OP_BUILD_MAP, static_cast<uint32_t>(pending));
            else if (pending) {
                emit(OP_BUILD_MAP, static_cast<uint32_t>(pending));
                emit(OP_DICT_UPDATE, 1);
            }
            break;
        }
        case ExprKind::Set: sequence(e->as<Set>()->elts, OP_BUILD_SET, 2); break;
        case ExprKind::ListComp:
            comprehension(e, e->as<ListComp>()->generators, e->as<ListComp>()->elt, nullptr, 1);
            break;
        case ExprKind::SetComp: comprehension(e, e->as<SetComp>()->generators, e->as<SetComp>()->elt, nullptr, 2); break;
        case ExprKind::DictComp:
            comprehension(e, e->as<DictComp>()->generators, e->as<DictComp>()->key, e->as<DictComp>()->value, 3);
            break;
        case ExprKind::GeneratorExp:
            comprehension(e, e->as<GeneratorExp>()->generators, e->as<GeneratorExp>()->elt, nullptr, 0);
            break;
        case ExprKind::Yield:
            if (e->as<Yield>()->value) expr(e->as<Yield>()->value);
            else emit(OP_LOAD_CONST, constant(VAL_NONE));
            emit(OP_YIELD_VALUE, 0);
            break;
        case ExprKind::YieldFrom: {
            int loop = new_label(), exit = new_label();
            expr(e->as<YieldFrom>()->value);
            emit(OP_GET_YIELD_FROM_ITER, 0);
            emit(OP_LOAD_CONST, constant(VAL_NONE));
            bind(loop);
            emit_jump(OP_SEND, exit);
            emit(OP_YIELD_VALUE, 0);
            jump(loop);
            bind(exit);
            break;
        }
        case ExprKind::Compare: {
            auto* c = e->as<Compare>();
            // A comparison's value is whatever the comparison returned (a user __lt__ may return anything);
            // a chain stops at the first false link and that link's value is the result.
            expr(c->left);
            if (c->ops.size() == 1) {
                expr(c->comparators[0]);
                set_line(e);
                emit_compare(c->ops[0], false);
                break;
            }
            int cleanup = new_label(), end = new_label();
            for (size_t i = 0; i + 1 < c->ops.size(); i++) {
                expr(c->comparators[i]);
                emit(OP_SWAP, 2);
                emit(OP_COPY, 2);
                emit_compare(c->ops[i], false);
                emit(OP_COPY, 1);
                emit(OP_TO_BOOL, 0);
                emit_jump(OP_POP_JUMP_IF_FALSE, cleanup);
                emit(OP_POP_TOP, 0);
            }
            expr(c->comparators.back());
            emit_compare(c->ops.back(), false);
            jump(end);
            bind(cleanup);
            emit(OP_SWAP, 2);
            emit(OP_POP_TOP, 0);
            bind(end);
            break;
        }
        case ExprKind::Call: call(e->as<Call>()); break;
        case ExprKind::FormattedValue: {
            auto* f = e->as<FormattedValue>();
            expr(f->value);
            uint32_t conv = f->conversion == 's' ? 1 : f->conversion == 'r' ? 2 : f->conversion == 'a' ? 3 : 0;
            if (f->format_spec) {
                expr(f->format_spec);
                conv |= 4;
            }
            emit(OP_FORMAT_VALUE, conv);
            break;
        }
        case ExprKind::JoinedStr: {
            auto* j = e->as<JoinedStr>();
            for (auto* v : j->values) {
                if (v->is<Constant>()) emit(OP_LOAD_CONST, constant(constant_value(v->as<Constant>())));
                else expr(v);
            }
            if (j->values.size() != 1 || !j->values[0]->is<Constant>())
                emit(OP_BUILD_STRING, static_cast<uint32_t>(j->values.size()));
            break;
        }
        case ExprKind::Constant: emit(OP_LOAD_CONST, constant(constant_value(e->as<Constant>()))); break;
        case ExprKind::Attribute:
            expr(e->as<Attribute>()->value);
            set_line(e);
            emit(OP_LOAD_ATTR, attr_name(e->as<Attribute>()->attr));
            break;
        case ExprKind::Subscript:
            expr(e->as<Subscript>()->value);
            expr(e->as<Subscript>()->slice);
            set_line(e);
            emit(OP_BINARY_SUBSCR, 0);
            break;
        case ExprKind::Starred: error("can't use starred expression here", e); break;
        case ExprKind::Name: name_op(e->as<Name>()->id, ExprContext::Load, e); break;
        case ExprKind::List: sequence(e->as<List>()->elts, OP_BUILD_LIST, 1); break;
        case ExprKind::Tuple: sequence(e->as<Tuple>()->elts, OP_BUILD_TUPLE, 0); break;
        case ExprKind::Slice: {
            auto* s = e->as<Slice>();
            auto opt = [&](const Expr* x) {
                if (x) expr(x);
                else emit(OP_LOAD_CONST, constant(VAL_NONE));
            };
            opt(s->lower);
            opt(s->upper);
            if (s->step) {
                expr(s->step);
                emit(OP_BUILD_SLICE, 3);
            } else {
                emit(OP_BUILD_SLICE, 2);
            }
            break;
        }
    }
    u_->line = saved_line;
}

}  // namespace

CodeObject* compile_module(const ast::Module* m, const std::string& filename, CompileError* err) {
    Symtable st;
    SymtableError se;
    if (!st.build(m, &se)) {
        err->msg = se.msg;
        err->lineno = se.lineno;
        err->col = se.col;
        err->too_deep = se.too_deep;
        return nullptr;
    }
    Compiler c(&st, filename, err);
    CodeObject* code = c.module(m);
    return c.failed() ? nullptr : code;
}

}  // namespace krait
