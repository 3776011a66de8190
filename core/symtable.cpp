// symtable.cpp — scope analysis (symtable.h).
//
// Pass 1 walks the AST recording, per scope, the names assigned, used, and declared global/nonlocal. Pass 2
// resolves each scope top-down: a name used but not bound in a function is free if an enclosing function binds
// it (that function then holds it in a cell); class scopes are skipped when looking outward, as in CPython.
#include "symtable.h"

#include <algorithm>

#include "compiler.h"

namespace krait {

using namespace ast;

std::string mangle(const std::string& class_name, const std::string& name) {
    if (class_name.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
    if (name.size() >= 4 && name.compare(name.size() - 2, 2, "__") == 0) return name;
    if (name.find('.') != std::string::npos) return name;
    size_t strip = class_name.find_first_not_of('_');
    if (strip == std::string::npos) return name;
    return "_" + class_name.substr(strip) + name;
}

class SymtableBuilder {
public:
    SymtableBuilder(Symtable* t, SymtableError* e) : t_(t), err_(e) {}

    bool run(const Module* m) {
        t_->root_ = std::make_unique<Scope>();
        cur_ = t_->root_.get();
        cur_->kind = ScopeKind::Module;
        cur_->name = "<module>";
        for (auto* s : m->body) stmt(s);
        if (failed_) return false;
        resolve(t_->root_.get());
        return !failed_;
    }

private:
    Symtable* t_;
    SymtableError* err_;
    Scope* cur_ = nullptr;
    bool failed_ = false;
    std::string private_;  // the enclosing class's name, for private name mangling
    int depth_ = 0;        // AST nesting being walked (bounded: this walk recurses on the C++ stack)

    struct DepthScope {
        SymtableBuilder* b;
        bool ok;
        explicit DepthScope(SymtableBuilder* sb) : b(sb), ok(++sb->depth_ <= kMaxCompileDepth) {
            if (!ok && !sb->failed_) {
                sb->failed_ = true;
                sb->err_->too_deep = true;
                sb->err_->msg = "maximum recursion depth exceeded during compilation";
            }
        }
        ~DepthScope() { b->depth_--; }
    };

    void fail(const std::string& msg, const Located* at) {
        if (failed_) return;
        failed_ = true;
        err_->msg = msg;
        err_->lineno = at ? at->lineno : 0;
        err_->col = at ? at->col_offset + 1 : 0;
    }

    Scope* open(const void* node, ScopeKind kind, const std::string& name, int line) {
        auto s = std::make_unique<Scope>();
        s->kind = kind;
        s->name = name;
        s->parent = cur_;
        s->lineno = line;
        Scope* raw = s.get();
        cur_->children.push_back(std::move(s));
        t_->by_node_[node] = raw;
        return raw;
    }

    void bind(const std::string& raw, const Located* at) {
        std::string n = mangle(private_, raw);
        if (cur_->global_decl.count(n) || cur_->nonlocal_decl.count(n)) return;
        if (!cur_->assigned.count(n)) {
            cur_->assigned[n] = true;
            cur_->assigned_order.push_back(n);
        }
        (void)at;
    }
    void use(const std::string& raw) {
        std::string n = mangle(private_, raw);
        cur_->used[n] = true;
        if (n == "super" || n == "__class__") cur_->uses_super_or_class = true;
    }

    void args(const Arguments* a) {
        auto param = [&](const Arg* p) {
            std::string n = mangle(private_, p->arg);
            if (std::find(cur_->params.begin(), cur_->params.end(), n) != cur_->params.end()) {
                fail("duplicate argument '" + p->arg + "' in function definition", p);
                return;
            }
            cur_->params.push_back(n);
            bind(p->arg, p);
        };
        for (auto* p : a->posonlyargs) param(p);
        for (auto* p : a->args) param(p);
        for (auto* p : a->kwonlyargs) param(p);
        if (a->vararg) param(a->vararg);
        if (a->kwarg) param(a->kwarg);
    }

    void defaults_of(const Arguments* a) {
        for (auto* e : a->defaults) expr(e);
        for (auto* e : a->kw_defaults)
            if (e) expr(e);
    }

    void body(const std::vector<Stmt*>& b) {
        for (auto* s : b) stmt(s);
    }

    void function(const void* node, const std::string& name, const Arguments* a, const std::vector<Stmt*>* b,
                  const Expr* lambda_body, int line) {
        defaults_of(a);
        Scope* saved = cur_;
        cur_ = open(node, ScopeKind::Function, name, line);
        args(a);
        if (b) body(*b);
        if (lambda_body) expr(lambda_body);
        cur_ = saved;
    }

    void comprehension(const void* node, const std::string& name, const std::vector<Comprehension*>& gens,
                       const Expr* elt, const Expr* value, bool is_gen) {
        expr(gens[0]->iter);  // the first iterable is evaluated in the enclosing scope
        Scope* saved = cur_;
        cur_ = open(node, ScopeKind::Function, name, 0);
        cur_->params.push_back(".0");
        bind(".0", nullptr);
        cur_->is_generator = is_gen;
        for (size_t i = 0; i < gens.size(); i++) {
            if (i) expr(gens[i]->iter);
            target(gens[i]->target);
            for (auto* c : gens[i]->ifs) expr(c);
        }
        expr(elt);
        if (value) expr(value);
        cur_ = saved;
    }

    void target(const Expr* e) {
        switch (e->kind) {
            case ExprKind::Name: bind(e->as<Name>()->id, e); break;
            case ExprKind::Tuple:
                for (auto* x : e->as<Tuple>()->elts) target(x);
                break;
            case ExprKind::List:
                for (auto* x : e->as<List>()->elts) target(x);
                break;
            case ExprKind::Starred: target(e->as<Starred>()->value); break;
            default: expr(e); break;
        }
    }

    void stmt(const Stmt* s) {
        DepthScope guard(this);
        if (!guard.ok) return;
        switch (s->kind) {
            case StmtKind::FunctionDef: {
                auto* f = s->as<FunctionDef>();
                for (auto* d : f->decorator_list) expr(d);
                bind(f->name, s);
                function(f, f->name, f->args, &f->body, nullptr, s->lineno);
                break;
            }
            case StmtKind::ClassDef: {
                auto* c = s->as<ClassDef>();
                for (auto* d : c->decorator_list) expr(d);
                for (auto* b : c->bases) expr(b);
                for (auto* k : c->keywords) expr(k->value);
                bind(c->name, s);
                Scope* saved = cur_;
                std::string saved_private = private_;
                cur_ = open(c, ScopeKind::Class, c->name, s->lineno);
                private_ = c->name;
                body(c->body);
                private_ = saved_private;
                cur_ = saved;
                break;
            }
            case StmtKind::Return:
                if (cur_->kind != ScopeKind::Function) fail("'return' outside function", s);
                if (auto* v = s->as<Return>()->value) expr(v);
                break;
            case StmtKind::Delete:
                for (auto* t : s->as<Delete>()->targets) target(t);
                break;
            case StmtKind::Assign:
                expr(s->as<Assign>()->value);
                for (auto* t : s->as<Assign>()->targets) target(t);
                break;
            case StmtKind::AugAssign: {
                auto* a = s->as<AugAssign>();
                expr(a->value);
                if (a->target->is<Name>()) use(a->target->as<Name>()->id);
                target(a->target);
                break;
            }
            case StmtKind::AnnAssign: {
                auto* a = s->as<AnnAssign>();
                if (a->value) expr(a->value);
                if (a->value || a->target->is<Name>()) target(a->target);
                break;
            }
            case StmtKind::For: {
                auto* f = s->as<For>();
                expr(f->iter);
                target(f->target);
                body(f->body);
                body(f->orelse);
                break;
            }
            case StmtKind::While: {
                auto* w = s->as<While>();
                expr(w->test);
                body(w->body);
                body(w->orelse);
                break;
            }
            case StmtKind::If: {
                auto* i = s->as<If>();
                expr(i->test);
                body(i->body);
                body(i->orelse);
                break;
            }
            case StmtKind::With: {
                auto* w = s->as<With>();
                for (auto* it : w->items) {
                    expr(it->context_expr);
                    if (it->optional_vars) target(it->optional_vars);
                }
                body(w->body);
                break;
            }
            case StmtKind::Raise: {
                auto* r = s->as<Raise>();
                if (r->exc) expr(r->exc);
                if (r->cause) expr(r->cause);
                break;
            }
            case StmtKind::Try: {
                auto* t = s->as<Try>();
                body(t->body);
                for (auto* h : t->handlers) {
                    if (h->type) expr(h->type);
                    if (!h->name.empty()) bind(h->name, h);
                    body(h->body);
                }
                body(t->orelse);
                body(t->finalbody);
                break;
            }
            case StmtKind::Assert:
                expr(s->as<Assert>()->test);
                if (auto* m = s->as<Assert>()->msg) expr(m);
                break;
            case StmtKind::Import:
                for (auto* a : s->as<Import>()->names) {
                    std::string n = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
                    bind(n, a);
                }
                break;
            case StmtKind::ImportFrom:
                for (auto* a : s->as<ImportFrom>()->names) {
                    if (a->name == "*") {
                        if (cur_->kind != ScopeKind::Module) fail("import * only allowed at module level", s);
                        continue;
                    }
                    bind(a->asname.empty() ? a->name : a->asname, a);
                }
                break;
            case StmtKind::Global:
                for (auto& n : s->as<Global>()->names) {
                    if (cur_->assigned.count(n) && cur_->kind != ScopeKind::Module) {
                        bool is_param = std::find(cur_->params.begin(), cur_->params.end(), n) != cur_->params.end();
                        fail(is_param ? "name '" + n + "' is parameter and global"
                                      : "name '" + n + "' is assigned to before global declaration",
                             s);
                    }
                    cur_->global_decl[n] = true;
                }
                break;
            case StmtKind::Nonlocal:
                for (auto& n : s->as<Nonlocal>()->names) {
                    if (cur_->kind == ScopeKind::Module) {
                        fail("nonlocal declaration not allowed at module level", s);
                        return;
                    }
                    if (std::find(cur_->params.begin(), cur_->params.end(), n) != cur_->params.end()) {
                        fail("name '" + n + "' is parameter and nonlocal", s);
                        return;
                    }
                    if (cur_->assigned.count(n)) {
                        fail("name '" + n + "' is assigned to before nonlocal declaration", s);
                        return;
                    }
                    cur_->nonlocal_decl[n] = true;
                }
                break;
            case StmtKind::ExprStmt: expr(s->as<ExprStmt>()->value); break;
            case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: break;
        }
    }

    void expr(const Expr* e) {
        if (!e) return;
        DepthScope guard(this);
        if (!guard.ok) return;
        switch (e->kind) {
            case ExprKind::BoolOp:
                for (auto* v : e->as<BoolOp>()->values) expr(v);
                break;
            case ExprKind::NamedExpr: {
                auto* n = e->as<NamedExpr>();
                expr(n->value);
                // The target binds in the nearest enclosing scope that is not a comprehension.
                Scope* saved = cur_;
                while (cur_->params.size() == 1 && cur_->params[0] == ".0" && cur_->parent) cur_ = cur_->parent;
                std::string id = n->target->as<Name>()->id;
                bind(id, e);
                Scope* binder = cur_;
                cur_ = saved;
                if (binder != cur_) {
                    // Comprehensions between here and the binder see the target as the binder's variable.
                    for (Scope* s = cur_; s != binder; s = s->parent) {
                        if (binder->kind == ScopeKind::Module) s->global_decl[id] = true;
                        else s->nonlocal_decl[id] = true;
                    }
                }
                break;
            }
            case ExprKind::BinOp:
                expr(e->as<BinOp>()->left);
                expr(e->as<BinOp>()->right);
                break;
            case ExprKind::UnaryOp: expr(e->as<UnaryOp>()->operand); break;
            case ExprKind::Lambda: {
                auto* l = e->as<Lambda>();
                function(l, "<lambda>", l->args, nullptr, l->body, e->lineno);
                break;
            }
            case ExprKind::IfExp:
                expr(e->as<IfExp>()->test), expr(e->as<IfExp>()->body), expr(e->as<IfExp>()->orelse);
                break;
            case ExprKind::Dict:
                for (auto* k : e->as<Dict>()->keys) expr(k);
                for (auto* v : e->as<Dict>()->values) expr(v);
                break;
            case ExprKind::Set:
                for (auto* x : e->as<Set>()->elts) expr(x);
                break;
            case ExprKind::ListComp: {
                auto* c = e->as<ListComp>();
                comprehension(c, "<listcomp>", c->generators, c->elt, nullptr, false);
                break;
            }
            case ExprKind::SetComp: {
                auto* c = e->as<SetComp>();
                comprehension(c, "<setcomp>", c->generators, c->elt, nullptr, false);
                break;
            }
            case ExprKind::DictComp: {
                auto* c = e->as<DictComp>();
                comprehension(c, "<dictcomp>", c->generators, c->key, c->value, false);
                break;
            }
            case ExprKind::GeneratorExp: {
                auto* c = e->as<GeneratorExp>();
                comprehension(c, "<genexpr>", c->generators, c->elt, nullptr, true);
                break;
            }
            case ExprKind::Yield:
            case ExprKind::YieldFrom:
                if (cur_->kind != ScopeKind::Function) {
                    fail("'yield' outside function", e);
                    return;
                }
                cur_->is_generator = true;
                expr(e->kind == ExprKind::Yield ? e->as<Yield>()->value : e->as<YieldFrom>()->value);
                break;
            case ExprKind::Compare:
                expr(e->as<Compare>()->left);
                for (auto* c : e->as<Compare>()->comparators) expr(c);
                break;
            case ExprKind::Call:
                expr(e->as<Call>()->func);
                for (auto* a : e->as<Call>()->args) expr(a);
                for (auto* k : e->as<Call>()->keywords) expr(k->value);
                break;
            case ExprKind::FormattedValue:
                expr(e->as<FormattedValue>()->value);
                expr(e->as<FormattedValue>()->format_spec);
                break;
            case ExprKind::JoinedStr:
                for (auto* v : e->as<JoinedStr>()->values) expr(v);
                break;
            case ExprKind::Constant: break;
            case ExprKind::Attribute: expr(e->as<Attribute>()->value); break;
            case ExprKind::Subscript:
                expr(e->as<Subscript>()->value);
                expr(e->as<Subscript>()->slice);
                break;
            case ExprKind::Starred: expr(e->as<Starred>()->value); break;
            case ExprKind::Name: {
                auto* n = e->as<Name>();
                if (n->ctx == ExprContext::Load) use(n->id);
                else bind(n->id, e);
                break;
            }
            case ExprKind::List:
                for (auto* x : e->as<List>()->elts) expr(x);
                break;
            case ExprKind::Tuple:
                for (auto* x : e->as<Tuple>()->elts) expr(x);
                break;
            case ExprKind::Slice:
                expr(e->as<Slice>()->lower), expr(e->as<Slice>()->upper), expr(e->as<Slice>()->step);
                break;
        }
    }

    // Is `n` bound as a local/cell in an enclosing function scope (class scopes are invisible)?
    static Scope* find_binder(Scope* s, const std::string& n) {
        for (Scope* p = s->parent; p; p = p->parent) {
            if (p->kind == ScopeKind::Class) continue;
            if (p->kind == ScopeKind::Module) return nullptr;
            if (p->global_decl.count(n)) return nullptr;
            if (p->assigned.count(n) || p->nonlocal_decl.count(n)) return p;
        }
        return nullptr;
    }

    static void add_unique(std::vector<std::string>& v, const std::string& n) {
        if (std::find(v.begin(), v.end(), n) == v.end()) v.push_back(n);
    }

    // Makes n a free variable of s and of every scope between s and the binder, and a cell of the binder.
    void make_free(Scope* s, const std::string& n, Scope* binder) {
        for (Scope* p = s; p != binder; p = p->parent) {
            p->resolved[n] = NameScope::Free;
            add_unique(p->frees, n);
        }
        if (binder->resolved[n] != NameScope::Free) {
            binder->resolved[n] = NameScope::Cell;
            add_unique(binder->cells, n);
        }
    }

    void resolve(Scope* s) {
        for (auto& [n, _] : s->global_decl) s->resolved[n] = NameScope::GlobalExplicit;
        if (s->kind != ScopeKind::Module) {
            for (auto& n : s->assigned_order)
                if (!s->global_decl.count(n) && !s->resolved.count(n)) s->resolved[n] = NameScope::Local;
        }
        for (auto& [n, _] : s->nonlocal_decl) {
            Scope* b = find_binder(s, n);
            if (!b) {
                fail("no binding for nonlocal '" + n + "' found", nullptr);
                return;
            }
            make_free(s, n, b);
        }
        if (s->kind == ScopeKind::Function) {
            for (auto& [n, _] : s->used) {
                if (s->resolved.count(n)) continue;
                Scope* b = find_binder(s, n);
                if (b) make_free(s, n, b);
            }
            // Methods that use super() or __class__ close over the class's __class__ cell.
            if (s->uses_super_or_class) {
                for (Scope* p = s->parent; p; p = p->parent) {
                    if (p->kind == ScopeKind::Class) {
                        p->needs_class_cell = true;
                        for (Scope* q = s; q != p; q = q->parent) {
                            q->resolved["__class__"] = NameScope::Free;
                            add_unique(q->frees, "__class__");
                        }
                        break;
                    }
                }
            }
        } else if (s->kind == ScopeKind::Class) {
            for (auto& [n, _] : s->used) {
                if (s->resolved.count(n) || s->assigned.count(n)) continue;
                Scope* b = find_binder(s, n);
                if (b) make_free(s, n, b);
            }
        }
        for (auto& c : s->children) resolve(c.get());
        if (s->kind == ScopeKind::Class && s->needs_class_cell) add_unique(s->cells, "__class__");
    }
};

bool Symtable::build(const ast::Module* m, SymtableError* err) {
    SymtableBuilder b(this, err);
    return b.run(m);
}

}  // namespace krait
