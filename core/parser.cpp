// Parser infrastructure: entry points, token access, error reporting (with CPython's rules for
// which error wins), and literals: numbers, strings with escapes, implicit concatenation and
// f-strings (PEP 701 token stream -> JoinedStr / FormattedValue).
#include "parser.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace krait {

using namespace ast;

namespace {

// The tokenizer runs ahead of the parser, so its warnings come first; CPython interleaves them in
// source order.
std::vector<SyntaxWarningInfo> sorted_warnings(std::vector<SyntaxWarningInfo>& w) {
    std::stable_sort(w.begin(), w.end(), [](const SyntaxWarningInfo& a, const SyntaxWarningInfo& b) {
        return a.lineno < b.lineno;
    });
    return std::move(w);
}

} // namespace

ParseResult parse_module(std::string_view source_bytes, const std::string& filename) {
    ParseResult r;
    r.arena = std::make_unique<AstArena>();
    TokenStream ts = tokenize(source_bytes, filename);
    parse_detail::Parser p(ts, *r.arena);
    r.module = p.file_input();
    if (!r.module) r.error = p.final_error();
    r.warnings = sorted_warnings(p.warnings());
    return r;
}

ParseResult parse_expression(std::string_view source, const std::string& filename) {
    ParseResult r;
    r.arena = std::make_unique<AstArena>();
    TokenStream ts = tokenize(source, filename);
    parse_detail::Parser p(ts, *r.arena);
    r.expression = p.eval_input();
    if (!r.expression) r.error = p.final_error();
    r.warnings = sorted_warnings(p.warnings());
    return r;
}

namespace parse_detail {

Parser::Parser(TokenStream& ts, AstArena& arena) : ts_(ts), arena_(arena), tokens_(ts.tokens) {}

// ---------------------------------------------------------------------------------------------
// Tokens

// CPython raises the tokenizer's error as soon as the parser fetches the bad token.
void Parser::reach_error_token() {
    if (failed_ && !error_is_generic_) return; // a raised error stands; a soft one is replaced
    failed_ = true;
    error_is_tokenizer_ = true;
    error_is_generic_ = false;
    error_is_indent_ = false;
    error_ = ts_.error;
}

const Token& Parser::advance() {
    const Token& t = peek();
    if (pos_ + 1 < tokens_.size() && t.kind != TokKind::Error) ++pos_;
    return t;
}

const Token* Parser::accept(TokKind k) {
    if (kind() != k) return nullptr;
    return &advance();
}

bool Parser::at_name(const char* soft_keyword) {
    const Token& t = peek();
    return t.kind == TokKind::Name && text(t) == soft_keyword;
}

bool Parser::can_start_expression(TokKind k) const {
    switch (k) {
    case TokKind::Name:
    case TokKind::Number:
    case TokKind::String:
    case TokKind::FStringStart:
    case TokKind::LPar:
    case TokKind::LSqb:
    case TokKind::LBrace:
    case TokKind::Minus:
    case TokKind::Plus:
    case TokKind::Tilde:
    case TokKind::Ellipsis:
    case TokKind::KwNot:
    case TokKind::KwLambda:
    case TokKind::KwAwait:
    case TokKind::KwNone:
    case TokKind::KwTrue:
    case TokKind::KwFalse: return true;
    default: return false;
    }
}

// CPython NFKC-normalises non-ASCII identifiers. Krait has no Unicode tables; it folds the
// compatibility characters most likely to appear in code: fullwidth ASCII, the micro sign,
// ordinal indicators, long s and the Latin ligatures.
std::string Parser::ident(const Token& t) const {
    std::string_view s = text(t);
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(s);
    std::string out;
    for (size_t i = 0; i < s.size();) {
        int len = 1;
        uint32_t cp = utf8_decode(s, i, &len);
        i += static_cast<size_t>(len);
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            out += static_cast<char>(cp - 0xFF01 + 0x21);
        } else if (cp == 0xB5) {
            utf8_append(out, 0x3BC);
        } else if (cp == 0xAA || cp == 0xBA) {
            out += cp == 0xAA ? 'a' : 'o';
        } else if (cp == 0x17F) {
            out += 's';
        } else if (cp >= 0xFB00 && cp <= 0xFB06) {
            static const char* const lig[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
            out += lig[cp - 0xFB00];
        } else {
            utf8_append(out, cp);
        }
    }
    return out;
}

Name* Parser::make_name(const Token& t, ExprContext ctx) {
    Name* n = make<Name>(t);
    end_at(n, t);
    n->id = ident(t);
    n->ctx = ctx;
    return n;
}

// ---------------------------------------------------------------------------------------------
// Errors

std::nullptr_t Parser::fail_at(int lineno, int col1, int end_lineno, int end_col1, const std::string& msg,
                               const char* type) {
    if (failed_) return nullptr;
    failed_ = true;
    error_is_generic_ = false;
    error_is_indent_ = false;
    error_ = ts_.make_error(type, msg, lineno, col1, end_lineno, end_col1);
    return nullptr;
}

// CPython's _PyPegen_raise_error() with a token: cols + 1, and Indent/Dedent/EndMarker (col -1)
// located at the tokenizer's cursor.
std::nullptr_t Parser::fail_token(const Token& t, const std::string& msg, const char* type) {
    if (t.col < 0) return fail_at(t.lineno, t.cursor_col, t.end_lineno, -1, msg, type);
    return fail_at(t.lineno, t.col + 1, t.end_lineno, t.end_col + 1, msg, type);
}

std::nullptr_t Parser::fail_last(const std::string& msg, const char* type) {
    return fail_token(token_at(furthest_), msg, type);
}

std::nullptr_t Parser::fail_generic() {
    if (failed_) return nullptr;
    const Token& t = token_at(furthest_);
    bool indent = t.kind == TokKind::Indent || t.kind == TokKind::Dedent;
    if (t.kind == TokKind::Indent)
        fail_token(t, "unexpected indent", "IndentationError");
    else if (t.kind == TokKind::Dedent)
        fail_token(t, "unexpected unindent", "IndentationError");
    else
        fail_token(t, "invalid syntax");
    error_is_generic_ = true;
    error_is_indent_ = indent;
    return nullptr;
}

bool Parser::backtrack(const Snapshot& s) {
    if (!failed_ || !error_is_generic_ || hard_failure()) return false;
    pos_ = s.pos;
    failed_ = false;
    ts_.warnings.resize(s.warnings);
    return true;
}

std::nullptr_t Parser::fail_node(const Located* a, const std::string& msg, const char* type) {
    return fail_at(a->lineno, a->col_offset + 1, a->end_lineno, a->end_col_offset + 1, msg, type);
}

std::nullptr_t Parser::fail_range(const Located* a, const Located* b, const std::string& msg) {
    return fail_at(a->lineno, a->col_offset + 1, b->end_lineno, b->end_col_offset + 1, msg);
}

std::nullptr_t Parser::fail_range_tokens(const Token& a, const Token& b, const std::string& msg) {
    return fail_at(a.lineno, a.col + 1, b.end_lineno, b.end_col + 1, msg);
}

// RAISE_SYNTAX_ERROR_STARTING_FROM: from `a` to the tokenizer's cursor (the end of the furthest
// token fetched).
std::nullptr_t Parser::fail_from(const Located* a, const std::string& msg) {
    const Token& t = token_at(furthest_);
    int end_col = t.col < 0 ? t.cursor_col : t.end_col;
    return fail_at(a->lineno, a->col_offset + 1, t.end_lineno, end_col, msg);
}

std::nullptr_t Parser::fail_too_deep() {
    if (failed_ && (error_is_memory_ || error_is_tokenizer_)) return nullptr;
    failed_ = true;
    error_is_memory_ = true;
    error_ = SyntaxErrorInfo{};
    error_.type = "MemoryError";
    error_.msg = "Parser stack overflowed - Python source too complex to parse";
    error_.filename = ts_.filename;
    return nullptr;
}

void Parser::restore(const Snapshot& s) {
    if (hard_failure()) return;
    pos_ = s.pos;
    furthest_ = s.furthest;
    failed_ = false;
    ts_.warnings.resize(s.warnings);
}

SyntaxErrorInfo Parser::final_error() const {
    if (!failed_) return error_;
    if (error_is_tokenizer_ || error_is_memory_ || error_is_indent_ || ts_.ok()) return error_;
    // CPython tokenizes the rest of the file after a parser error: an error the tokenizer raises
    // as an exception wins; otherwise an unclosed bracket opened before the error line does.
    // Neither happens when the tokenizer stopped inside an f-string.
    if (ts_.error_in_fstring) return error_;
    if (ts_.error_is_exception) return ts_.error;
    // CPython compares with the line of the last token its parser fetched, lookaheads included.
    int err_line = token_at(fetched_max_).lineno;
    if (ts_.unclosed_char && err_line > ts_.unclosed_line) {
        std::string msg = std::string("'") + ts_.unclosed_char + "' was never closed";
        return ts_.make_error("SyntaxError", msg, ts_.unclosed_line, ts_.unclosed_col + 1, ts_.unclosed_line,
                              0, false);
    }
    return error_;
}

// ---------------------------------------------------------------------------------------------
// Entry points

Module* Parser::file_input() {
    Module* m = arena_.make<Module>();
    if (!statements(&m->body, false)) return failed_ ? nullptr : fail_generic();
    if (!at(TokKind::EndMarker)) return failed_ ? nullptr : fail_generic();
    return failed_ ? nullptr : m;
}

Expression* Parser::eval_input() {
    Expression* e = arena_.make<Expression>();
    e->body = expressions();
    if (!e->body) return failed_ ? nullptr : fail_generic();
    while (accept(TokKind::Newline)) {}
    if (!at(TokKind::EndMarker)) return failed_ ? nullptr : fail_generic();
    return failed_ ? nullptr : e;
}

// ---------------------------------------------------------------------------------------------
// Numbers

Expr* Parser::number(const Token& t) {
    std::string_view s = text(t);
    Constant* c = make<Constant>(t);
    end_at(c, t);
    std::string clean;
    clean.reserve(s.size());
    for (char ch : s)
        if (ch != '_') clean += ch;
    char last = clean.back();
    bool is_hex = clean.size() > 1 && clean[0] == '0' && (clean[1] == 'x' || clean[1] == 'X');
    if (last == 'j' || last == 'J') {
        clean.pop_back();
        c->value_kind = ConstantKind::Imaginary;
        c->float_value = std::strtod(clean.c_str(), nullptr);
        return c;
    }
    if (!is_hex && clean.find_first_of(".eE") != std::string::npos) {
        c->value_kind = ConstantKind::Float;
        c->float_value = std::strtod(clean.c_str(), nullptr);
        return c;
    }
    c->value_kind = ConstantKind::Int;
    int base = 10;
    size_t first = 0;
    if (clean.size() > 1 && clean[0] == '0') {
        char p = static_cast<char>(clean[1] | 0x20);
        if (p == 'x') base = 16, first = 2;
        if (p == 'o') base = 8, first = 2;
        if (p == 'b') base = 2, first = 2;
    }
    c->int_base = base;
    c->int_digits = clean.substr(first);
    uint64_t v = 0;
    bool fits = true;
    for (char ch : c->int_digits) {
        unsigned d =
            ch <= '9' ? static_cast<unsigned>(ch - '0') : static_cast<unsigned>((ch | 0x20) - 'a' + 10);
        if (v > (static_cast<uint64_t>(INT64_MAX) - d) / static_cast<uint64_t>(base)) {
            fits = false;
            break;
        }
        v = v * static_cast<uint64_t>(base) + d;
    }
    c->int_fits = fits;
    c->int_value = fits ? static_cast<int64_t>(v) : 0;
    return c;
}

// ---------------------------------------------------------------------------------------------
// Strings

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

// Processes the escapes of a non-raw literal body (CPython's decode_unicode_with_escapes and
// _PyBytes_DecodeEscape). Unknown escapes are kept with a SyntaxWarning, as in 3.12.
bool Parser::decode_escapes(const Token& t, std::string_view body, bool is_bytes, std::string* out) {
    out->reserve(body.size());
    char buf[200];
    // Like CPython, only the first invalid escape of a literal is warned about.
    bool warned = false;
    auto warn_once = [&](const std::string& msg) {
        if (!warned) warn(msg, t.lineno);
        warned = true;
    };
    for (size_t i = 0; i < body.size();) {
        char c = body[i];
        if (c != '\\') {
            size_t j = body.find('\\', i);
            if (j == std::string_view::npos) j = body.size();
            out->append(body.substr(i, j - i));
            i = j;
            continue;
        }
        size_t start = i;
        if (i + 1 >= body.size()) {
            // A lone trailing backslash can only come from an f-string middle ("\{" cases).
            out->push_back('\\');
            ++i;
            continue;
        }
        char e = body[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\\': out->push_back('\\'); break;
        case '\'': out->push_back('\''); break;
        case '"': out->push_back('"'); break;
        case 'a': out->push_back('\a'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'v': out->push_back('\v'); break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            unsigned v = static_cast<unsigned>(e - '0');
            int n = 1;
            while (n < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7') {
                v = v * 8 + static_cast<unsigned>(body[i] - '0');
                ++i;
                ++n;
            }
            if (v > 0377) {
                std::snprintf(buf, sizeof buf, "invalid octal escape sequence '\\%.3s'",
                              std::string(body.substr(start + 1, 3)).c_str());
                warn_once(buf);
            }
            if (is_bytes)
                out->push_back(static_cast<char>(v & 0xFF));
            else
                utf8_append(*out, v);
            break;
        }
        case 'x': {
            int h1 = i < body.size() ? hex_value(body[i]) : -1;
            int h2 = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
            if (h1 < 0 || h2 < 0) {
                if (is_bytes) {
                    std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %d",
                                  static_cast<int>(start));
                } else {
                    size_t end = h1 < 0 ? start + 1 : start + 2;
                    std::snprintf(
                        buf, sizeof buf,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                        "truncated \\xXX escape",
                        static_cast<int>(start), static_cast<int>(end));
                }
                fail_token(t, buf);
                return false;
            }
            unsigned v = static_cast<unsigned>(h1 * 16 + h2);
            i += 2;
            if (is_bytes)
                out->push_back(static_cast<char>(v));
            else
                utf8_append(*out, v);
            break;
        }
        case 'u':
        case 'U':
        case 'N': {
            if (is_bytes) {
                std::snprintf(buf, sizeof buf, "invalid escape sequence '\\%c'", e);
                warn_once(buf);
                out->push_back('\\');
                out->push_back(e);
                break;
            }
            if (e == 'N') {
                fail_token(t, "(unicode error) \\N{...} escapes are not supported");
                return false;
            }
            int digits = e == 'u' ? 4 : 8;
            uint32_t v = 0;
            int n = 0;
            while (n < digits && i < body.size() && hex_value(body[i]) >= 0) {
                v = v * 16 + static_cast<uint32_t>(hex_value(body[i]));
                ++i;
                ++n;
            }
            if (n < digits) {
                std::snprintf(buf, sizeof buf,
                              "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                              "truncated \\%s escape",
                              static_cast<int>(start), static_cast<int>(start + 1 + n),
                              e == 'u' ? "uXXXX" : "UXXXXXXXX");
                fail_token(t, buf);
                return false;
            }
            if (v > 0x10FFFF) {
                std::snprintf(buf, sizeof buf,
                              "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                              "illegal Unicode character",
                              static_cast<int>(start), static_cast<int>(start + 1 + n));
                fail_token(t, buf);
                return false;
            }
            utf8_append(*out, v);
            break;
        }
        default: {
            // Unknown escape: kept as is, with a warning naming the first character after '\'.
            int len = 1;
            uint32_t cp = utf8_decode(body, i - 1, &len);
            std::string ch;
            if (cp < 0x80 && cp >= 0x20 && cp < 0x7F)
                ch = std::string(1, static_cast<char>(cp));
            else if (cp <= 0xFF)
                (std::snprintf(buf, sizeof buf, "x%02x", cp), ch = buf);
            else
                utf8_append(ch, cp);
            warn_once("invalid escape sequence '\\" + ch + "'");
            out->push_back('\\');
            out->append(body.substr(i - 1, static_cast<size_t>(len)));
            i += static_cast<size_t>(len) - 1;
            break;
        }
        }
    }
    return true;
}

// Decodes one STRING token: prefix letters, quotes, then the body (raw or with escapes).
bool Parser::decode_string_token(const Token& t, std::string* out, bool* is_bytes, bool* is_u) {
    std::string_view s = text(t);
    bool raw = false;
    *is_bytes = false;
    *is_u = false;
    size_t i = 0;
    for (; i < s.size() && s[i] != '"' && s[i] != '\''; ++i) {
        char c = static_cast<char>(s[i] | 0x20);
        if (c == 'r') raw = true;
        if (c == 'b') *is_bytes = true;
        if (s[i] == 'u') *is_u = true; // CPython only marks a lowercase 'u' prefix as kind='u'
    }
    size_t q = (s.size() - i >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    std::string_view body = s.substr(i + q, s.size() - i - 2 * q);
    if (*is_bytes) {
        for (char c : body) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                fail_token(t, "bytes can only contain ASCII literal characters");
                return false;
            }
        }
    }
    if (raw) {
        out->assign(body);
        return true;
    }
    return decode_escapes(t, body, *is_bytes, out);
}

Constant* Parser::fstring_middle(const Token& t, bool raw) {
    Constant* c = make<Constant>(t);
    end_at(c, t);
    c->value_kind = ConstantKind::Str;
    std::string_view body = text(t);
    if (raw || body.find('\\') == std::string_view::npos) {
        c->str_value.assign(body);
    } else if (!decode_escapes(t, body, false, &c->str_value)) {
        return nullptr;
    }
    return c;
}

// strings: (STRING | fstring)+ with CPython's concatenation rules.
Expr* Parser::strings() {
    const Token& first = peek();
    std::vector<Expr*> parts;
    while (at(TokKind::String) || at(TokKind::FStringStart)) {
        if (at(TokKind::String)) {
            const Token& t = advance();
            Constant* c = make<Constant>(t);
            end_at(c, t);
            bool is_bytes, is_u;
            if (!decode_string_token(t, &c->str_value, &is_bytes, &is_u)) return nullptr;
            c->value_kind = is_bytes ? ConstantKind::Bytes : ConstantKind::Str;
            c->has_u_prefix = is_u;
            parts.push_back(c);
        } else {
            Expr* f = fstring();
            if (!f) return nullptr;
            parts.push_back(f);
        }
    }
    if (failed_) return nullptr;
    return concatenate(parts, first, prev());
}

// CPython's _PyPegen_concatenate_strings().
Expr* Parser::concatenate(std::vector<Expr*>& parts, const Token& first, const Token& last) {
    bool fstring_found = false, unicode_found = false, bytes_found = false;
    for (Expr* e : parts) {
        if (auto* c = e->try_as<Constant>()) {
            (c->value_kind == ConstantKind::Bytes ? bytes_found : unicode_found) = true;
        } else {
            fstring_found = true;
        }
    }
    if ((unicode_found || fstring_found) && bytes_found)
        return fail_last("cannot mix bytes and nonbytes literals");
    if (bytes_found || (!fstring_found && parts.size() == 1)) {
        if (parts.size() == 1) return parts[0];
        Constant* c = make<Constant>(first);
        end_at(c, last);
        c->value_kind = parts[0]->as<Constant>()->value_kind;
        c->has_u_prefix = parts[0]->as<Constant>()->has_u_prefix;
        for (Expr* e : parts) c->str_value += e->as<Constant>()->str_value;
        return c;
    }
    // Flatten the f-strings' parts, then fold runs of constants; empty ones disappear when an
    // f-string is involved.
    std::vector<Expr*> flat;
    for (Expr* e : parts) {
        if (auto* j = e->try_as<JoinedStr>())
            flat.insert(flat.end(), j->values.begin(), j->values.end());
        else
            flat.push_back(e);
    }
    std::vector<Expr*> values;
    for (size_t i = 0; i < flat.size(); ++i) {
        Expr* e = flat[i];
        if (auto* c = e->try_as<Constant>()) {
            if (i + 1 < flat.size() && flat[i + 1]->is<Constant>()) {
                Constant* merged = make<Constant>(c);
                merged->value_kind = ConstantKind::Str;
                merged->has_u_prefix = c->has_u_prefix;
                size_t j = i;
                for (; j < flat.size() && flat[j]->is<Constant>(); ++j) {
                    merged->str_value += flat[j]->as<Constant>()->str_value;
                    end_at(merged, flat[j]);
                }
                i = j - 1;
                c = merged;
                e = merged;
            }
            if (fstring_found && c->str_value.empty()) continue;
        }
        values.push_back(e);
    }
    if (!fstring_found) return values[0];
    JoinedStr* js = make<JoinedStr>(first);
    end_at(js, last);
    js->values = std::move(values);
    return js;
}

// fstring: FSTRING_START (FSTRING_MIDDLE | replacement_field)* FSTRING_END
Expr* Parser::fstring() {
    const Token& start = advance();
    std::string_view prefix = text(start);
    bool raw = prefix.find_first_of("rR") != std::string_view::npos;
    // Literal parts are decoded once the f-string is complete, as CPython's _PyPegen_joined_str does.
    struct Part {
        const Token* middle;
        Expr* field;
    };
    std::vector<Part> items;
    for (;;) {
        if (failed_) return nullptr;
        TokKind k = kind();
        if (k == TokKind::FStringEnd) break;
        if (k == TokKind::FStringMiddle) {
            items.push_back({&advance(), nullptr});
            continue;
        }
        if (k == TokKind::LBrace) {
            Expr* f = fstring_replacement_field();
            if (!f) return nullptr;
            items.push_back({nullptr, f});
            continue;
        }
        return fail_generic();
    }
    const Token& end = advance();
    JoinedStr* js = make<JoinedStr>(start);
    end_at(js, end);
    // Empty literal parts are dropped; a debug "x=" text arrives as a JoinedStr and is unpacked.
    for (const Part& item : items) {
        if (item.middle) {
            Constant* c = fstring_middle(*item.middle, raw);
            if (!c) return nullptr;
            if (!c->str_value.empty()) js->values.push_back(c);
        } else if (auto* j = item.field->try_as<JoinedStr>()) {
            for (Expr* v : j->values) js->values.push_back(v);
        } else {
            js->values.push_back(item.field);
        }
    }
    return js;
}

// '{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' format_spec*] '}', with CPython's
// invalid_replacement_field messages.
Expr* Parser::fstring_replacement_field() {
    Depth depth(*this, 15);
    if (!depth.ok()) return nullptr;
    const Token& open = advance(); // '{'
    TokKind k = kind();
    if (k == TokKind::Equal || k == TokKind::Exclamation || k == TokKind::Colon || k == TokKind::RBrace) {
        return fail_token(peek(), std::string("f-string: valid expression required before '") +
                                      token_kind_spelling(k) + "'");
    }
    Expr* value = nullptr;
    if (k == TokKind::KwYield) {
        value = yield_expr();
    } else {
        if (!can_start_expression(k) && k != TokKind::Star)
            return fail_token(peek(), "f-string: expecting a valid expression after '{'");
        value = star_expressions();
    }
    if (!value) return nullptr;
    const Token* debug = accept(TokKind::Equal);
    k = kind();
    if (!debug && k != TokKind::Exclamation && k != TokKind::Colon && k != TokKind::RBrace)
        return fail_token(peek(), "f-string: expecting '=', or '!', or ':', or '}'");
    if (debug && k != TokKind::Exclamation && k != TokKind::Colon && k != TokKind::RBrace)
        return fail_token(peek(), "f-string: expecting '!', or ':', or '}'");
    // Text of the expression for the "=" form: everything from after '{' up to the '!', ':' or '}'.
    uint32_t text_end = peek().start;
    int conversion = -1;
    const Token* conv_token = nullptr;
    if (const Token* bang = accept(TokKind::Exclamation)) {
        TokKind nk = kind();
        if (nk == TokKind::Colon || nk == TokKind::RBrace)
            return fail_token(peek(), "f-string: missing conversion character");
        if (nk != TokKind::Name && !is_keyword(nk))
            return fail_token(peek(), "f-string: invalid conversion character");
        const Token& conv = advance();
        if (conv.lineno != bang->lineno || conv.col != bang->end_col)
            return fail_range_tokens(
                *bang, conv, "f-string: conversion type must come right after the exclamanation mark");
        std::string_view name = text(conv);
        if (name.size() != 1 || (name[0] != 's' && name[0] != 'r' && name[0] != 'a')) {
            return fail_token(conv, "f-string: invalid conversion character '" + std::string(name) +
                                        "': expected 's', 'r', or 'a'");
        }
        conversion = name[0];
        conv_token = &conv;
        if (!at(TokKind::Colon) && !at(TokKind::RBrace))
            return fail_token(peek(), "f-string: expecting ':' or '}'");
    }
    Expr* spec = nullptr;
    if (const Token* colon = accept(TokKind::Colon)) {
        spec = fstring_format_spec(*colon);
        if (!spec) return nullptr;
        if (!at(TokKind::RBrace)) return fail_token(peek(), "f-string: expecting '}', or format specs");
    }
    if (!at(TokKind::RBrace)) return fail_token(peek(), "f-string: expecting '}'");
    const Token& close = advance();
    FormattedValue* fv = make<FormattedValue>(open);
    end_at(fv, close);
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = spec;
    if (!debug) return fv;
    if (conversion < 0 && !spec) fv->conversion = 'r';
    Constant* dtext = make<Constant>(open);
    dtext->col_offset += 1;
    dtext->value_kind = ConstantKind::Str;
    dtext->str_value = ts_.source.substr(open.end, text_end - open.end);
    // CPython ends the debug text one column before the conversion, the format spec's ':' or
    // the closing '}'.
    if (conv_token) {
        dtext->end_lineno = conv_token->lineno;
        dtext->end_col_offset = conv_token->col - 1;
    } else if (spec) {
        dtext->end_lineno = spec->lineno;
        dtext->end_col_offset = spec->col_offset;
    } else {
        dtext->end_lineno = close.end_lineno;
        dtext->end_col_offset = close.end_col - 1;
    }
    JoinedStr* js = make<JoinedStr>(open);
    end_at(js, close);
    js->values = {dtext, fv};
    return js;
}

// The format spec after ':' : literal parts (escapes always processed, as CPython does) and
// nested replacement fields. A spec made of one empty literal becomes an empty JoinedStr.
Expr* Parser::fstring_format_spec(const Token& colon) {
    JoinedStr* js = make<JoinedStr>(colon);
    end_at(js, colon);
    for (;;) {
        if (failed_) return nullptr;
        if (at(TokKind::FStringMiddle)) {
            Constant* c = fstring_middle(advance(), false);
            if (!c) return nullptr;
            js->values.push_back(c);
            end_at(js, prev());
        } else if (at(TokKind::LBrace)) {
            Expr* f = fstring_replacement_field();
            if (!f) return nullptr;
            if (auto* inner = f->try_as<JoinedStr>())
                js->values.insert(js->values.end(), inner->values.begin(), inner->values.end());
            else
                js->values.push_back(f);
            end_at(js, prev());
        } else {
            break;
        }
    }
    if (js->values.size() == 1) {
        if (auto* c = js->values[0]->try_as<Constant>(); c && c->str_value.empty()) js->values.clear();
    }
    return js;
}

} // namespace parse_detail

} // namespace krait
