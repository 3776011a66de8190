// Syntax error descriptions produced by the tokenizer and parser, and their rendering.
//
// The tokenizer and parser (core/tokenizer.cpp, core/parser*.cpp) fill a SyntaxErrorInfo when the
// source is rejected; the runtime turns it into a Python SyntaxError (or IndentationError / TabError)
// object, and the CLI prints it with format_syntax_error() exactly as CPython 3.12 does for an
// uncaught SyntaxError in a script.
#pragma once

#include <string>
#include <string_view>

namespace krait {

// Mirrors the attributes of CPython's SyntaxError exception object. Columns follow CPython's
// exception conventions, not the AST's: `offset` and `end_offset` are 1-based and counted in
// characters (code points) of `text`, not in UTF-8 bytes.
struct SyntaxErrorInfo {
    // "SyntaxError", "IndentationError" or "TabError". The parser also reports
    // "MemoryError" ("Parser stack overflowed - Python source too complex to parse") for
    // sources nested too deeply, as CPython does; such errors have no location (lineno == 0).
    std::string type;
    std::string msg;
    std::string filename;
    std::string text; // the offending source line (may or may not end with '\n')
    int lineno = 0;   // 0: no location known (the error is printed as "Type: msg" only)
    int offset = 0;   // 1-based character column; 0 or negative: none
    int end_lineno = 0;
    int end_offset = 0; // CPython uses -1 or 0 for "no end column"

    bool has_location() const { return lineno > 0; }
};

// Returns exactly what CPython 3.12 writes to stderr for this error when it ends a script, e.g.
//   File "prog.py", line 1
//     x = (1 +
//         ^
// SyntaxError: '(' was never closed
// The result ends with a newline.
std::string format_syntax_error(const SyntaxErrorInfo& err);

// What CPython's warnings module prints for a SyntaxWarning the parser reports (ParseResult::warnings)
// when the default filters let it through:
//   prog.py:1: SyntaxWarning: invalid escape sequence '\d'
//     x = "\d"
// `line` is the source line `lineno` (leading and trailing whitespace is stripped here). CPython
// prints these even when the parse then fails, before the SyntaxError.
std::string format_syntax_warning(const std::string& filename, int lineno, const std::string& msg,
                                  std::string_view line);

// Number of code points in the first `byte_count` bytes of the UTF-8 string `s` (an incomplete
// trailing sequence counts as one, like CPython's "replace" decoding). Used to turn byte columns
// into the character columns SyntaxError carries.
int utf8_char_count(std::string_view s, size_t byte_count);

} // namespace krait
