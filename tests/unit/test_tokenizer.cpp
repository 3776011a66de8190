// Unit tests of core/tokenizer.h: token streams, layout tokens (NEWLINE/INDENT/DEDENT), literals,
// f-string tokens, source decoding, and the tokenizer's errors with CPython 3.12's messages and
// locations. Parser-level behaviour is covered by test_parser.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tokenizer.h"

using namespace krait;
using namespace std::string_literals;

namespace {

// "Kind:text" per token (layout tokens without text), Error as "Error".
std::vector<std::string> kinds(const std::string& src) {
    TokenStream ts = tokenize(src, "prog.py");
    std::vector<std::string> out;
    for (const Token& t : ts.tokens) {
        std::string k = token_kind_name(t.kind);
        switch (t.kind) {
        case TokKind::Name:
        case TokKind::Number:
        case TokKind::String:
        case TokKind::FStringStart:
        case TokKind::FStringMiddle:
        case TokKind::FStringEnd:
            k += ':';
            k.append(ts.text(t));
            break;
        default: break;
        }
        out.push_back(k);
    }
    return out;
}

using V = std::vector<std::string>;

// The error a source stops the tokenizer with (empty type when it tokenizes completely).
SyntaxErrorInfo tok_error(const std::string& src) {
    TokenStream ts = tokenize(src, "prog.py");
    return ts.ok() ? SyntaxErrorInfo{} : ts.error;
}

} // namespace

TEST_CASE("tokenizer: simple statement", "[tokenizer]") {
    CHECK(kinds("x = 1 + foo(2)\n") == V{"Name:x", "Equal", "Number:1", "Plus", "Name:foo", "LPar",
                                         "Number:2", "RPar", "Newline", "EndMarker"});
}

TEST_CASE("tokenizer: keywords, soft keywords and operators", "[tokenizer]") {
    CHECK(kinds("if not a is None: match = type\n") == V{"KwIf", "KwNot", "Name:a", "KwIs", "KwNone", "Colon",
                                                         "Name:match", "Equal", "Name:type", "Newline",
                                                         "EndMarker"});
    CHECK(kinds("a **= b // c -> d := e ... != <<= >>= @= <>\n") ==
          V{"Name:a", "DoubleStarEqual", "Name:b", "DoubleSlash", "Name:c", "RArrow", "Name:d", "ColonEqual",
            "Name:e", "Ellipsis", "NotEqual", "LeftShiftEqual", "RightShiftEqual", "AtEqual", "LessGreater",
            "Newline", "EndMarker"});
    CHECK(kinds("a $ b\n") == V{"Name:a", "Unknown", "Name:b", "Newline", "EndMarker"});
}

TEST_CASE("tokenizer: token positions follow CPython", "[tokenizer]") {
    TokenStream ts = tokenize("if x:\n    yy = 'é'  # c\n", "prog.py");
    REQUIRE(ts.ok());
    const Token& yy = ts.tokens[5];
    CHECK(ts.text(yy) == "yy");
    CHECK((yy.lineno == 2 && yy.col == 4 && yy.end_lineno == 2 && yy.end_col == 6));
    const Token& s = ts.tokens[7];
    CHECK(s.kind == TokKind::String);
    CHECK((s.col == 9 && s.end_col == 13)); // UTF-8 byte columns
    const Token& nl = ts.tokens[8];
    CHECK(nl.kind == TokKind::Newline);
    CHECK((nl.col == 15 && nl.end_col == 19)); // a NEWLINE after a comment starts at the '#'
}

TEST_CASE("tokenizer: indentation", "[tokenizer]") {
    CHECK(kinds("if a:\n    b\n    if c:\n        d\ne\n") ==
          V{"KwIf", "Name:a", "Colon", "Newline", "Indent", "Name:b", "Newline", "KwIf", "Name:c", "Colon",
            "Newline", "Indent", "Name:d", "Newline", "Dedent", "Dedent", "Name:e", "Newline", "EndMarker"});
    // Blank lines and comment-only lines do not matter; dedents are flushed at the end of input.
    CHECK(kinds("if a:\n\n  # x\n    b\n\n") ==
          V{"KwIf", "Name:a", "Colon", "Newline", "Indent", "Name:b", "Newline", "Dedent", "EndMarker"});
    // Tabs advance to multiples of 8; a form feed resets the column.
    CHECK(kinds("if a:\n\tb\n\tc\n") == V{"KwIf", "Name:a", "Colon", "Newline", "Indent", "Name:b", "Newline",
                                          "Name:c", "Newline", "Dedent", "EndMarker"});
    CHECK(kinds("\x0cx\n") == V{"Name:x", "Newline", "EndMarker"});
}

TEST_CASE("tokenizer: implicit and explicit line joining", "[tokenizer]") {
    CHECK(kinds("x = (1,\n   2)\n") ==
          V{"Name:x", "Equal", "LPar", "Number:1", "Comma", "Number:2", "RPar", "Newline", "EndMarker"});
    CHECK(kinds("x = 1 + \\\n  2\n") ==
          V{"Name:x", "Equal", "Number:1", "Plus", "Number:2", "Newline", "EndMarker"});
    // Indentation inside brackets is ignored.
    CHECK(kinds("f(a,\nb)\n") ==
          V{"Name:f", "LPar", "Name:a", "Comma", "Name:b", "RPar", "Newline", "EndMarker"});
}

TEST_CASE("tokenizer: source decoding", "[tokenizer]") {
    // CRLF and CR become LF; a final newline is implied.
    CHECK(kinds("a\r\nb\rc") ==
          V{"Name:a", "Newline", "Name:b", "Newline", "Name:c", "Newline", "EndMarker"});
    // A UTF-8 BOM is skipped.
    CHECK(kinds("\xEF\xBB\xBFx\n") == V{"Name:x", "Newline", "EndMarker"});
    // latin-1 sources are transcoded to UTF-8.
    TokenStream ts = tokenize("# -*- coding: latin-1 -*-\ns = '\xE9'\n", "prog.py");
    REQUIRE(ts.ok());
    CHECK(ts.text(ts.tokens[2]) == "'\xC3\xA9'");
    CHECK(kinds("").size() == 1);
    CHECK(kinds("# only a comment") == V{"EndMarker"});
}

TEST_CASE("tokenizer: numbers", "[tokenizer]") {
    CHECK(kinds("0 00 0_0 1_000 0xFF_ff 0o17 0b1_0 1.5 1. .5 1e10 1E-5 1_0.0_1e1_0 3j 1.5J 09.5\n") ==
          V{"Number:0", "Number:00", "Number:0_0", "Number:1_000", "Number:0xFF_ff", "Number:0o17",
            "Number:0b1_0", "Number:1.5", "Number:1.", "Number:.5", "Number:1e10", "Number:1E-5",
            "Number:1_0.0_1e1_0", "Number:3j", "Number:1.5J", "Number:09.5", "Newline", "EndMarker"});
    // A number directly followed by a keyword that may follow it is split, with a warning.
    TokenStream ts = tokenize("x = 1if y else 2\n", "prog.py");
    REQUIRE(ts.ok());
    CHECK(ts.tokens[2].kind == TokKind::Number);
    CHECK(ts.tokens[3].kind == TokKind::KwIf);
    REQUIRE(ts.warnings.size() == 1);
    CHECK(ts.warnings[0].msg == "invalid decimal literal");
}

TEST_CASE("tokenizer: number errors", "[tokenizer]") {
    struct Case {
        const char* src;
        const char* msg;
        int offset, end_offset;
    };
    const Case cases[] = {
        {"x = 0777\n",
         "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
         5, 6},
        {"x = 1__0\n", "invalid decimal literal", 6, 6},
        {"x = 0x\n", "invalid hexadecimal literal", 6, 6},
        {"x = 1_\n", "invalid decimal literal", 6, 6},
        {"x = 1e\n", "invalid decimal literal", 5, 5},
        {"x = 0b12\n", "invalid digit '2' in binary literal", 8, 8},
        {"x = 0o8\n", "invalid digit '8' in octal literal", 7, 7},
        {"x = 1.5j3\n", "invalid imaginary literal", 8, 8},
        {"x = 1abc\n", "invalid decimal literal", 5, 5},
    };
    for (const Case& c : cases) {
        INFO(c.src);
        SyntaxErrorInfo e = tok_error(c.src);
        CHECK(e.type == "SyntaxError");
        CHECK(e.msg == c.msg);
        CHECK(e.lineno == 1);
        CHECK(e.offset == c.offset);
        CHECK(e.end_offset == c.end_offset);
    }
}

TEST_CASE("tokenizer: strings", "[tokenizer]") {
    CHECK(kinds("'a' \"b\" '''c\n''' r'\\n' b'x' Rb\"y\" u'z' 'it\\'s'\n") ==
          V{"String:'a'", "String:\"b\"", "String:'''c\n'''", "String:r'\\n'", "String:b'x'",
            "String:Rb\"y\"", "String:u'z'", "String:'it\\'s'", "Newline", "EndMarker"});
    // Prefixes CPython does not accept are names.
    CHECK(kinds("ub'x'\n") == V{"Name:ub", "String:'x'", "Newline", "EndMarker"});
}

TEST_CASE("tokenizer: f-strings (PEP 701)", "[tokenizer]") {
    CHECK(kinds("f\"a{x!r:>{w}}b{{c}}\"\n") ==
          V{"FStringStart:f\"", "FStringMiddle:a", "LBrace", "Name:x", "Exclamation", "Name:r", "Colon",
            "FStringMiddle:>", "LBrace", "Name:w", "RBrace", "FStringMiddle:", "RBrace", "FStringMiddle:b{",
            "FStringMiddle:c}", "FStringEnd:\"", "Newline", "EndMarker"});
    // Quotes can be reused inside replacement fields.
    CHECK(kinds("f\"{x[\"k\"]}\"\n") == V{"FStringStart:f\"", "LBrace", "Name:x", "LSqb", "String:\"k\"",
                                          "RSqb", "RBrace", "FStringEnd:\"", "Newline", "EndMarker"});
    // ':' inside brackets does not start a format spec; ':=' at the top does.
    CHECK(kinds("f'{a[1:2]}'\n") == V{"FStringStart:f'", "LBrace", "Name:a", "LSqb", "Number:1", "Colon",
                                      "Number:2", "RSqb", "RBrace", "FStringEnd:'", "Newline", "EndMarker"});
}

TEST_CASE("tokenizer: string errors", "[tokenizer]") {
    SyntaxErrorInfo e = tok_error("x = \"abc\n");
    CHECK(e.msg == "unterminated string literal (detected at line 1)");
    CHECK((e.lineno == 1 && e.offset == 5));
    e = tok_error("x = \"\"\"abc\n\ny = 1\n");
    CHECK(e.msg == "unterminated triple-quoted string literal (detected at line 3)");
    CHECK((e.lineno == 1 && e.offset == 5));
    e = tok_error("x = f\"abc\n");
    CHECK(e.msg == "unterminated f-string literal (detected at line 1)");
    CHECK(e.offset == 5);
    e = tok_error("f\"{x\"\n");
    CHECK(e.msg == "f-string: expecting '}'");
    e = tok_error("f\"}\"\n");
    CHECK(e.msg == "f-string: single '}' is not allowed");
}

TEST_CASE("tokenizer: bracket errors", "[tokenizer]") {
    SyntaxErrorInfo e = tok_error(")\n");
    CHECK(e.msg == "unmatched ')'");
    e = tok_error("x = [1, 2)\n");
    CHECK(e.msg == "closing parenthesis ')' does not match opening parenthesis '['");
    CHECK(e.offset == 10);
    e = tok_error("x = (1,\n2]\n");
    CHECK(e.msg == "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    CHECK(e.lineno == 2);
    TokenStream ts = tokenize("x = (1 +\n", "prog.py");
    CHECK(!ts.ok());
    CHECK(ts.error.msg == "'(' was never closed");
    CHECK((ts.error.lineno == 1 && ts.error.offset == 5));
    CHECK_FALSE(ts.error_is_exception); // an unclosed bracket can lose to an earlier parser error
    CHECK(tok_error("x = " + std::string(201, '(') + "\n").msg == "too many nested parentheses");
    CHECK(tok_error("x = " + std::string(10000, '[') + "\n").msg == "too many nested parentheses");
}

TEST_CASE("tokenizer: indentation errors", "[tokenizer]") {
    SyntaxErrorInfo e = tok_error("if x:\n    a\n  b\n");
    CHECK(e.type == "IndentationError");
    CHECK(e.msg == "unindent does not match any outer indentation level");
    CHECK((e.lineno == 3 && e.offset == 4));
    e = tok_error("if x:\n\ty\n        z\n");
    CHECK(e.type == "TabError");
    CHECK(e.msg == "inconsistent use of tabs and spaces in indentation");
    std::string deep;
    for (int i = 0; i < 101; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    e = tok_error(deep + std::string(101, ' ') + "pass\n");
    CHECK(e.type == "IndentationError");
    CHECK(e.msg == "too many levels of indentation");
    CHECK(e.lineno == 101);
}

TEST_CASE("tokenizer: character and encoding errors", "[tokenizer]") {
    SyntaxErrorInfo e = tok_error("x = \xE2\x82\xAC\n");
    CHECK(e.msg == "invalid character '\xE2\x82\xAC' (U+20AC)");
    CHECK(e.offset == 5);
    e = tok_error("x = a\xC2\xA0"
                  "b\n");
    CHECK(e.msg == "invalid non-printable character U+00A0");
    CHECK(e.offset == 6);
    CHECK(tok_error("x = \x01\n").msg == "invalid non-printable character U+0001");
    e = tok_error("x = 1\ny = \"\xFF\"\n");
    CHECK(e.msg ==
          "Non-UTF-8 code starting with '\\xff' in file prog.py on line 2, but no encoding declared; see "
          "https://peps.python.org/pep-0263/ for details");
    CHECK(e.lineno == 0); // printed without a location
    e = tok_error("x = 1\ny = 2\0\n"s);
    CHECK(e.msg == "source code cannot contain null bytes");
    CHECK(e.lineno == 2);
    CHECK(tok_error("# coding: foo\n").msg == "encoding problem: foo");
    CHECK(tok_error("\xEF\xBB\xBF# coding: latin-1\n").msg == "encoding problem: iso-8859-1 with BOM");
    e = tok_error("x = 1 \\ 2\n");
    CHECK(e.msg == "unexpected character after line continuation character");
    CHECK(e.offset == 8);
    e = tok_error("x = 1 \\");
    CHECK(e.msg == "unexpected EOF while parsing");
}

TEST_CASE("tokenizer: unicode identifiers and character classes", "[tokenizer]") {
    CHECK(kinds("\xC3\xA9t\xC3\xA9 = na\xC3\xAFve\n") ==
          V{"Name:\xC3\xA9t\xC3\xA9", "Equal", "Name:na\xC3\xAFve", "Newline", "EndMarker"});
    CHECK(unicode_is_printable('a'));
    CHECK_FALSE(unicode_is_printable(0x0A));
    CHECK(unicode_is_printable(0xE9));
    CHECK_FALSE(unicode_is_printable(0xA0));
    CHECK_FALSE(unicode_is_printable(0x200B));
    CHECK(unicode_is_printable(0x1F600));
    CHECK(unicode_is_xid_start(0x4E2D)); // a CJK ideograph
    CHECK_FALSE(unicode_is_xid_start(0x20AC));
    CHECK_FALSE(unicode_is_xid_start(0x0301)); // a combining mark...
    CHECK(unicode_is_xid_continue(0x0301));    // ...may follow a letter
    int len = 0;
    CHECK(utf8_decode("\xE2\x82\xAC", 0, &len) == 0x20AC);
    CHECK(len == 3);
}
