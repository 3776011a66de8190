// Krait's tokenizer: source bytes -> a vector of tokens, modelled closely on CPython 3.12's
// Parser/tokenizer.c (same tokens, same positions, same error messages and locations).
//
// Used by the parser (core/parser*.cpp) and by tests. The whole file is tokenized up front; the
// token vector ends with EndMarker, or with an Error token standing where the tokenizer gave up.
// The parser reports that error when it reaches the Error token; TokenStream records how the error
// competes with a parser error found earlier (CPython re-tokenizes the rest of the file after a
// parser error and lets some tokenizer errors win).
//
// f-strings follow PEP 701 (3.12): FStringStart, FStringMiddle (literal text, escapes not yet
// processed), the tokens of each replacement field between '{' and '}', then FStringEnd.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax_error.h"

namespace krait {

// X(kind, spelling): spelling is the operator/keyword text, "" for the other kinds.
#define KRAIT_TOKEN_KINDS(X)                                                                                 \
    X(EndMarker, "")                                                                                         \
    X(Name, "")                                                                                              \
    X(Number, "")                                                                                            \
    X(String, "")                                                                                            \
    X(Newline, "")                                                                                           \
    X(Indent, "")                                                                                            \
    X(Dedent, "")                                                                                            \
    X(FStringStart, "")                                                                                      \
    X(FStringMiddle, "")                                                                                     \
    X(FStringEnd, "")                                                                                        \
    X(LPar, "(")                                                                                             \
    X(RPar, ")")                                                                                             \
    X(LSqb, "[")                                                                                             \
    X(RSqb, "]")                                                                                             \
    X(Colon, ":")                                                                                            \
    X(Comma, ",")                                                                                            \
    X(Semi, ";")                                                                                             \
    X(Plus, "+")                                                                                             \
    X(Minus, "-")                                                                                            \
    X(Star, "*")                                                                                             \
    X(Slash, "/")                                                                                            \
    X(VBar, "|")                                                                                             \
    X(Amper, "&")                                                                                            \
    X(Less, "<")                                                                                             \
    X(Greater, ">")                                                                                          \
    X(Equal, "=")                                                                                            \
    X(Dot, ".")                                                                                              \
    X(Percent, "%")                                                                                          \
    X(LBrace, "{")                                                                                           \
    X(RBrace, "}")                                                                                           \
    X(EqEqual, "==")                                                                                         \
    X(NotEqual, "!=")                                                                                        \
    X(LessGreater, "<>")                                                                                     \
    X(LessEqual, "<=")                                                                                       \
    X(GreaterEqual, ">=")                                                                                    \
    X(Tilde, "~")                                                                                            \
    X(Circumflex, "^")                                                                                       \
    X(LeftShift, "<<")                                                                                       \
    X(RightShift, ">>")                                                                                      \
    X(DoubleStar, "**")                                                                                      \
    X(PlusEqual, "+=")                                                                                       \
    X(MinEqual, "-=")                                                                                        \
    X(StarEqual, "*=")                                                                                       \
    X(SlashEqual, "/=")                                                                                      \
    X(PercentEqual, "%=")                                                                                    \
    X(AmperEqual, "&=")                                                                                      \
    X(VBarEqual, "|=")                                                                                       \
    X(CircumflexEqual, "^=")                                                                                 \
    X(LeftShiftEqual, "<<=")                                                                                 \
    X(RightShiftEqual, ">>=")                                                                                \
    X(DoubleStarEqual, "**=")                                                                                \
    X(DoubleSlash, "//")                                                                                     \
    X(DoubleSlashEqual, "//=")                                                                               \
    X(At, "@")                                                                                               \
    X(AtEqual, "@=")                                                                                         \
    X(RArrow, "->")                                                                                          \
    X(Ellipsis, "...")                                                                                       \
    X(ColonEqual, ":=")                                                                                      \
    X(Exclamation, "!")                                                                                      \
    X(Unknown, "")                                                                                           \
    X(KwFalse, "False")                                                                                      \
    X(KwNone, "None")                                                                                        \
    X(KwTrue, "True")                                                                                        \
    X(KwAnd, "and")                                                                                          \
    X(KwAs, "as")                                                                                            \
    X(KwAssert, "assert")                                                                                    \
    X(KwAsync, "async")                                                                                      \
    X(KwAwait, "await")                                                                                      \
    X(KwBreak, "break")                                                                                      \
    X(KwClass, "class")                                                                                      \
    X(KwContinue, "continue")                                                                                \
    X(KwDef, "def")                                                                                          \
    X(KwDel, "del")                                                                                          \
    X(KwElif, "elif")                                                                                        \
    X(KwElse, "else")                                                                                        \
    X(KwExcept, "except")                                                                                    \
    X(KwFinally, "finally")                                                                                  \
    X(KwFor, "for")                                                                                          \
    X(KwFrom, "from")                                                                                        \
    X(KwGlobal, "global")                                                                                    \
    X(KwIf, "if")                                                                                            \
    X(KwImport, "import")                                                                                    \
    X(KwIn, "in")                                                                                            \
    X(KwIs, "is")                                                                                            \
    X(KwLambda, "lambda")                                                                                    \
    X(KwNonlocal, "nonlocal")                                                                                \
    X(KwNot, "not")                                                                                          \
    X(KwOr, "or")                                                                                            \
    X(KwPass, "pass")                                                                                        \
    X(KwRaise, "raise")                                                                                      \
    X(KwReturn, "return")                                                                                    \
    X(KwTry, "try")                                                                                          \
    X(KwWhile, "while")                                                                                      \
    X(KwWith, "with")                                                                                        \
    X(KwYield, "yield")                                                                                      \
    X(Error, "")

#define KRAIT_TOKEN_ENUM_ENTRY(kind, spelling) kind,
// Unknown: a character no token starts with ('$', '?', '`'); the parser never accepts it.
// LessGreater: '<>', which CPython tokenizes but rejects outside "Barry as FLUFL" mode.
// Error: sentinel ending the stream where the tokenizer failed (see TokenStream::error).
enum class TokKind : uint8_t { KRAIT_TOKEN_KINDS(KRAIT_TOKEN_ENUM_ENTRY) };
#undef KRAIT_TOKEN_ENUM_ENTRY

// "NAME"-style debug name of a kind ("LPar", "KwIf", ...).
const char* token_kind_name(TokKind k);
// The operator or keyword text ("(", "if"), or "" for kinds without a fixed spelling.
const char* token_kind_spelling(TokKind k);
inline bool is_keyword(TokKind k) {
    return k >= TokKind::KwFalse && k <= TokKind::KwYield;
}

// One token. Positions follow CPython: 1-based lines, 0-based byte columns, end exclusive.
// Indent, Dedent and EndMarker have col == end_col == -1 like CPython's; for them
// `cursor_col` is the byte column the tokenizer had reached on `lineno` when it produced the
// token, which is where CPython points errors reported at such tokens (0 at end of file, where
// CPython's file reader has emptied its line buffer). Krait reproduces CPython's *file* mode
// (running a script), whose error columns differ slightly from compile()'s string mode.
struct Token {
    TokKind kind = TokKind::EndMarker;
    uint32_t start = 0; // byte range [start, end) in TokenStream::source
    uint32_t end = 0;
    int32_t lineno = 0;
    int32_t col = 0;
    int32_t end_lineno = 0;
    int32_t end_col = 0;
    int32_t cursor_col = 0;
    int32_t paren_level = 0; // bracket nesting level after this token (CPython's token->level)
};

// A SyntaxWarning the tokenizer or parser wants printed (e.g. "invalid escape sequence '\d'").
struct SyntaxWarningInfo {
    std::string msg;
    int lineno = 0;
};

struct TokenStream {
    std::string filename;
    std::string source;                // decoded UTF-8, newlines normalised to '\n', no BOM
    std::vector<uint32_t> line_starts; // byte offset of line N at index N-1
    std::vector<Token> tokens;         // ends with EndMarker or Error
    std::vector<SyntaxWarningInfo> warnings;

    // Set when tokens.back().kind == TokKind::Error: the error to report if the parser reaches it.
    SyntaxErrorInfo error;
    // True when CPython would have raised this error as an exception inside the tokenizer; such
    // errors win over a parser error found earlier in the file. The others (bad dedent, tabs,
    // too deep, EOF, bad line continuation) lose to it, except that an unclosed bracket opened on
    // a line before the parser error's line is reported instead (see unclosed_* below).
    bool error_is_exception = false;
    // The error happened inside an f-string; CPython then keeps an earlier parser error.
    bool error_in_fstring = false;
    // Bracket still open when the tokenizer stopped (char 0: none): its char, line and byte col.
    char unclosed_char = 0;
    int unclosed_line = 0;
    int unclosed_col = 0;
    // The source was rejected before tokenizing (encoding, null byte): tokens is just [Error].
    bool decode_failed = false;
    // A coding cookie or BOM was present. CPython converts parser error columns from bytes to
    // characters only then (tok->encoding != NULL); a BOM also stays in line 1's error text.
    bool has_encoding = false;
    bool bom = false;

    bool ok() const { return tokens.empty() || tokens.back().kind != TokKind::Error; }
    std::string_view text(const Token& t) const {
        return std::string_view(source).substr(t.start, t.end - t.start);
    }
    int line_count() const { return static_cast<int>(line_starts.size()); }
    // The text of line `lineno` (1-based) without its newline; "" when out of range.
    std::string_view line_text(int lineno) const;
    // The line as CPython re-reads it from the file for an error message (BOM kept on line 1).
    std::string error_line_text(int lineno) const;
    // Builds a SyntaxErrorInfo the way CPython's _PyPegen_raise_error_known_location() does:
    // `col1`/`end_col1` are 1-based *byte* offsets into line `lineno` (values <= 0 are kept as
    // they are, meaning "none"), converted to character offsets using line `lineno` only.
    SyntaxErrorInfo make_error(const std::string& type, const std::string& msg, int lineno, int col1,
                               int end_lineno, int end_col1, bool text_with_newline = true) const;
};

// Decodes and tokenizes a whole source file.
TokenStream tokenize(std::string_view source_bytes, const std::string& filename);

// ---- character classes shared with the parser and ast::dump ----------------------------------

// Decodes one UTF-8 sequence at s[i]; returns the code point and sets `len` (1 on invalid input).
uint32_t utf8_decode(std::string_view s, size_t i, int* len);
void utf8_append(std::string& out, uint32_t cp);
// Approximations of Python's str.isprintable() and identifier classes for non-ASCII code points
// (Krait carries no Unicode database): letters of all scripts are identifier characters;
// spaces, controls, format characters, private use, punctuation and symbol blocks are not.
bool unicode_is_printable(uint32_t cp);
bool unicode_is_xid_start(uint32_t cp);
bool unicode_is_xid_continue(uint32_t cp);

} // namespace krait
