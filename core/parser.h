// Krait's parser: Python 3.12 source -> ast (core/ast.h), or a CPython-identical SyntaxError.
//
// The public API is the two functions below; the compiler and the runtime use them. The rest of
// this header is the parser's internal class, shared by parser.cpp (tokens, errors, literals and
// f-strings), parser_expr.cpp (expressions) and parser_stmt.cpp (statements); nothing outside those
// files should use it.
//
// It is a hand-written recursive-descent parser over the token vector produced by
// core/tokenizer.h. Where CPython's PEG grammar reports a specialised error ("invalid_*" rules,
// tried only after a first failed pass), this parser checks the same condition at the point where
// it has the information, often by re-parsing a few tokens speculatively (save()/restore()), so
// that messages and locations match CPython's for the common cases. Recursion is bounded by a
// level budget modelled on CPython's (MemoryError "Parser stack overflowed ..."), and long
// chains (unary operators, 'not', conditional expressions, '**') are parsed iteratively.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ast.h"
#include "syntax_error.h"
#include "tokenizer.h"

namespace krait {

struct ParseResult {
    std::unique_ptr<AstArena> arena;       // owns every node below
    ast::Module* module = nullptr;         // parse_module(): the tree, null on error
    ast::Expression* expression = nullptr; // parse_expression(): the tree, null on error
    SyntaxErrorInfo error;                 // set when both are null
    // SyntaxWarnings CPython would print, by line, also when the parse fails (print them first):
    // see format_syntax_warning() in syntax_error.h.
    std::vector<SyntaxWarningInfo> warnings;

    bool ok() const { return module != nullptr || expression != nullptr; }
};

// "exec" mode: a whole file. `source_bytes` is the raw file content (any newline convention,
// optional BOM and coding cookie); `filename` is used in error messages.
ParseResult parse_module(std::string_view source_bytes, const std::string& filename);

// "eval" mode: one expression (blank lines around it allowed), as compile(src, f, "eval") parses.
// The eval() builtin strips leading spaces and tabs from its string before that; do it first.
ParseResult parse_expression(std::string_view source, const std::string& filename);

// ------------------------------------------------------------------------------------------------
// Internal: the parser class (see the file comment).

namespace parse_detail {

// What a target is being validated for (CPython's TARGETS_TYPE).
enum class TargetsType { Star, Del, For };

class Parser {
public:
    Parser(TokenStream& ts, AstArena& arena);

    ast::Module* file_input();
    ast::Expression* eval_input();
    // The error to report: the parser's, or a tokenizer error that CPython lets win over it.
    SyntaxErrorInfo final_error() const;
    bool failed() const { return failed_; }
    std::vector<SyntaxWarningInfo>& warnings() { return ts_.warnings; }

private:
    // ---- tokens (parser.cpp) -------------------------------------------------------------------
    // Looks k tokens ahead. Reaching the tokenizer's Error token reports its error.
    const Token& peek(size_t k = 0) {
        size_t i = pos_ + k;
        if (i >= tokens_.size()) i = tokens_.size() - 1;
        if (i > furthest_) {
            furthest_ = i;
            if (i > fetched_max_) fetched_max_ = i;
        }
        const Token& t = tokens_[i];
        if (t.kind == TokKind::Error) reach_error_token();
        return t;
    }
    void reach_error_token();
    TokKind kind(size_t k = 0) { return peek(k).kind; }
    bool at(TokKind k) { return kind() == k; }
    const Token& advance();
    const Token* accept(TokKind k);
    const Token& prev() const { return tokens_[pos_ == 0 ? 0 : pos_ - 1]; }
    const Token& token_at(size_t i) const { return tokens_[i < tokens_.size() ? i : tokens_.size() - 1]; }
    std::string_view text(const Token& t) const { return ts_.text(t); }
    // A Name token's identifier, with the NFKC folding CPython applies (partially: see .cpp).
    std::string ident(const Token& t) const;
    bool at_name(const char* soft_keyword); // a Name token spelled soft_keyword
    bool can_start_expression(TokKind k) const;

    // ---- errors (parser.cpp) -------------------------------------------------------------------
    // All return nullptr so a parse function can `return fail_...(...)`. Only the first error counts.
    std::nullptr_t fail_generic(); // "invalid syntax" at the furthest token looked at
    std::nullptr_t fail_token(const Token& t, const std::string& msg, const char* type = "SyntaxError");
    std::nullptr_t fail_node(const ast::Located* a, const std::string& msg, const char* type = "SyntaxError");
    std::nullptr_t fail_range(const ast::Located* a, const ast::Located* b, const std::string& msg);
    std::nullptr_t fail_range_tokens(const Token& a, const Token& b, const std::string& msg);
    std::nullptr_t fail_from(const ast::Located* a, const std::string& msg); // a .. tokenizer cursor
    std::nullptr_t fail_last(const std::string& msg,
                             const char* type = "SyntaxError"); // CPython's RAISE_SYNTAX_ERROR
    std::nullptr_t fail_at(int lineno, int col1, int end_lineno, int end_col1, const std::string& msg,
                           const char* type = "SyntaxError");
    std::nullptr_t fail_too_deep();
    void warn(const std::string& msg, int lineno) { ts_.warnings.push_back({msg, lineno}); }

    struct Snapshot {
        size_t pos, furthest, warnings;
    };
    Snapshot save() const { return {pos_, furthest_, ts_.warnings.size()}; }
    // Rewinds after a speculative parse. Errors found while speculating are dropped, except the
    // tokenizer's and MemoryError, which CPython reports whatever the parser was trying.
    void restore(const Snapshot& s);
    bool hard_failure() const { return failed_ && (error_is_tokenizer_ || error_is_memory_); }
    // After a plain "invalid syntax" failure (not a specific message), rewinds to `s` so that the
    // caller keeps what it parsed before, as a PEG parser falls back to a shorter alternative
    // (`a + <junk>` is `a`). The furthest token seen is kept for the final error location.
    // Returns false, changing nothing, for any other failure.
    bool backtrack(const Snapshot& s);

    // Level budget (CPython's MAXSTACK = 6000); `cost` approximates how many of CPython's rule
    // levels a construct uses so that the limits fall where CPython's do.
    class Depth {
    public:
        Depth(Parser& p, int cost) : p_(p), cost_(cost) { p_.depth_ += cost; }
        ~Depth() { p_.depth_ -= cost_; }
        bool ok() { return p_.depth_ <= kMaxDepth || (p_.fail_too_deep(), false); }

    private:
        Parser& p_;
        int cost_;
    };
    static constexpr int kMaxDepth = 6000;

    // ---- node helpers (parser.cpp) -------------------------------------------------------------
    template <class T>
    T* make(const Token& start) {
        T* n = arena_.make<T>();
        n->lineno = start.lineno;
        n->col_offset = start.col;
        return n;
    }
    template <class T>
    T* make(const ast::Located* start) {
        T* n = arena_.make<T>();
        n->lineno = start->lineno;
        n->col_offset = start->col_offset;
        return n;
    }
    static void end_at(ast::Located* n, const Token& t) {
        n->end_lineno = t.end_lineno;
        n->end_col_offset = t.end_col;
    }
    static void end_at(ast::Located* n, const ast::Located* e) {
        n->end_lineno = e->end_lineno;
        n->end_col_offset = e->end_col_offset;
    }
    void end_at_prev(ast::Located* n) { end_at(n, prev()); }
    ast::Name* make_name(const Token& t, ast::ExprContext ctx = ast::ExprContext::Load);
    ast::Arguments* empty_arguments() { return arena_.make<ast::Arguments>(); }

    // ---- literals (parser.cpp) -----------------------------------------------------------------
    ast::Expr* number(const Token& t);
    ast::Expr* strings(); // one or more adjacent STRING / f-string literals
    ast::Expr* fstring(); // FSTRING_START ... FSTRING_END -> JoinedStr
    ast::Expr* fstring_replacement_field();
    ast::Expr* fstring_format_spec(const Token& colon);
    bool decode_string_token(const Token& t, std::string* out, bool* is_bytes, bool* is_u);
    bool decode_escapes(const Token& t, std::string_view body, bool is_bytes, std::string* out);
    ast::Constant* fstring_middle(const Token& t, bool raw);
    ast::Expr* concatenate(std::vector<ast::Expr*>& parts, const Token& first, const Token& last);

    // ---- expressions (parser_expr.cpp) ---------------------------------------------------------
    ast::Expr* star_expressions();      // a, *b, c  -> Tuple (or single)
    ast::Expr* star_expression();       // *bitwise_or | expression
    ast::Expr* star_named_expression(); // *bitwise_or | named_expression
    ast::Expr* named_expression();      // NAME := expression | expression
    ast::Expr* expression();            // lambda | disjunction [if disjunction else expression]
    ast::Expr* expression_no_invalid(); // expression without the error heuristics
    ast::Expr* disjunction();
    ast::Expr* conjunction();
    ast::Expr* inversion();
    ast::Expr* comparison();
    ast::Expr* bitwise_or() { return binary(0); }
    ast::Expr* binary(int min_prec);
    ast::Expr* factor();
    ast::Expr* power_operand(); // await_primary
    ast::Expr* primary();
    ast::Expr* primary_tail(ast::Expr* e, const Token& start);
    ast::Expr* atom();
    ast::Expr* paren_atom();
    ast::Expr* list_atom();
    ast::Expr* brace_atom();
    ast::Expr* slices();
    ast::Expr* slice_item();
    ast::Expr* call(ast::Expr* func, const Token& start);
    bool arguments(ast::Call* call, const Token& open);
    ast::Expr* lambda();
    ast::Arguments* lambda_params();
    ast::Expr* yield_expr();
    bool comprehension_clauses(std::vector<ast::Comprehension*>* out);
    ast::Expr* star_targets(); // for-loop / comprehension targets
    ast::Expr* expressions();  // eval input: expression (',' expression)* [',']
    ast::Expr* expression_after_disjunction(ast::Expr* a, const Token& start);

    // Targets (parser_expr.cpp).
    static const ast::Expr* invalid_target(const ast::Expr* e, TargetsType type);
    static const char* expr_name(const ast::Expr* e);
    std::nullptr_t fail_invalid_target(const ast::Expr* e, TargetsType type);
    void set_context(ast::Expr* e, ast::ExprContext ctx);
    bool is_parenthesized(const ast::Expr* e) const { return parenthesized_.count(e) != 0; }

    // Error heuristics (parser_expr.cpp).
    void check_forgot_comma(ast::Expr* a, const Token& start);
    bool check_legacy_print(ast::Expr* a, const Token& start);
    bool check_legacy_call_start(const Token& start);
    std::nullptr_t check_named_expression_errors(size_t start_pos);

    // ---- statements (parser_stmt.cpp) ----------------------------------------------------------
    bool statements(std::vector<ast::Stmt*>* out, bool until_dedent);
    bool statement(std::vector<ast::Stmt*>* out);
    bool simple_stmts(std::vector<ast::Stmt*>* out);
    ast::Stmt* simple_stmt();
    ast::Stmt* expression_statement();
    ast::Stmt* assignment_rest(ast::Expr* first, const Token& start, size_t start_pos);
    ast::Stmt* annotated_rest(ast::Expr* target, const Token& start);
    std::nullptr_t invalid_assignment(size_t start_pos, const std::vector<ast::Expr*>& targets);
    ast::Stmt* return_stmt();
    ast::Stmt* raise_stmt();
    ast::Stmt* global_stmt(bool is_global);
    ast::Stmt* del_stmt();
    ast::Stmt* assert_stmt();
    ast::Stmt* import_name();
    ast::Stmt* import_from();
    ast::Stmt* compound_stmt();
    ast::Stmt* if_stmt(bool is_elif);
    ast::Stmt* while_stmt();
    ast::Stmt* for_stmt();
    ast::Stmt* with_stmt();
    ast::Stmt* try_stmt();
    ast::Stmt* function_def(std::vector<ast::Expr*>* decorators);
    ast::Stmt* class_def(std::vector<ast::Expr*>* decorators);
    ast::Stmt* decorated();
    ast::Arguments* parameters();
    ast::Arguments* parameter_list(bool is_lambda);
    bool block(std::vector<ast::Stmt*>* out, const Token& owner, const char* what);
    bool else_block(std::vector<ast::Stmt*>* out);
    template <class T>
    void end_at_body(T* s, const std::vector<ast::Stmt*>& body);
    std::nullptr_t unsupported(const Token& t, const std::string& msg);
    bool looks_like_match_statement();
    bool looks_like_type_params();

    // ---- state -----------------------------------------------------------------------------------
    TokenStream& ts_;
    AstArena& arena_;
    const std::vector<Token>& tokens_;
    size_t pos_ = 0;
    size_t furthest_ = 0;
    size_t fetched_max_ = 0; // furthest token ever looked at, speculation included
    int depth_ = 0;
    bool failed_ = false;
    bool error_is_tokenizer_ = false;
    bool error_is_memory_ = false;
    bool error_is_generic_ = false; // "invalid syntax" from fail_generic()
    bool error_is_indent_ = false;  // "unexpected indent/unindent" (never replaced by the tokenizer's)
    int no_invalid_ = 0;            // > 0: skip error heuristics (CPython's expression_without_invalid)
    int failing_ = 0;               // > 0: inside a speculative parse of a statement known to fail
    bool allow_genexp_arg_ = true;  // false for class bases: `class A(x for x in y)` is invalid
    SyntaxErrorInfo error_;
    std::unordered_set<const ast::Expr*> parenthesized_; // expressions written as ( expr )
};

} // namespace parse_detail

} // namespace krait
