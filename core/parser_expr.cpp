// Expression parsing: everything from star_expressions down to atoms, call arguments,
// comprehensions, lambdas, plus target validation and the error heuristics that reproduce
// CPython 3.12's "invalid_*" grammar rules (forgot-comma, '=' instead of '==', ...).
#include "parser.h"

namespace krait::parse_detail {

using namespace ast;

// ---------------------------------------------------------------------------------------------
// Lists of expressions

// star_expressions: star_expression (',' star_expression)* [','] -- a Tuple when there is a comma.
Expr* Parser::star_expressions() {
    const Token& start = peek();
    Expr* first = star_expression();
    if (!first) return nullptr;
    if (!at(TokKind::Comma)) return first;
    Tuple* t = make<Tuple>(start);
    t->elts.push_back(first);
    while (accept(TokKind::Comma)) {
        TokKind k = kind();
        if (!can_start_expression(k) && k != TokKind::Star) break;
        Snapshot s = save();
        Expr* e = star_expression();
        if (!e) {
            if (!backtrack(s)) return nullptr;
            break; // the comma was a trailing one
        }
        t->elts.push_back(e);
    }
    end_at_prev(t);
    return t;
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::star_expression() {
    if (at(TokKind::Star)) {
        const Token& star = advance();
        Expr* v = bitwise_or();
        if (!v) return nullptr;
        Starred* s = make<Starred>(star);
        end_at_prev(s);
        s->value = v;
        return s;
    }
    return expression();
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::star_named_expression() {
    if (at(TokKind::Star)) return star_expression();
    return named_expression();
}

// named_expression: NAME ':=' expression | expression !':='
Expr* Parser::named_expression() {
    const Token& start = peek();
    size_t start_pos = pos_;
    if (start.kind == TokKind::Name && kind(1) == TokKind::ColonEqual) {
        Name* target = make_name(advance(), ExprContext::Store);
        advance(); // ':='
        Expr* value = expression();
        if (!value) return nullptr;
        NamedExpr* n = make<NamedExpr>(start);
        end_at_prev(n);
        n->target = target;
        n->value = value;
        return n;
    }
    Expr* e = expression();
    if (!e) return nullptr;
    if (at(TokKind::ColonEqual)) {
        // invalid_named_expression: `a=expression ':=' expression`
        Snapshot s = save();
        advance();
        Expr* rhs = expression();
        restore(s);
        if (rhs && !failed_)
            return fail_node(e, std::string("cannot use assignment expressions with ") + expr_name(e));
        return failed_ ? nullptr : fail_generic();
    }
    if (at(TokKind::Equal) && !no_invalid_) {
        check_named_expression_errors(start_pos);
        if (failed_) return nullptr;
    }
    return e;
}

// invalid_named_expression's '=' alternatives, re-parsed from `start_pos`:
//   NAME '=' bitwise_or !('='|':=')                              -> "Maybe you meant '==' or ':='"
//   !(list|tuple|genexp|True|None|False) bitwise_or '=' bitwise_or !('='|':=') -> "cannot assign to ..."
std::nullptr_t Parser::check_named_expression_errors(size_t start_pos) {
    Snapshot s = save();
    pos_ = start_pos;
    const Token& start = peek();
    ++no_invalid_;
    bool fired = false;
    const Located* a = nullptr;
    const Located* b = nullptr;
    std::string msg;
    if (start.kind == TokKind::Name && kind(1) == TokKind::Equal) {
        advance();
        advance();
        Expr* rhs = bitwise_or();
        if (rhs && !failed_ && !at(TokKind::Equal) && !at(TokKind::ColonEqual)) {
            fired = true;
            msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            Name* n = make_name(start);
            a = n;
            b = rhs;
        }
    }
    if (!fired) {
        restore(s);
        s = save();
        pos_ = start_pos;
        bool excluded = false;
        TokKind k = kind();
        if (k == TokKind::KwTrue || k == TokKind::KwNone || k == TokKind::KwFalse) {
            excluded = true;
        } else if (k == TokKind::LPar || k == TokKind::LSqb) {
            Snapshot s2 = save();
            Expr* at0 = atom();
            if (at0 && !failed_ && !is_parenthesized(at0) &&
                (at0->is<List>() || at0->is<Tuple>() || at0->is<GeneratorExp>()))
                excluded = true;
            restore(s2);
        }
        if (!excluded && !failed_) {
            Expr* lhs = bitwise_or();
            if (lhs && !failed_ && accept(TokKind::Equal)) {
                Expr* rhs = bitwise_or();
                if (rhs && !failed_ && !at(TokKind::Equal) && !at(TokKind::ColonEqual)) {
                    fired = true;
                    msg = std::string("cannot assign to ") + expr_name(lhs) +
                          " here. Maybe you meant '==' instead of '='?";
                    a = lhs;
                    b = nullptr;
                }
            }
        }
    }
    --no_invalid_;
    restore(s);
    if (!fired) return nullptr;
    return b ? fail_range(a, b, msg) : fail_node(a, msg);
}

// ---------------------------------------------------------------------------------------------
// expression: lambda | disjunction ['if' disjunction 'else' expression]

Expr* Parser::expression() {
    if (at(TokKind::KwLambda)) return lambda();
    const Token& start = peek();
    if (failing_ > 0 && !no_invalid_ && check_legacy_call_start(start)) return nullptr;
    Expr* a = disjunction();
    if (!a) return nullptr;
    return expression_after_disjunction(a, start);
}

Expr* Parser::expression_no_invalid() {
    ++no_invalid_;
    Expr* e = expression();
    --no_invalid_;
    return e;
}

// Conditional expressions are right-nested (`a if b else c if d else e`); the chain is parsed
// iteratively so long chains cannot exhaust the C++ stack.
Expr* Parser::expression_after_disjunction(Expr* a, const Token& a_start) {
    struct Link {
        Expr* body;
        const Token* body_start;
        Expr* test;
    };
    std::vector<Link> chain;
    Expr* body = a;
    const Token* body_start = &a_start;
    Expr* orelse = nullptr;
    int cost = 0;
    for (;;) {
        if (!at(TokKind::KwIf)) {
            if (!no_invalid_) {
                check_forgot_comma(body, *body_start);
                if (failed_) return nullptr;
                check_legacy_print(body, *body_start);
                if (failed_) return nullptr;
            }
            if (chain.empty()) return body;
            orelse = body;
            break;
        }
        // On a plain syntax error in this link, the conditional ends before its 'if' (PEG fallback).
        Snapshot link_start = save();
        advance(); // 'if'
        Expr* test = disjunction();
        if (!test) {
            if (!backtrack(link_start)) return nullptr;
            if (chain.empty()) return body;
            orelse = body;
            break;
        }
        if (!at(TokKind::KwElse)) {
            if (!at(TokKind::Colon) && !no_invalid_)
                return fail_range(body, test, "expected 'else' after 'if' expression");
            fail_generic();
            if (!backtrack(link_start)) return nullptr;
            if (chain.empty()) return body;
            orelse = body;
            break;
        }
        advance(); // 'else'
        chain.push_back({body, body_start, test});
        depth_ += 1;
        cost += 1;
        if (depth_ > kMaxDepth) {
            depth_ -= cost;
            return fail_too_deep();
        }
        if (at(TokKind::KwLambda)) {
            orelse = lambda();
            if (!orelse) {
                depth_ -= cost;
                return nullptr;
            }
            break;
        }
        body_start = &peek();
        body = disjunction();
        if (!body) {
            if (!backtrack(link_start)) {
                depth_ -= cost;
                return nullptr;
            }
            // `x if c else <junk>`: the whole link fails; keep what came before its 'if'.
            orelse = chain.back().body;
            chain.pop_back();
            break;
        }
    }
    depth_ -= cost;
    Expr* result = orelse;
    for (size_t i = chain.size(); i-- > 0;) {
        IfExp* e = make<IfExp>(*chain[i].body_start);
        end_at_prev(e);
        e->body = chain[i].body;
        e->test = chain[i].test;
        e->orelse = result;
        result = e;
    }
    return result;
}

// invalid_expression: `!(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid`
// inside brackets -> "invalid syntax. Perhaps you forgot a comma?".
void Parser::check_forgot_comma(Expr* a, const Token& start) {
    if (!can_start_expression(kind())) return;
    if (start.kind == TokKind::Name) {
        std::string_view s = text(start);
        if (s == "match" || s == "case" || s == "_" || s == "type") return;
        size_t start_index = static_cast<size_t>(&start - tokens_.data());
        // CPython's lookahead is `NAME STRING`; an f-string start is a different token.
        if (token_at(start_index + 1).kind == TokKind::String) return;
    }
    if (auto* n = a->try_as<Name>(); n && (n->id == "print" || n->id == "exec")) return;
    Snapshot s = save();
    Expr* b = expression_no_invalid();
    bool fire = b && !failed_ && prev().paren_level > 0;
    restore(s);
    if (fire) fail_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
}

// invalid_legacy_expression: `NAME !'(' star_expressions` -> "Missing parentheses in call to
// 'print'" when NAME is print or exec. For any other NAME, CPython still parses the following
// star_expressions with its error rules on, so `a print x` reports the `print x` inside it.
bool Parser::check_legacy_print(Expr* a, const Token& start) {
    auto* n = a->try_as<Name>();
    if (!n || start.kind != TokKind::Name) return false;
    TokKind k = kind();
    if (k == TokKind::LPar || (!can_start_expression(k) && k != TokKind::Star)) return false;
    bool legacy = n->id == "print" || n->id == "exec";
    // CPython memoizes `strings` from an earlier attempt made without error rules, so nothing
    // is reported inside a string or f-string here.
    if (!legacy && (k == TokKind::String || k == TokKind::FStringStart)) return false;
    Snapshot s = save();
    if (legacy) ++no_invalid_;
    if (!legacy) ++failing_; // the statement fails anyway: CPython's error rules run in there
    Expr* b = star_expressions();
    if (!legacy) --failing_;
    if (legacy) --no_invalid_;
    bool fire = legacy && b && !failed_;
    if (!legacy && failed_ && !error_is_generic_) return true; // a nested specific error stands
    restore(s);
    if (!fire) return false;
    fail_range(a, b, "Missing parentheses in call to '" + n->id + "'. Did you mean " + n->id + "(...)?");
    return true;
}

// Inside a parse that is known to fail, CPython's invalid_legacy_expression also fires for an
// expression that merely *starts* with `print`/`exec` followed by more expression (`print - b`).
bool Parser::check_legacy_call_start(const Token& start) {
    if (start.kind != TokKind::Name) return false;
    std::string_view id = text(start);
    if (id != "print" && id != "exec") return false;
    TokKind k = kind(1);
    if (k == TokKind::LPar || (!can_start_expression(k) && k != TokKind::Star)) return false;
    Snapshot s = save();
    advance();
    ++no_invalid_;
    Expr* b = star_expressions();
    --no_invalid_;
    bool fire = b && !failed_;
    restore(s);
    if (!fire) return false;
    std::string name(id);
    fail_at(start.lineno, start.col + 1, b->end_lineno, b->end_col_offset + 1,
            "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
    return true;
}

// ---------------------------------------------------------------------------------------------
// Boolean operators and comparisons

Expr* Parser::disjunction() {
    const Token& start = peek();
    Expr* first = conjunction();
    if (!first || !at(TokKind::KwOr)) return first;
    BoolOp* b = make<BoolOp>(start);
    b->op = BoolOperator::Or;
    b->values.push_back(first);
    for (;;) {
        Snapshot s = save();
        if (!accept(TokKind::KwOr)) break;
        Expr* e = conjunction();
        if (!e) {
            if (!backtrack(s)) return nullptr;
            break;
        }
        b->values.push_back(e);
    }
    if (b->values.size() == 1) return first;
    end_at_prev(b);
    return b;
}

Expr* Parser::conjunction() {
    const Token& start = peek();
    Expr* first = inversion();
    if (!first || !at(TokKind::KwAnd)) return first;
    BoolOp* b = make<BoolOp>(start);
    b->op = BoolOperator::And;
    b->values.push_back(first);
    for (;;) {
        Snapshot s = save();
        if (!accept(TokKind::KwAnd)) break;
        Expr* e = inversion();
        if (!e) {
            if (!backtrack(s)) return nullptr;
            break;
        }
        b->values.push_back(e);
    }
    if (b->values.size() == 1) return first;
    end_at_prev(b);
    return b;
}

// inversion: 'not'* comparison (iterative).
Expr* Parser::inversion() {
    if (!at(TokKind::KwNot)) return comparison(); // the common case, without allocation
    std::vector<const Token*> nots;
    while (at(TokKind::KwNot)) nots.push_back(&advance());
    Depth depth(*this, static_cast<int>(nots.size()));
    if (!depth.ok()) return nullptr;
    Expr* e = comparison();
    if (!e) return nullptr;
    for (size_t i = nots.size(); i-- > 0;) {
        UnaryOp* u = make<UnaryOp>(*nots[i]);
        end_at_prev(u);
        u->op = UnaryOperator::Not;
        u->operand = e;
        e = u;
    }
    return e;
}

Expr* Parser::comparison() {
    const Token& start = peek();
    Expr* left = bitwise_or();
    if (!left) return nullptr;
    Compare* c = nullptr;
    for (;;) {
        CmpOperator op;
        switch (kind()) {
        case TokKind::EqEqual: op = CmpOperator::Eq; break;
        case TokKind::NotEqual: op = CmpOperator::NotEq; break;
        case TokKind::Less: op = CmpOperator::Lt; break;
        case TokKind::LessEqual: op = CmpOperator::LtE; break;
        case TokKind::Greater: op = CmpOperator::Gt; break;
        case TokKind::GreaterEqual: op = CmpOperator::GtE; break;
        case TokKind::KwIn: op = CmpOperator::In; break;
        case TokKind::KwIs: op = kind(1) == TokKind::KwNot ? CmpOperator::IsNot : CmpOperator::Is; break;
        case TokKind::KwNot:
            if (kind(1) != TokKind::KwIn) goto done;
            op = CmpOperator::NotIn;
            break;
        default: goto done;
        }
        {
            Snapshot s = save();
            advance();
            if (op == CmpOperator::IsNot || op == CmpOperator::NotIn) advance();
            Expr* right = bitwise_or();
            if (!right) {
                if (!backtrack(s)) return nullptr;
                goto done;
            }
            if (!c) {
                c = make<Compare>(start);
                c->left = left;
            }
            c->ops.push_back(op);
            c->comparators.push_back(right);
            end_at_prev(c);
        }
    }
done:
    return c ? c : left;
}

// ---------------------------------------------------------------------------------------------
// Binary operators: precedence climbing over | ^ & << >> + - * / // % @

namespace {

int binary_precedence(TokKind k, Operator* op) {
    switch (k) {
    case TokKind::VBar: *op = Operator::BitOr; return 1;
    case TokKind::Circumflex: *op = Operator::BitXor; return 2;
    case TokKind::Amper: *op = Operator::BitAnd; return 3;
    case TokKind::LeftShift: *op = Operator::LShift; return 4;
    case TokKind::RightShift: *op = Operator::RShift; return 4;
    case TokKind::Plus: *op = Operator::Add; return 5;
    case TokKind::Minus: *op = Operator::Sub; return 5;
    case TokKind::Star: *op = Operator::Mult; return 6;
    case TokKind::Slash: *op = Operator::Div; return 6;
    case TokKind::DoubleSlash: *op = Operator::FloorDiv; return 6;
    case TokKind::Percent: *op = Operator::Mod; return 6;
    case TokKind::At: *op = Operator::MatMult; return 6;
    default: return 0;
    }
}

} // namespace

Expr* Parser::binary(int min_prec) {
    const Token& start = peek();
    Expr* left = factor();
    if (!left) return nullptr;
    for (;;) {
        Operator op;
        int prec = binary_precedence(kind(), &op);
        if (prec == 0 || prec < min_prec) return left;
        Snapshot s = save();
        advance();
        Expr* right = binary(prec + 1);
        if (!right) {
            if (!backtrack(s)) return nullptr;
            return left;
        }
        BinOp* b = make<BinOp>(start);
        end_at_prev(b);
        b->left = left;
        b->op = op;
        b->right = right;
        left = b;
    }
}

// factor: ('+' | '-' | '~')* power, where power: await_primary ['**' factor]. Both the prefix
// operators and the right-associative '**' chain are handled with explicit stacks.
Expr* Parser::factor() {
    // Fast path, without allocation: no prefix operator and no '**'.
    TokKind k0 = kind();
    const Token* first_start = nullptr;
    Expr* first_base = nullptr;
    if (k0 != TokKind::Plus && k0 != TokKind::Minus && k0 != TokKind::Tilde) {
        first_start = &peek();
        first_base = power_operand();
        if (!first_base || !at(TokKind::DoubleStar)) return first_base;
    }
    struct Level {
        std::vector<const Token*> prefix; // unary operators before this operand
        const Token* base_start = nullptr;
        Expr* base = nullptr; // the await_primary
    };
    std::vector<Level> levels;
    int cost = 0;
    Expr* result = nullptr;
    Snapshot before_pow = save();
    if (first_base) {
        // The first operand was parsed by the fast path above; continue after its '**'.
        Level lv;
        lv.base_start = first_start;
        lv.base = first_base;
        levels.push_back(std::move(lv));
        before_pow = save();
        advance(); // '**'
    }
    for (;;) {
        Level lv;
        for (;;) {
            TokKind k = kind();
            if (k != TokKind::Plus && k != TokKind::Minus && k != TokKind::Tilde) break;
            lv.prefix.push_back(&advance());
        }
        cost += static_cast<int>(lv.prefix.size()) + (levels.empty() ? 0 : 2);
        depth_ += static_cast<int>(lv.prefix.size()) + (levels.empty() ? 0 : 2);
        if (depth_ > kMaxDepth) {
            depth_ -= cost;
            return fail_too_deep();
        }
        lv.base_start = &peek();
        lv.base = power_operand();
        if (!lv.base) {
            // `a ** <junk>` is `a` followed by junk (PEG fallback of `power`).
            if (levels.empty() || !backtrack(before_pow)) {
                depth_ -= cost;
                return nullptr;
            }
            break;
        }
        levels.push_back(std::move(lv));
        if (!at(TokKind::DoubleStar)) break;
        before_pow = save();
        advance();
    }
    depth_ -= cost;
    // Fold from the right: base_i ** (prefix_{i+1} (base_{i+1} ** ...)). Every node ends where
    // the whole chain ends.
    for (size_t i = levels.size(); i-- > 0;) {
        Level& lv = levels[i];
        Expr* e = lv.base;
        if (result) {
            BinOp* b = make<BinOp>(*lv.base_start);
            end_at_prev(b);
            b->left = e;
            b->op = Operator::Pow;
            b->right = result;
            e = b;
        }
        for (size_t j = lv.prefix.size(); j-- > 0;) {
            UnaryOp* u = make<UnaryOp>(*lv.prefix[j]);
            end_at_prev(u);
            TokKind k = lv.prefix[j]->kind;
            u->op = k == TokKind::Plus    ? UnaryOperator::UAdd
                    : k == TokKind::Minus ? UnaryOperator::USub
                                          : UnaryOperator::Invert;
            u->operand = e;
            e = u;
        }
        result = e;
    }
    return result;
}

// await_primary: 'await' is rejected; otherwise primary.
Expr* Parser::power_operand() {
    if (at(TokKind::KwAwait)) return unsupported(peek(), "'await' is not supported by Krait");
    return primary();
}

Expr* Parser::primary() {
    const Token& start = peek();
    Expr* e = atom();
    if (!e) return nullptr;
    return primary_tail(e, start);
}

// primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')*
Expr* Parser::primary_tail(Expr* e, const Token& start) {
    for (;;) {
        // A postfix operation that fails with a plain syntax error leaves `e` as it is.
        Snapshot s = save();
        Expr* before = e;
        switch (kind()) {
        case TokKind::Dot: {
            advance();
            if (!at(TokKind::Name)) {
                fail_generic();
                return backtrack(s) ? before : nullptr;
            }
            const Token& name = advance();
            Attribute* a = make<Attribute>(start);
            end_at(a, name);
            a->value = e;
            a->attr = ident(name);
            e = a;
            break;
        }
        case TokKind::LPar: {
            e = call(e, start);
            if (!e) return backtrack(s) ? before : nullptr;
            break;
        }
        case TokKind::LSqb: {
            Depth depth(*this, 24);
            if (!depth.ok()) return nullptr;
            advance();
            Expr* slice = slices();
            if (slice && !at(TokKind::RSqb)) fail_generic();
            if (!slice || failed_) return backtrack(s) ? before : nullptr;
            const Token& close = advance();
            Subscript* s = make<Subscript>(start);
            end_at(s, close);
            s->value = e;
            s->slice = slice;
            e = s;
            break;
        }
        default: return e;
        }
    }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::slices() {
    const Token& start = peek();
    Expr* first = at(TokKind::Star) ? star_expression() : slice_item();
    if (!first) return nullptr;
    // A lone starred expression is not a `slice`, so CPython makes a one-element tuple of it.
    if (!at(TokKind::Comma) && !first->is<Starred>()) return first;
    Tuple* t = make<Tuple>(start);
    t->elts.push_back(first);
    while (accept(TokKind::Comma)) {
        if (at(TokKind::RSqb)) break;
        Expr* e = at(TokKind::Star) ? star_expression() : slice_item();
        if (!e) return nullptr;
        t->elts.push_back(e);
    }
    end_at_prev(t);
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::slice_item() {
    const Token& start = peek();
    Expr* lower = nullptr;
    if (!at(TokKind::Colon)) {
        lower = named_expression();
        if (!lower) return nullptr;
        if (!at(TokKind::Colon)) return lower;
        if (lower->is<NamedExpr>()) return fail_generic();
    }
    advance(); // ':'
    Slice* s = make<Slice>(start);
    s->lower = lower;
    auto is_end = [&](TokKind k) { return k == TokKind::Colon || k == TokKind::Comma || k == TokKind::RSqb; };
    if (!is_end(kind())) {
        s->upper = expression();
        if (!s->upper) return nullptr;
    }
    if (accept(TokKind::Colon)) {
        if (!is_end(kind())) {
            s->step = expression();
            if (!s->step) return nullptr;
        }
    }
    end_at_prev(s);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Calls

Expr* Parser::call(Expr* func, const Token& start) {
    Depth depth(*this, 24);
    if (!depth.ok()) return nullptr;
    const Token& open = advance(); // '('
    Call* c = make<Call>(start);
    c->func = func;
    if (!arguments(c, open)) return nullptr;
    if (!at(TokKind::RPar)) return fail_generic();
    end_at(c, advance());
    return c;
}

namespace {

// The expression whose end is the end of a comprehension (its last condition, else its iter).
const Expr* last_comprehension_item(const std::vector<Comprehension*>& gens) {
    const Comprehension* last = gens.back();
    return last->ifs.empty() ? last->iter : last->ifs.back();
}

} // namespace

// Call arguments with CPython's invalid_arguments / invalid_kwarg messages.
bool Parser::arguments(Call* call, const Token& open) {
    bool seen_keyword = false;     // a `name=value` or `**mapping`
    bool seen_double_star = false; // a `**mapping`
    while (!at(TokKind::RPar)) {
        if (failed_) return false;
        const Token& start = peek();
        TokKind k = start.kind;
        if (k == TokKind::Star) {
            advance();
            Expr* v = expression();
            if (!v) return false;
            Starred* s = make<Starred>(start);
            end_at_prev(s);
            s->value = v;
            if (at(TokKind::Equal)) {
                Snapshot sn = save();
                advance();
                Expr* b = expression();
                restore(sn);
                if (b && !failed_)
                    return fail_range(s, b, "cannot assign to iterable argument unpacking"), false;
            }
            if (seen_double_star)
                return fail_token(start, "iterable argument unpacking follows keyword argument unpacking"),
                       false;
            call->args.push_back(s);
        } else if (k == TokKind::DoubleStar) {
            advance();
            Expr* v = expression();
            if (!v) return false;
            Keyword* kw = make<Keyword>(start);
            end_at_prev(kw);
            kw->value = v;
            if (at(TokKind::Equal)) {
                Snapshot sn = save();
                advance();
                Expr* b = expression();
                restore(sn);
                if (b && !failed_)
                    return fail_range(kw, b, "cannot assign to keyword argument unpacking"), false;
            }
            call->keywords.push_back(kw);
            seen_keyword = seen_double_star = true;
        } else if ((k == TokKind::Name || k == TokKind::KwTrue || k == TokKind::KwFalse ||
                    k == TokKind::KwNone) &&
                   kind(1) == TokKind::Equal) {
            const Token& name = advance();
            const Token& eq = advance();
            if (k != TokKind::Name)
                return fail_range_tokens(name, eq, "cannot assign to " + ident(name)), false;
            if (at(TokKind::Comma) || at(TokKind::RPar))
                return fail_range_tokens(name, eq, "expected argument value expression"), false;
            Expr* v = expression();
            if (!v) return false;
            if (at(TokKind::KwFor) || at(TokKind::KwAsync))
                return fail_range_tokens(name, eq,
                                         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
                       false;
            Keyword* kw = make<Keyword>(name);
            end_at_prev(kw);
            kw->arg = ident(name);
            kw->value = v;
            call->keywords.push_back(kw);
            seen_keyword = true;
        } else {
            // Positional: `assignment_expression | expression !':='` (no '=' heuristics here).
            Expr* e =
                (k == TokKind::Name && kind(1) == TokKind::ColonEqual) ? named_expression() : expression();
            if (!e) return false;
            if (at(TokKind::ColonEqual)) return fail_generic(), false;
            if (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
                if (!allow_genexp_arg_) return fail_generic(), false;
                // A generator expression argument: fine only as the sole argument.
                GeneratorExp* g = make<GeneratorExp>(e);
                g->elt = e;
                if (!comprehension_clauses(&g->generators)) return false;
                end_at_prev(g);
                bool first = call->args.empty() && call->keywords.empty();
                if (!first || at(TokKind::Comma)) {
                    return fail_range(e, last_comprehension_item(g->generators),
                                      "Generator expression must be parenthesized"),
                           false;
                }
                if (!at(TokKind::RPar)) return fail_generic(), false;
                // CPython locates a sole generator argument from '(' to ')'.
                g->lineno = open.lineno;
                g->col_offset = open.col;
                g->end_lineno = peek().end_lineno;
                g->end_col_offset = peek().end_col;
                call->args.push_back(g);
                return true;
            }
            if (at(TokKind::Equal)) {
                // invalid_kwarg: `!(NAME '=') a=expression b='='`
                return fail_range_tokens(start, peek(),
                                         "expression cannot contain assignment, perhaps you meant \"==\"?"),
                       false;
            }
            if (seen_keyword) {
                // _PyPegen_arguments_parsing_error, reported at the last token CPython fetched:
                // its rule `args ',' args` parses all the remaining arguments first.
                bool unpacking = seen_double_star;
                Snapshot sn = save();
                ++no_invalid_;
                while (accept(TokKind::Comma)) {
                    if (accept(TokKind::Star) || accept(TokKind::DoubleStar)) {
                    } else if (kind() == TokKind::Name && kind(1) == TokKind::Equal) {
                        advance();
                        advance();
                    } else if (!can_start_expression(kind())) {
                        break;
                    }
                    Expr* x = expression();
                    if (!x || failed_) break;
                }
                --no_invalid_;
                size_t far = furthest_;
                restore(sn);
                if (hard_failure()) return false;
                furthest_ = std::max(furthest_, far);
                return fail_last(unpacking ? "positional argument follows keyword argument unpacking"
                                           : "positional argument follows keyword argument"),
                       false;
            }
            call->args.push_back(e);
        }
        if (!accept(TokKind::Comma)) break;
    }
    return !failed_;
}

// ---------------------------------------------------------------------------------------------
// Atoms

Expr* Parser::atom() {
    const Token& t = peek();
    switch (t.kind) {
    case TokKind::Name: return make_name(advance());
    case TokKind::Number: return number(advance());
    case TokKind::String:
    case TokKind::FStringStart: return strings();
    case TokKind::KwNone:
    case TokKind::KwTrue:
    case TokKind::KwFalse:
    case TokKind::Ellipsis: {
        advance();
        Constant* c = make<Constant>(t);
        end_at(c, t);
        c->value_kind = t.kind == TokKind::KwNone    ? ConstantKind::None
                        : t.kind == TokKind::KwTrue  ? ConstantKind::True
                        : t.kind == TokKind::KwFalse ? ConstantKind::False
                                                     : ConstantKind::Ellipsis;
        return c;
    }
    case TokKind::LPar: return paren_atom();
    case TokKind::LSqb: return list_atom();
    case TokKind::LBrace: return brace_atom();
    case TokKind::KwAsync: return unsupported(t, "'async' is not supported by Krait");
    default: return fail_generic();
    }
}

// '(' ... ')': empty tuple, group, tuple, generator expression or parenthesised yield.
Expr* Parser::paren_atom() {
    Depth depth(*this, 28);
    if (!depth.ok()) return nullptr;
    const Token& open = advance();
    if (at(TokKind::RPar)) {
        Tuple* t = make<Tuple>(open);
        end_at(t, advance());
        return t;
    }
    if (at(TokKind::KwYield)) {
        Expr* y = yield_expr();
        if (!y) return nullptr;
        if (!at(TokKind::RPar)) return fail_generic();
        advance();
        parenthesized_.insert(y);
        return y;
    }
    if (at(TokKind::DoubleStar)) {
        // invalid_group: '(' '**' expression ')'
        const Token& ds = peek();
        Snapshot s = save();
        advance();
        Expr* e = expression();
        bool fire = e && !failed_ && at(TokKind::RPar);
        restore(s);
        if (fire) return fail_token(ds, "cannot use double starred expression here");
        return failed_ ? nullptr : fail_generic();
    }
    Expr* first = star_named_expression();
    if (!first) return nullptr;
    if (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
        if (first->is<Starred>())
            return fail_node(first, "iterable unpacking cannot be used in comprehension");
        GeneratorExp* g = make<GeneratorExp>(open);
        g->elt = first;
        if (!comprehension_clauses(&g->generators)) return nullptr;
        if (!at(TokKind::RPar)) return fail_generic();
        end_at(g, advance());
        return g;
    }
    if (at(TokKind::RPar)) {
        if (first->is<Starred>()) return fail_node(first, "cannot use starred expression here");
        advance();
        parenthesized_.insert(first);
        return first;
    }
    if (!at(TokKind::Comma)) return fail_generic();
    Tuple* t = make<Tuple>(open);
    t->elts.push_back(first);
    while (accept(TokKind::Comma)) {
        if (at(TokKind::RPar)) break;
        Expr* e = star_named_expression();
        if (!e) return nullptr;
        t->elts.push_back(e);
    }
    if (!at(TokKind::RPar)) return fail_generic();
    end_at(t, advance());
    return t;
}

// '[' ... ']': list display or list comprehension.
Expr* Parser::list_atom() {
    Depth depth(*this, 29);
    if (!depth.ok()) return nullptr;
    const Token& open = advance();
    List* l = make<List>(open);
    if (at(TokKind::RSqb)) {
        end_at(l, advance());
        return l;
    }
    Expr* first = star_named_expression();
    if (!first) return nullptr;
    if (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
        if (first->is<Starred>())
            return fail_node(first, "iterable unpacking cannot be used in comprehension");
        ListComp* lc = make<ListComp>(open);
        lc->elt = first;
        if (!comprehension_clauses(&lc->generators)) return nullptr;
        if (!at(TokKind::RSqb)) return fail_generic();
        end_at(lc, advance());
        return lc;
    }
    l->elts.push_back(first);
    while (accept(TokKind::Comma)) {
        if (at(TokKind::RSqb)) break;
        if (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
            if (l->elts.size() > 1)
                return fail_range(first, l->elts.back(),
                                  "did you forget parentheses around the comprehension target?");
            return fail_at(first->lineno, first->col_offset + 1, prev().end_lineno, prev().end_col + 1,
                           "did you forget parentheses around the comprehension target?");
        }
        Expr* e = star_named_expression();
        if (!e) return nullptr;
        l->elts.push_back(e);
    }
    if (at(TokKind::KwFor) && l->elts.size() > 1) {
        return fail_range(first, l->elts.back(),
                          "did you forget parentheses around the comprehension target?");
    }
    if (!at(TokKind::RSqb)) return fail_generic();
    end_at(l, advance());
    return l;
}

// '{' ... '}': dict, set, dict comprehension or set comprehension.
Expr* Parser::brace_atom() {
    Depth depth(*this, 29);
    if (!depth.ok()) return nullptr;
    const Token& open = advance();
    if (at(TokKind::RBrace)) {
        Dict* d = make<Dict>(open);
        end_at(d, advance());
        return d;
    }
    bool is_dict;
    Expr* first_key = nullptr;
    Expr* first_value = nullptr;
    Expr* first = nullptr;
    if (at(TokKind::DoubleStar)) {
        const Token& ds = advance();
        first_value = bitwise_or();
        if (!first_value) return nullptr;
        if (at(TokKind::KwFor) || at(TokKind::KwAsync))
            return fail_token(ds, "dict unpacking cannot be used in dict comprehension");
        is_dict = true;
    } else {
        first = star_named_expression();
        if (!first) return nullptr;
        is_dict = at(TokKind::Colon);
        if (is_dict) {
            if (first->is<Starred>() || (first->is<NamedExpr>() && !is_parenthesized(first)))
                return fail_generic();
            const Token& colon = advance();
            first_key = first;
            if (at(TokKind::Star)) {
                const Token& star = advance();
                Expr* v = bitwise_or();
                if (v) {
                    Name tmp;
                    tmp.lineno = star.lineno;
                    tmp.col_offset = star.col;
                    return fail_from(&tmp, "cannot use a starred expression in a dictionary value");
                }
                return nullptr;
            }
            if (at(TokKind::RBrace) || at(TokKind::Comma))
                return fail_token(colon, "expression expected after dictionary key and ':'");
            first_value = expression();
            if (!first_value) return nullptr;
            if (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
                DictComp* dc = make<DictComp>(open);
                dc->key = first_key;
                dc->value = first_value;
                if (!comprehension_clauses(&dc->generators)) return nullptr;
                if (!at(TokKind::RBrace)) return fail_generic();
                end_at(dc, advance());
                return dc;
            }
        }
    }
    if (!is_dict) {
        if (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
            if (first->is<Starred>())
                return fail_node(first, "iterable unpacking cannot be used in comprehension");
            SetComp* sc = make<SetComp>(open);
            sc->elt = first;
            if (!comprehension_clauses(&sc->generators)) return nullptr;
            if (!at(TokKind::RBrace)) return fail_generic();
            end_at(sc, advance());
            return sc;
        }
        Set* s = make<Set>(open);
        s->elts.push_back(first);
        while (accept(TokKind::Comma)) {
            if (at(TokKind::RBrace)) break;
            if (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
                if (s->elts.size() > 1)
                    return fail_range(first, s->elts.back(),
                                      "did you forget parentheses around the comprehension target?");
                return fail_at(first->lineno, first->col_offset + 1, prev().end_lineno, prev().end_col + 1,
                               "did you forget parentheses around the comprehension target?");
            }
            Expr* e = star_named_expression();
            if (!e) return nullptr;
            s->elts.push_back(e);
        }
        if (at(TokKind::KwFor) && s->elts.size() > 1)
            return fail_range(first, s->elts.back(),
                              "did you forget parentheses around the comprehension target?");
        if (!at(TokKind::RBrace)) return fail_generic();
        end_at(s, advance());
        return s;
    }
    Dict* d = make<Dict>(open);
    d->keys.push_back(first_key);
    d->values.push_back(first_value);
    while (accept(TokKind::Comma)) {
        if (at(TokKind::RBrace)) break;
        if (at(TokKind::DoubleStar)) {
            advance();
            Expr* v = bitwise_or();
            if (!v) return nullptr;
            d->keys.push_back(nullptr);
            d->values.push_back(v);
            continue;
        }
        Expr* k = expression();
        if (!k) return nullptr;
        if (!at(TokKind::Colon)) {
            // invalid_kvpair: located at the key's last character.
            return fail_at(k->end_lineno, k->end_col_offset, k->end_lineno, 0,
                           "':' expected after dictionary key");
        }
        const Token& colon = advance();
        if (at(TokKind::Star)) {
            const Token& star = advance();
            Expr* v = bitwise_or();
            if (v) {
                Name tmp;
                tmp.lineno = star.lineno;
                tmp.col_offset = star.col;
                return fail_from(&tmp, "cannot use a starred expression in a dictionary value");
            }
            return nullptr;
        }
        if (at(TokKind::RBrace) || at(TokKind::Comma))
            return fail_token(colon, "expression expected after dictionary key and ':'");
        Expr* v = expression();
        if (!v) return nullptr;
        d->keys.push_back(k);
        d->values.push_back(v);
    }
    if (!at(TokKind::RBrace)) return fail_generic();
    end_at(d, advance());
    return d;
}

// ---------------------------------------------------------------------------------------------
// Comprehensions, lambda, yield

// for_if_clause+: 'for' star_targets 'in' disjunction ('if' disjunction)*
bool Parser::comprehension_clauses(std::vector<Comprehension*>* out) {
    while (at(TokKind::KwFor) || at(TokKind::KwAsync)) {
        if (at(TokKind::KwAsync)) return unsupported(peek(), "'async' is not supported by Krait"), false;
        advance();
        Comprehension* c = arena_.make<Comprehension>();
        c->target = star_targets();
        if (!c->target) return false;
        if (!at(TokKind::KwIn)) return fail_generic(), false;
        advance();
        c->iter = disjunction();
        if (!c->iter) return false;
        while (at(TokKind::KwIf)) {
            advance();
            Expr* cond = disjunction();
            if (!cond) return false;
            c->ifs.push_back(cond);
        }
        out->push_back(c);
    }
    return !failed_;
}

// Targets of for loops and comprehensions: ('*'? bitwise_or) list, validated like CPython's
// invalid_for_target and converted to Store context.
Expr* Parser::star_targets() {
    const Token& start = peek();
    auto one = [&]() -> Expr* {
        if (at(TokKind::Star)) {
            const Token& star = advance();
            Expr* v = bitwise_or();
            if (!v) return nullptr;
            Starred* s = make<Starred>(star);
            end_at_prev(s);
            s->value = v;
            return s;
        }
        return bitwise_or();
    };
    Expr* first = one();
    if (!first) return nullptr;
    Expr* result = first;
    if (at(TokKind::Comma)) {
        Tuple* t = make<Tuple>(start);
        t->elts.push_back(first);
        while (accept(TokKind::Comma)) {
            TokKind k = kind();
            if (!can_start_expression(k) && k != TokKind::Star) break;
            Expr* e = one();
            if (!e) return nullptr;
            t->elts.push_back(e);
        }
        end_at_prev(t);
        result = t;
    }
    if (invalid_target(result, TargetsType::For)) return fail_invalid_target(result, TargetsType::For);
    set_context(result, ExprContext::Store);
    return result;
}

Expr* Parser::lambda() {
    Depth depth(*this, 2);
    if (!depth.ok()) return nullptr;
    const Token& kw = advance(); // 'lambda'
    Arguments* args = lambda_params();
    if (!args) return nullptr;
    if (!at(TokKind::Colon)) return fail_generic();
    const Token& colon = advance();
    // invalid_expression: a lambda inside an f-string replacement field without parentheses
    // (its ':' started the format spec).
    if (at(TokKind::FStringMiddle))
        return fail_range_tokens(kw, colon,
                                 "f-string: lambda expressions are not allowed without parentheses");
    Expr* body = expression();
    if (!body) return nullptr;
    Lambda* l = make<Lambda>(kw);
    end_at_prev(l);
    l->args = args;
    l->body = body;
    return l;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yield_expr() {
    const Token& kw = advance();
    if (accept(TokKind::KwFrom)) {
        Expr* v = expression();
        if (!v) return nullptr;
        YieldFrom* y = make<YieldFrom>(kw);
        end_at_prev(y);
        y->value = v;
        return y;
    }
    Yield* y = make<Yield>(kw);
    end_at(y, kw);
    TokKind k = kind();
    if (can_start_expression(k) || k == TokKind::Star) {
        y->value = star_expressions();
        if (!y->value) return nullptr;
        end_at_prev(y);
    }
    return y;
}

// eval input: expression (',' expression)* [',']
Expr* Parser::expressions() {
    const Token& start = peek();
    Expr* first = expression();
    if (!first || !at(TokKind::Comma)) return first;
    Tuple* t = make<Tuple>(start);
    t->elts.push_back(first);
    while (accept(TokKind::Comma)) {
        if (!can_start_expression(kind())) break;
        Expr* e = expression();
        if (!e) return nullptr;
        t->elts.push_back(e);
    }
    end_at_prev(t);
    return t;
}

// ---------------------------------------------------------------------------------------------
// Targets

// CPython's _PyPegen_get_invalid_target(): the first sub-expression that cannot be assigned to
// (or deleted), or nullptr if `e` is a valid target.
const Expr* Parser::invalid_target(const Expr* e, TargetsType type) {
    switch (e->kind) {
    case ExprKind::List:
        for (const Expr* x : e->as<List>()->elts)
            if (const Expr* bad = invalid_target(x, type)) return bad;
        return nullptr;
    case ExprKind::Tuple:
        for (const Expr* x : e->as<Tuple>()->elts)
            if (const Expr* bad = invalid_target(x, type)) return bad;
        return nullptr;
    case ExprKind::Starred:
        if (type == TargetsType::Del) return e;
        return invalid_target(e->as<Starred>()->value, type);
    case ExprKind::Compare:
        if (type == TargetsType::For) {
            const Compare* c = e->as<Compare>();
            if (c->ops[0] == CmpOperator::In) return invalid_target(c->left, type);
            return nullptr;
        }
        return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute: return nullptr;
    default: return e;
    }
}

// CPython's _PyPegen_get_expr_name().
const char* Parser::expr_name(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
        switch (e->as<Constant>()->value_kind) {
        case ConstantKind::None: return "None";
        case ConstantKind::False: return "False";
        case ConstantKind::True: return "True";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

std::nullptr_t Parser::fail_invalid_target(const Expr* e, TargetsType type) {
    const Expr* bad = invalid_target(e, type);
    if (!bad) return fail_generic();
    const char* verb = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
    return fail_node(bad, std::string(verb) + expr_name(bad));
}

void Parser::set_context(Expr* e, ExprContext ctx) {
    switch (e->kind) {
    case ExprKind::Name: e->as<Name>()->ctx = ctx; break;
    case ExprKind::Attribute: e->as<Attribute>()->ctx = ctx; break;
    case ExprKind::Subscript: e->as<Subscript>()->ctx = ctx; break;
    case ExprKind::Starred: {
        Starred* s = e->as<Starred>();
        s->ctx = ctx;
        set_context(s->value, ctx);
        break;
    }
    case ExprKind::List: {
        List* l = e->as<List>();
        l->ctx = ctx;
        for (Expr* x : l->elts) set_context(x, ctx);
        break;
    }
    case ExprKind::Tuple: {
        Tuple* t = e->as<Tuple>();
        t->ctx = ctx;
        for (Expr* x : t->elts) set_context(x, ctx);
        break;
    }
    default: break;
    }
}

} // namespace krait::parse_detail
