// Statement parsing: blocks, simple statements (with CPython 3.12's assignment-target errors),
// compound statements, parameters, imports, and the constructs Krait rejects (async, await,
// match, type aliases, except*, type parameters) with a clear SyntaxError.
#include "parser.h"

namespace krait::parse_detail {

using namespace ast;

std::nullptr_t Parser::unsupported(const Token& t, const std::string& msg) {
    return fail_token(t, msg);
}

// ---------------------------------------------------------------------------------------------
// Statement sequences and blocks

bool Parser::statements(std::vector<Stmt*>* out, bool until_dedent) {
    for (;;) {
        if (failed_) return false;
        TokKind k = kind();
        if (k == TokKind::EndMarker) return !until_dedent || (fail_generic(), false);
        if (until_dedent && k == TokKind::Dedent) return true;
        if (!statement(out)) return false;
    }
}

// Level costs below (and in parser_expr.cpp) are calibrated so that the MemoryError limit falls
// where CPython's does for nested blocks, brackets and long operator chains.
bool Parser::statement(std::vector<Stmt*>* out) {
    Depth depth(*this, 6);
    if (!depth.ok()) return false;
    switch (kind()) {
    case TokKind::KwDef:
    case TokKind::KwIf:
    case TokKind::KwClass:
    case TokKind::KwWith:
    case TokKind::KwFor:
    case TokKind::KwTry:
    case TokKind::KwWhile:
    case TokKind::At: {
        Stmt* s = compound_stmt();
        if (!s) return false;
        out->push_back(s);
        return true;
    }
    case TokKind::KwAsync: return unsupported(peek(), "'async' is not supported by Krait"), false;
    case TokKind::Name:
        if (at_name("match") && looks_like_match_statement())
            return unsupported(peek(), "'match' statement is not supported by Krait"), false;
        if (at_name("type") && kind(1) == TokKind::Name &&
            (kind(2) == TokKind::Equal || kind(2) == TokKind::LSqb))
            return unsupported(peek(), "'type' statement is not supported by Krait"), false;
        return simple_stmts(out);
    default: return simple_stmts(out);
    }
}

// match_stmt starts with `"match" subject_expr ':'`; anything else is an ordinary statement
// using `match` as a name.
bool Parser::looks_like_match_statement() {
    Snapshot s = save();
    ++no_invalid_;
    advance(); // match
    bool result = false;
    TokKind k = kind();
    if (can_start_expression(k) || k == TokKind::Star) {
        Expr* subject = star_named_expression();
        while (subject && !failed_ && accept(TokKind::Comma)) {
            if (at(TokKind::Colon)) break;
            subject = star_named_expression();
        }
        result = subject && !failed_ && at(TokKind::Colon);
    }
    --no_invalid_;
    restore(s);
    return result && !failed_;
}

// type_params: '[' (NAME [':' expression] | '*' NAME | '**' NAME) (',' ...)* [','] ']' (PEP 695,
// which Krait rejects with its own message when the brackets are well formed).
bool Parser::looks_like_type_params() {
    Snapshot s = save();
    ++no_invalid_;
    advance(); // '['
    bool ok = true;
    while (ok && !at(TokKind::RSqb)) {
        if (!accept(TokKind::Star)) accept(TokKind::DoubleStar);
        ok = accept(TokKind::Name) != nullptr;
        if (ok && accept(TokKind::Colon)) ok = expression() != nullptr && !failed_;
        if (ok && !accept(TokKind::Comma)) break;
    }
    ok = ok && !failed_ && at(TokKind::RSqb);
    --no_invalid_;
    restore(s);
    return ok && !failed_;
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` completes CPython's
// "expected an indented block after ..." message.
bool Parser::block(std::vector<Stmt*>* out, const Token& owner, const char* what) {
    // The header's level cost (compound_stmt) does not apply to the block's statements.
    Depth depth(*this, -25);
    if (!at(TokKind::Newline)) return simple_stmts(out);
    advance();
    if (!at(TokKind::Indent)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "expected an indented block after %s on line %d", what, owner.lineno);
        fail_last(buf, "IndentationError");
        return false;
    }
    advance();
    if (!statements(out, true)) return false;
    if (!at(TokKind::Dedent)) return fail_generic(), false;
    advance();
    return true;
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
bool Parser::simple_stmts(std::vector<Stmt*>* out) {
    Depth depth(*this, 27);
    if (!depth.ok()) return false;
    for (;;) {
        Stmt* s = simple_stmt();
        if (!s) return false;
        out->push_back(s);
        if (!accept(TokKind::Semi)) break;
        if (at(TokKind::Newline)) break;
    }
    if (!at(TokKind::Newline)) return fail_generic(), false;
    advance();
    return true;
}

Stmt* Parser::simple_stmt() {
    const Token& t = peek();
    switch (t.kind) {
    case TokKind::KwPass: {
        Pass* s = make<Pass>(advance());
        end_at(s, t);
        return s;
    }
    case TokKind::KwBreak: {
        Break* s = make<Break>(advance());
        end_at(s, t);
        return s;
    }
    case TokKind::KwContinue: {
        Continue* s = make<Continue>(advance());
        end_at(s, t);
        return s;
    }
    case TokKind::KwReturn: return return_stmt();
    case TokKind::KwRaise: return raise_stmt();
    case TokKind::KwGlobal: return global_stmt(true);
    case TokKind::KwNonlocal: return global_stmt(false);
    case TokKind::KwDel: return del_stmt();
    case TokKind::KwAssert: return assert_stmt();
    case TokKind::KwImport: return import_name();
    case TokKind::KwFrom: return import_from();
    default: return expression_statement();
    }
}

// ---------------------------------------------------------------------------------------------
// Expression statements and assignments

namespace {

bool augassign_operator(TokKind k, Operator* op) {
    switch (k) {
    case TokKind::PlusEqual: *op = Operator::Add; return true;
    case TokKind::MinEqual: *op = Operator::Sub; return true;
    case TokKind::StarEqual: *op = Operator::Mult; return true;
    case TokKind::AtEqual: *op = Operator::MatMult; return true;
    case TokKind::SlashEqual: *op = Operator::Div; return true;
    case TokKind::PercentEqual: *op = Operator::Mod; return true;
    case TokKind::AmperEqual: *op = Operator::BitAnd; return true;
    case TokKind::VBarEqual: *op = Operator::BitOr; return true;
    case TokKind::CircumflexEqual: *op = Operator::BitXor; return true;
    case TokKind::LeftShiftEqual: *op = Operator::LShift; return true;
    case TokKind::RightShiftEqual: *op = Operator::RShift; return true;
    case TokKind::DoubleStarEqual: *op = Operator::Pow; return true;
    case TokKind::DoubleSlashEqual: *op = Operator::FloorDiv; return true;
    default: return false;
    }
}

bool is_single_target(const Expr* e) {
    return e->is<Name>() || e->is<Attribute>() || e->is<Subscript>();
}

} // namespace

Stmt* Parser::expression_statement() {
    const Token& start = peek();
    size_t start_pos = pos_;
    Expr* first = at(TokKind::KwYield) ? yield_expr() : star_expressions();
    if (!first) return nullptr;
    TokKind k = kind();
    if (k == TokKind::Equal) return assignment_rest(first, start, start_pos);
    if (k == TokKind::Colon) {
        // Only expressions can be (wrongly) annotated; `yield x:` or `*a:` fail at the ':'.
        if (first->is<Yield>() || first->is<YieldFrom>() || first->is<Starred>()) return fail_generic();
        return annotated_rest(first, start);
    }
    Operator op;
    if (augassign_operator(k, &op)) {
        advance();
        Expr* value = at(TokKind::KwYield) ? yield_expr() : star_expressions();
        if (!value) return nullptr;
        if (!is_single_target(first) || first->is<Yield>()) {
            return fail_node(first, std::string("'") + expr_name(first) +
                                        "' is an illegal expression for augmented assignment");
        }
        set_context(first, ExprContext::Store);
        AugAssign* s = make<AugAssign>(start);
        end_at_prev(s);
        s->target = first;
        s->op = op;
        s->value = value;
        return s;
    }
    if (k == TokKind::ColonEqual && !first->is<Name>() && !first->is<Tuple>()) {
        // invalid_named_expression: `a=expression ':=' expression`
        Snapshot s = save();
        advance();
        Expr* rhs = expression();
        restore(s);
        if (rhs && !failed_)
            return fail_node(first,
                             std::string("cannot use assignment expressions with ") + expr_name(first));
        return failed_ ? nullptr : fail_generic();
    }
    ExprStmt* s = make<ExprStmt>(start);
    end_at_prev(s);
    s->value = first;
    return s;
}

// `targets = ... = value`; invalid targets are reported like CPython's invalid_assignment.
Stmt* Parser::assignment_rest(Expr* first, const Token& start, size_t start_pos) {
    std::vector<Expr*> chain{first};
    // Each expression followed by '=' is a target; an invalid one is reported before anything
    // after it is parsed, as CPython's invalid_assignment does.
    auto bad = [&](const Expr* t) {
        return t->is<Yield>() || t->is<YieldFrom>() || invalid_target(t, TargetsType::Star);
    };
    while (at(TokKind::Equal)) {
        if (bad(chain.back())) return invalid_assignment(start_pos, chain);
        advance();
        Expr* rhs = at(TokKind::KwYield) ? yield_expr() : star_expressions();
        if (!rhs) return nullptr;
        chain.push_back(rhs);
    }
    Expr* value = chain.back();
    chain.pop_back();
    for (Expr* t : chain) set_context(t, ExprContext::Store);
    Assign* s = make<Assign>(start);
    end_at_prev(s);
    s->targets = std::move(chain);
    s->value = value;
    return s;
}

// CPython's invalid_assignment alternatives, in order: the '=' checks of invalid_named_expression
// on each element of the first target list, then the first invalid target of the chain.
std::nullptr_t Parser::invalid_assignment(size_t start_pos, const std::vector<Expr*>& targets) {
    Snapshot s = save();
    pos_ = start_pos;
    for (;;) {
        if (at(TokKind::Star)) {
            ++no_invalid_;
            Expr* e = star_expression();
            --no_invalid_;
            if (!e || failed_) break;
        } else {
            size_t elem = pos_;
            check_named_expression_errors(elem);
            if (failed_) return nullptr;
            ++no_invalid_;
            Expr* e = named_expression();
            --no_invalid_;
            if (!e || failed_) break;
        }
        if (!accept(TokKind::Comma)) break;
        TokKind k = kind();
        if (!can_start_expression(k) && k != TokKind::Star) break;
    }
    restore(s);
    for (const Expr* t : targets) {
        if (t->is<Yield>() || t->is<YieldFrom>())
            return fail_node(t, "assignment to yield expression not possible");
        if (invalid_target(t, TargetsType::Star)) return fail_invalid_target(t, TargetsType::Star);
    }
    return fail_generic();
}

// `target: annotation [= value]`
Stmt* Parser::annotated_rest(Expr* target, const Token& start) {
    if (!is_single_target(target)) {
        // CPython only gets here in its error pass, after `':' expression` matched; otherwise
        // the error is a plain "invalid syntax" at the ':'.
        Snapshot s = save();
        advance();
        Expr* annotation = expression();
        bool ok = annotation && !failed_;
        restore(s);
        if (!ok) return failed_ ? nullptr : fail_generic();
        auto* tuple = target->try_as<Tuple>();
        bool bare_tuple = tuple && !tuple->elts.empty() && start.kind != TokKind::LPar &&
                          tuple->col_offset == tuple->elts[0]->col_offset &&
                          tuple->lineno == tuple->elts[0]->lineno;
        if (bare_tuple) return fail_node(tuple->elts[0], "only single target (not tuple) can be annotated");
        if (target->is<List>() || target->is<Tuple>())
            return fail_node(target, std::string("only single target (not ") + expr_name(target) +
                                         ") can be annotated");
        return fail_node(target, "illegal target for annotation");
    }
    advance(); // ':'
    Expr* annotation = expression();
    if (!annotation) return nullptr;
    AnnAssign* s = make<AnnAssign>(start);
    s->target = target;
    s->annotation = annotation;
    s->simple = target->is<Name>() && start.kind == TokKind::Name ? 1 : 0;
    set_context(target, ExprContext::Store);
    if (accept(TokKind::Equal)) {
        s->value = at(TokKind::KwYield) ? yield_expr() : star_expressions();
        if (!s->value) return nullptr;
    }
    end_at_prev(s);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Other simple statements

Stmt* Parser::return_stmt() {
    const Token& kw = advance();
    Return* s = make<Return>(kw);
    end_at(s, kw);
    TokKind k = kind();
    if (can_start_expression(k) || k == TokKind::Star) {
        s->value = star_expressions();
        if (!s->value) return nullptr;
        end_at_prev(s);
    }
    return s;
}

Stmt* Parser::raise_stmt() {
    const Token& kw = advance();
    Raise* s = make<Raise>(kw);
    end_at(s, kw);
    if (!can_start_expression(kind())) return s;
    s->exc = expression();
    if (!s->exc) return nullptr;
    if (accept(TokKind::KwFrom)) {
        s->cause = expression();
        if (!s->cause) return nullptr;
    }
    end_at_prev(s);
    return s;
}

Stmt* Parser::global_stmt(bool is_global) {
    const Token& kw = advance();
    std::vector<std::string> names;
    for (;;) {
        if (!at(TokKind::Name)) return fail_generic();
        names.push_back(ident(advance()));
        if (!accept(TokKind::Comma)) break;
    }
    if (is_global) {
        Global* s = make<Global>(kw);
        end_at_prev(s);
        s->names = std::move(names);
        return s;
    }
    Nonlocal* s = make<Nonlocal>(kw);
    end_at_prev(s);
    s->names = std::move(names);
    return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE), else invalid_del_stmt's "cannot delete ...".
Stmt* Parser::del_stmt() {
    const Token& kw = advance();
    Delete* s = make<Delete>(kw);
    for (;;) {
        Expr* e = star_expression();
        if (!e) return nullptr;
        s->targets.push_back(e);
        if (!accept(TokKind::Comma)) break;
        TokKind k = kind();
        if (!can_start_expression(k) && k != TokKind::Star) break;
    }
    bool ok_end = at(TokKind::Semi) || at(TokKind::Newline);
    for (Expr* t : s->targets)
        if (invalid_target(t, TargetsType::Del)) return fail_invalid_target(t, TargetsType::Del);
    if (!ok_end) return fail_generic();
    for (Expr* t : s->targets) set_context(t, ExprContext::Del);
    end_at_prev(s);
    return s;
}

Stmt* Parser::assert_stmt() {
    const Token& kw = advance();
    Assert* s = make<Assert>(kw);
    s->test = expression();
    if (!s->test) return nullptr;
    if (accept(TokKind::Comma)) {
        s->msg = expression();
        if (!s->msg) return nullptr;
    }
    end_at_prev(s);
    return s;
}

namespace {

struct DottedName {
    std::string name;
    const Token* first = nullptr;
    const Token* last = nullptr;
};

} // namespace

// import_name: 'import' dotted_as_names
Stmt* Parser::import_name() {
    const Token& kw = advance();
    Import* s = make<Import>(kw);
    auto dotted = [&](DottedName* d) -> bool {
        if (!at(TokKind::Name)) return fail_generic(), false;
        d->first = d->last = &advance();
        d->name = ident(*d->first);
        while (at(TokKind::Dot)) {
            advance();
            if (!at(TokKind::Name)) return fail_generic(), false;
            d->last = &advance();
            d->name += '.';
            d->name += ident(*d->last);
        }
        return true;
    };
    for (;;) {
        DottedName d;
        if (!dotted(&d)) return nullptr;
        Alias* a = make<Alias>(*d.first);
        a->name = d.name;
        end_at(a, *d.last);
        if (accept(TokKind::KwAs)) {
            if (!at(TokKind::Name)) return fail_generic();
            const Token& as = advance();
            a->asname = ident(as);
            end_at(a, as);
        }
        s->names.push_back(a);
        if (!accept(TokKind::Comma)) break;
    }
    if (at(TokKind::KwFrom)) {
        // invalid_import: 'import' dotted_name 'from' dotted_name
        Snapshot sn = save();
        advance();
        DottedName d;
        bool ok = dotted(&d);
        restore(sn);
        if (ok) return fail_range_tokens(kw, *d.last, "Did you mean to use 'from ... import ...' instead?");
        return failed_ ? nullptr : fail_generic();
    }
    end_at_prev(s);
    return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' targets | 'from' ('.' | '...')+ 'import' targets
Stmt* Parser::import_from() {
    const Token& kw = advance();
    ImportFrom* s = make<ImportFrom>(kw);
    for (;;) {
        if (accept(TokKind::Dot))
            s->level += 1;
        else if (accept(TokKind::Ellipsis))
            s->level += 3;
        else
            break;
    }
    if (at(TokKind::Name)) {
        s->module = ident(advance());
        while (at(TokKind::Dot)) {
            advance();
            if (!at(TokKind::Name)) return fail_generic();
            s->module += '.';
            s->module += ident(advance());
        }
    } else if (s->level == 0) {
        return fail_generic();
    }
    if (!accept(TokKind::KwImport)) return fail_generic();
    if (at(TokKind::Star)) {
        const Token& star = advance();
        Alias* a = make<Alias>(star);
        end_at(a, star);
        a->name = "*";
        s->names.push_back(a);
        end_at(s, star);
        return s;
    }
    bool parens = accept(TokKind::LPar) != nullptr;
    for (;;) {
        if (!at(TokKind::Name)) return fail_generic();
        const Token& name = advance();
        Alias* a = make<Alias>(name);
        end_at(a, name);
        a->name = ident(name);
        if (accept(TokKind::KwAs)) {
            if (!at(TokKind::Name)) return fail_generic();
            const Token& as = advance();
            a->asname = ident(as);
            end_at(a, as);
        }
        s->names.push_back(a);
        if (!accept(TokKind::Comma)) break;
        if (parens && at(TokKind::RPar)) break;
        if (!parens && at(TokKind::Newline))
            return fail_last("trailing comma not allowed without surrounding parentheses");
    }
    if (parens && !accept(TokKind::RPar)) return fail_generic();
    end_at_prev(s);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Compound statements

Stmt* Parser::compound_stmt() {
    Depth depth(*this, 25);
    if (!depth.ok()) return nullptr;
    switch (kind()) {
    case TokKind::KwDef: return function_def(nullptr);
    case TokKind::KwClass: return class_def(nullptr);
    case TokKind::At: return decorated();
    case TokKind::KwIf: return if_stmt(false);
    case TokKind::KwWhile: return while_stmt();
    case TokKind::KwFor: return for_stmt();
    case TokKind::KwWith: return with_stmt();
    case TokKind::KwTry: return try_stmt();
    default: return fail_generic();
    }
}

namespace {} // namespace

// CPython ends a compound statement at the last token its rule consumed that is not a NEWLINE,
// INDENT or DEDENT (which includes a trailing ';' of the last simple statement).
template <class T>
void Parser::end_at_body(T* s, const std::vector<Stmt*>& body) {
    if (body.empty()) return;
    size_t i = pos_;
    while (i > 0) {
        const Token& t = tokens_[--i];
        if (t.kind != TokKind::Newline && t.kind != TokKind::Indent && t.kind != TokKind::Dedent) {
            end_at(s, t);
            return;
        }
    }
}

bool Parser::else_block(std::vector<Stmt*>* out) {
    const Token& kw = advance(); // 'else'
    if (!at(TokKind::Colon)) return fail_token(peek(), "expected ':'"), false;
    advance();
    return block(out, kw, "'else' statement");
}

// if_stmt / elif_stmt: ('if' | 'elif') named_expression ':' block (elif_stmt | [else_block])
Stmt* Parser::if_stmt(bool is_elif) {
    const Token& kw = advance();
    If* s = make<If>(kw);
    s->test = named_expression();
    if (!s->test) return nullptr;
    if (!at(TokKind::Colon)) return at(TokKind::Newline) ? fail_last("expected ':'") : fail_generic();
    advance();
    char what[48];
    std::snprintf(what, sizeof what, "'%s' statement", is_elif ? "elif" : "if");
    if (!block(&s->body, kw, what)) return nullptr;
    end_at_body(s, s->body);
    if (at(TokKind::KwElif)) {
        Stmt* e = if_stmt(true);
        if (!e) return nullptr;
        s->orelse.push_back(e);
        end_at(s, e);
    } else if (at(TokKind::KwElse)) {
        if (!else_block(&s->orelse)) return nullptr;
        end_at_body(s, s->orelse);
    }
    return s;
}

Stmt* Parser::while_stmt() {
    const Token& kw = advance();
    While* s = make<While>(kw);
    s->test = named_expression();
    if (!s->test) return nullptr;
    if (!at(TokKind::Colon)) return at(TokKind::Newline) ? fail_last("expected ':'") : fail_generic();
    advance();
    if (!block(&s->body, kw, "'while' statement")) return nullptr;
    end_at_body(s, s->body);
    if (at(TokKind::KwElse)) {
        if (!else_block(&s->orelse)) return nullptr;
        end_at_body(s, s->orelse);
    }
    return s;
}

Stmt* Parser::for_stmt() {
    const Token& kw = advance();
    For* s = make<For>(kw);
    s->target = star_targets();
    if (!s->target) return nullptr;
    if (!accept(TokKind::KwIn)) return fail_generic();
    s->iter = star_expressions();
    if (!s->iter) return nullptr;
    if (!at(TokKind::Colon)) return at(TokKind::Newline) ? fail_last("expected ':'") : fail_generic();
    advance();
    if (!block(&s->body, kw, "'for' statement")) return nullptr;
    end_at_body(s, s->body);
    if (at(TokKind::KwElse)) {
        if (!else_block(&s->orelse)) return nullptr;
        end_at_body(s, s->orelse);
    }
    return s;
}

// with_stmt: 'with' '(' ','.with_item+ ','? ')' ':' block | 'with' ','.with_item+ ':' block.
// The parenthesised form is tried first, as CPython's PEG grammar does.
Stmt* Parser::with_stmt() {
    const Token& kw = advance();
    With* s = make<With>(kw);
    auto item = [&]() -> WithItem* {
        WithItem* w = arena_.make<WithItem>();
        w->context_expr = expression();
        if (!w->context_expr) return nullptr;
        if (accept(TokKind::KwAs)) {
            const Token& t = peek();
            Expr* target;
            if (t.kind == TokKind::Star) {
                advance();
                Expr* v = bitwise_or();
                if (!v) return nullptr;
                Starred* st = make<Starred>(t);
                end_at(st, v);
                st->value = v;
                target = st;
            } else {
                target = bitwise_or();
            }
            if (!target) return nullptr;
            if (invalid_target(target, TargetsType::Star))
                return fail_invalid_target(target, TargetsType::Star);
            TokKind k = kind();
            if (k != TokKind::Comma && k != TokKind::RPar && k != TokKind::Colon) return fail_generic();
            set_context(target, ExprContext::Store);
            w->optional_vars = target;
        }
        return w;
    };
    bool done = false;
    if (at(TokKind::LPar)) {
        Snapshot snap = save();
        advance();
        std::vector<WithItem*> items;
        bool ok = true;
        while (ok) {
            WithItem* w = item();
            if (!w) {
                ok = false;
                break;
            }
            items.push_back(w);
            if (!accept(TokKind::Comma)) break;
            if (at(TokKind::RPar)) break;
        }
        if (ok && !failed_ && accept(TokKind::RPar) && at(TokKind::Colon)) {
            s->items = std::move(items);
            done = true;
        } else if (!hard_failure()) {
            size_t far = furthest_;
            restore(snap);
            furthest_ = std::max(furthest_, far);
        } else {
            return nullptr;
        }
    }
    if (!done) {
        for (;;) {
            WithItem* w = item();
            if (!w) return nullptr;
            s->items.push_back(w);
            if (!accept(TokKind::Comma)) break;
        }
    }
    if (!at(TokKind::Colon)) return at(TokKind::Newline) ? fail_last("expected ':'") : fail_generic();
    advance();
    if (!block(&s->body, kw, "'with' statement")) return nullptr;
    end_at_body(s, s->body);
    return s;
}

Stmt* Parser::try_stmt() {
    const Token& kw = advance();
    Try* s = make<Try>(kw);
    if (!at(TokKind::Colon)) return fail_token(peek(), "expected ':'");
    advance();
    if (!block(&s->body, kw, "'try' statement")) return nullptr;
    end_at_body(s, s->body);
    while (at(TokKind::KwExcept)) {
        const Token& ex = advance();
        if (at(TokKind::Star)) {
            const Token& star = peek();
            return fail_range_tokens(ex, star, "'except*' is not supported by Krait");
        }
        ExceptHandler* h = make<ExceptHandler>(ex);
        if (at(TokKind::Colon)) {
            advance();
        } else if (at(TokKind::Newline)) {
            return fail_last("expected ':'");
        } else {
            h->type = expression();
            if (!h->type) return nullptr;
            if (at(TokKind::Comma)) {
                // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':'
                Snapshot sn = save();
                advance();
                Expr* rest = expressions();
                bool ok = rest && !failed_;
                if (ok && accept(TokKind::KwAs)) ok = accept(TokKind::Name) != nullptr;
                ok = ok && at(TokKind::Colon);
                if (ok) {
                    advance();
                    return fail_from(h->type, "multiple exception types must be parenthesized");
                }
                restore(sn);
                return failed_ ? nullptr : fail_generic();
            }
            if (accept(TokKind::KwAs)) {
                if (!at(TokKind::Name)) return fail_generic();
                h->name = ident(advance());
            }
            if (!at(TokKind::Colon)) return at(TokKind::Newline) ? fail_last("expected ':'") : fail_generic();
            advance();
        }
        if (!block(&h->body, ex, "'except' statement")) return nullptr;
        end_at_body(h, h->body);
        s->handlers.push_back(h);
        end_at(s, h);
    }
    if (s->handlers.empty()) {
        if (!at(TokKind::KwFinally)) return fail_last("expected 'except' or 'finally' block");
    } else if (at(TokKind::KwElse)) {
        if (!else_block(&s->orelse)) return nullptr;
        end_at_body(s, s->orelse);
    }
    if (at(TokKind::KwFinally)) {
        const Token& fin = advance();
        if (!at(TokKind::Colon)) return fail_token(peek(), "expected ':'");
        advance();
        if (!block(&s->finalbody, fin, "'finally' statement")) return nullptr;
        end_at_body(s, s->finalbody);
    }
    return s;
}

// decorators: ('@' named_expression NEWLINE)+ followed by a function or class definition.
Stmt* Parser::decorated() {
    std::vector<Expr*> decorators;
    while (at(TokKind::At)) {
        advance();
        Expr* d = named_expression();
        if (!d) return nullptr;
        if (!at(TokKind::Newline)) return fail_generic();
        advance();
        decorators.push_back(d);
    }
    if (at(TokKind::KwDef)) return function_def(&decorators);
    if (at(TokKind::KwClass)) return class_def(&decorators);
    if (at(TokKind::KwAsync)) return unsupported(peek(), "'async' is not supported by Krait");
    return fail_generic();
}

Stmt* Parser::function_def(std::vector<Expr*>* decorators) {
    const Token& kw = advance(); // 'def'
    if (!at(TokKind::Name)) return fail_generic();
    const Token& name = advance();
    if (at(TokKind::LSqb) && looks_like_type_params())
        return unsupported(peek(), "type parameters are not supported by Krait");
    if (!at(TokKind::LPar)) return fail_token(peek(), "expected '('");
    advance();
    FunctionDef* f = make<FunctionDef>(kw);
    f->name = ident(name);
    f->args = parameters();
    if (!f->args) return nullptr;
    if (!accept(TokKind::RPar)) return fail_generic();
    // ['->' expression] is optional: when no expression follows, the forced ':' is expected at '->'.
    Snapshot before_arrow = save();
    if (accept(TokKind::RArrow)) {
        f->returns = expression();
        if (!f->returns && !backtrack(before_arrow)) return nullptr;
    }
    if (!at(TokKind::Colon)) return fail_token(peek(), "expected ':'");
    advance();
    if (decorators) f->decorator_list = std::move(*decorators);
    if (!block(&f->body, kw, "function definition")) return nullptr;
    end_at_body(f, f->body);
    return f;
}

Stmt* Parser::class_def(std::vector<Expr*>* decorators) {
    const Token& kw = advance(); // 'class'
    if (!at(TokKind::Name)) return fail_generic();
    const Token& name = advance();
    if (at(TokKind::LSqb)) {
        if (looks_like_type_params())
            return unsupported(peek(), "type parameters are not supported by Krait");
        return fail_generic();
    }
    ClassDef* c = make<ClassDef>(kw);
    c->name = ident(name);
    if (at(TokKind::LPar)) {
        Depth depth(*this, 28);
        if (!depth.ok()) return nullptr;
        const Token& open = advance();
        Call tmp;
        allow_genexp_arg_ = false;
        bool ok = arguments(&tmp, open);
        allow_genexp_arg_ = true;
        if (!ok) return nullptr;
        if (!accept(TokKind::RPar)) return fail_generic();
        c->bases = std::move(tmp.args);
        c->keywords = std::move(tmp.keywords);
    }
    if (!at(TokKind::Colon)) return at(TokKind::Newline) ? fail_last("expected ':'") : fail_generic();
    advance();
    if (decorators) c->decorator_list = std::move(*decorators);
    if (!block(&c->body, kw, "class definition")) return nullptr;
    end_at_body(c, c->body);
    return c;
}

// ---------------------------------------------------------------------------------------------
// Parameters (functions and lambdas), with CPython's invalid_parameters messages.

Arguments* Parser::parameters() {
    return parameter_list(false);
}
Arguments* Parser::lambda_params() {
    return parameter_list(true);
}

Arguments* Parser::parameter_list(bool is_lambda) {
    const TokKind term = is_lambda ? TokKind::Colon : TokKind::RPar;
    Arguments* args = empty_arguments();
    std::vector<Arg*> positional;
    std::vector<Expr*> defaults;
    bool seen_slash = false, seen_star = false, seen_kwarg = false, seen_default = false;

    auto param = [&](bool star_annotation) -> Arg* {
        const Token& name = advance();
        Arg* a = make<Arg>(name);
        end_at(a, name);
        a->arg = ident(name);
        if (!is_lambda && accept(TokKind::Colon)) {
            a->annotation = star_annotation && at(TokKind::Star) ? star_expression() : expression();
            if (!a->annotation) return nullptr;
            end_at_prev(a);
        }
        return a;
    };

    while (!at(term)) {
        if (failed_) return nullptr;
        const Token& t = peek();
        if (seen_kwarg) {
            if (t.kind == TokKind::Name) {
                Arg* a = param(false);
                if (!a) return nullptr;
                return fail_node(a, "arguments cannot follow var-keyword argument");
            }
            if (t.kind == TokKind::Star || t.kind == TokKind::DoubleStar || t.kind == TokKind::Slash)
                return fail_token(t, "arguments cannot follow var-keyword argument");
            return fail_generic();
        }
        switch (t.kind) {
        case TokKind::Slash: {
            if (seen_star) return fail_token(t, "/ must be ahead of *");
            if (seen_slash) return fail_token(t, "/ may appear only once");
            if (positional.empty()) {
                if (kind(1) == TokKind::Comma) return fail_token(t, "at least one argument must precede /");
                return fail_generic();
            }
            advance();
            if (at(TokKind::Star)) return fail_token(peek(), "expected comma between / and *");
            args->posonlyargs = std::move(positional);
            positional.clear();
            seen_slash = true;
            break;
        }
        case TokKind::Star: {
            if (seen_star) {
                TokKind n = kind(1);
                if (n == TokKind::Name || n == TokKind::Comma)
                    return fail_token(t, "* argument may appear only once");
                return fail_generic();
            }
            advance();
            if (at(term) || (at(TokKind::Comma) && (kind(1) == term || kind(1) == TokKind::DoubleStar))) {
                if (is_lambda) {
                    if (at(TokKind::Comma)) peek(1);
                    return fail_last("named arguments must follow bare *");
                }
                return fail_token(t, "named arguments must follow bare *");
            }
            if (at(TokKind::Name)) {
                args->vararg = param(true);
                if (!args->vararg) return nullptr;
                if (at(TokKind::Equal))
                    return fail_token(peek(), "var-positional argument cannot have default value");
            } else if (!at(TokKind::Comma)) {
                return fail_generic();
            }
            seen_star = true;
            break;
        }
        case TokKind::DoubleStar: {
            advance();
            if (!at(TokKind::Name)) return fail_generic();
            args->kwarg = param(false);
            if (!args->kwarg) return nullptr;
            if (at(TokKind::Equal))
                return fail_token(peek(), "var-keyword argument cannot have default value");
            seen_kwarg = true;
            break;
        }
        case TokKind::LPar: {
            // '(' NAME (',' NAME)* [','] ')': parameters cannot be parenthesized.
            size_t i = pos_ + 1;
            bool names = token_at(i).kind == TokKind::Name;
            while (names && token_at(i).kind == TokKind::Name) {
                ++i;
                if (token_at(i).kind != TokKind::Comma) break;
                ++i;
            }
            if (names && token_at(i).kind == TokKind::RPar) {
                peek(i - pos_);
                return fail_range_tokens(t, token_at(i),
                                         is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                                   : "Function parameters cannot be parenthesized");
            }
            return fail_generic();
        }
        case TokKind::Name: {
            Arg* a = param(false);
            if (!a) return nullptr;
            if (at(TokKind::Equal)) {
                const Token& eq = advance();
                if (at(TokKind::Comma) || at(term))
                    return fail_token(eq, "expected default value expression");
                Expr* d = expression();
                if (!d) return nullptr;
                if (seen_star) {
                    args->kwonlyargs.push_back(a);
                    args->kw_defaults.push_back(d);
                } else {
                    positional.push_back(a);
                    defaults.push_back(d);
                    seen_default = true;
                }
            } else if (seen_star) {
                args->kwonlyargs.push_back(a);
                args->kw_defaults.push_back(nullptr);
            } else {
                if (seen_default && (at(TokKind::Comma) || at(term)))
                    return fail_node(a, "parameter without a default follows parameter with a default");
                positional.push_back(a);
            }
            break;
        }
        default: return fail_generic();
        }
        if (!accept(TokKind::Comma)) break;
    }
    if (!at(term)) return fail_generic();
    args->args = std::move(positional);
    args->defaults = std::move(defaults);
    return args;
}

} // namespace krait::parse_detail
