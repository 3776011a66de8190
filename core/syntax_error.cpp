// Rendering of SyntaxErrorInfo the way CPython 3.12's print_exception() / print_error_text()
// (Python/pythonrun.c) does it for a script's uncaught SyntaxError. The quirks are deliberate:
// offsets are character counts but are compared with byte lengths, exactly like CPython, so that
// Krait's stderr matches byte for byte.
#include "syntax_error.h"

namespace krait {

int utf8_char_count(std::string_view s, size_t byte_count) {
    if (byte_count > s.size()) byte_count = s.size();
    int n = 0;
    size_t i = 0;
    while (i < byte_count) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (c >= 0x80 && c < 0xC0) len = 1; // stray continuation byte: one replacement char
        i += len;
        ++n;
    }
    return n;
}

namespace {

// Mirrors print_error_text(): strips the indentation, clips the caret column and draws
// `end_offset - offset` carets (at least one).
void append_error_text(std::string& out, long offset, long end_offset, std::string_view text) {
    long caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--; // 1-based -> 0-based
    size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\f')) {
        ++start;
        --offset;
    }
    text.remove_prefix(start);
    long len = static_cast<long>(text.size());
    if (len > 0 && text[len - 1] == '\n') --len;
    if (offset > len) offset = len;
    // Skip past newlines embedded in the text (multi-line texts show only the caret's line).
    for (;;) {
        size_t nl = text.find('\n');
        if (nl == std::string_view::npos) break;
        long inl = static_cast<long>(nl);
        if (inl >= offset) break;
        inl += 1;
        text.remove_prefix(static_cast<size_t>(inl));
        len -= inl;
        offset -= inl;
    }
    out += "    ";
    out += text;
    if (len < 0 || static_cast<size_t>(len) >= text.size() || text[static_cast<size_t>(len)] != '\n') {
        out += '\n';
    }
    if (offset < 0) return;
    out += "    ";
    out.append(static_cast<size_t>(offset), ' ');
    out.append(static_cast<size_t>(caret_repetitions), '^');
    out += '\n';
}

} // namespace

std::string format_syntax_error(const SyntaxErrorInfo& err) {
    std::string out;
    if (err.has_location()) {
        out += "  File \"" + err.filename + "\", line " + std::to_string(err.lineno) + "\n";
        long offset = err.offset;
        long end_offset = err.end_offset;
        long end_lineno = err.end_lineno;
        // CPython only reads end positions for SyntaxError itself, not for its subclasses.
        if (err.type != "SyntaxError") {
            end_lineno = err.lineno;
            end_offset = -1;
        }
        long line_size = static_cast<long>(err.text.size());
        if (end_lineno > err.lineno) end_offset = line_size;
        if (end_offset > line_size + 1) end_offset = line_size + 1;
        append_error_text(out, offset, end_offset, err.text);
    }
    out += err.type;
    if (!err.msg.empty()) out += ": " + err.msg;
    out += '\n';
    return out;
}

std::string format_syntax_warning(const std::string& filename, int lineno, const std::string& msg,
                                  std::string_view line) {
    std::string out = filename + ":" + std::to_string(lineno) + ": SyntaxWarning: " + msg + "\n";
    const char* ws = " \t\f\v\r\n";
    size_t b = line.find_first_not_of(ws);
    if (b != std::string_view::npos) {
        size_t e = line.find_last_not_of(ws);
        out += "  ";
        out.append(line.substr(b, e - b + 1));
        out += '\n';
    }
    return out;
}

} // namespace krait
