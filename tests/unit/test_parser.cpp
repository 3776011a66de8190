// Unit tests of core/parser.h and core/ast.h.
//
// The bulk is the golden comparison with CPython 3.12: every tests/unit/ast_golden/*.py snippet is
// parsed and compared with the .out file regen.py recorded from CPython (ast.dump with and without
// positions, SyntaxWarnings; or for rejected snippets the SyntaxError's attributes and the exact
// stderr of running the file). The other cases cover the AST API, what Krait rejects on purpose,
// depth limits, huge inputs and robustness.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parser.h"

#ifndef KRAIT_SOURCE_DIR
#    define KRAIT_SOURCE_DIR "/work/main"
#endif

using namespace krait;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// What a snippet produces, in regen.py's .out format.
std::string golden_output(const std::string& src, bool eval_mode) {
    ParseResult r = eval_mode ? parse_expression(src, "prog.py") : parse_module(src, "prog.py");
    std::string out;
    if (r.ok()) {
        out += (r.module ? ast_dump(r.module) : ast_dump(r.expression)) + "\n";
        out += (r.module ? ast_dump(r.module, true) : ast_dump(r.expression, true)) + "\n";
        for (const SyntaxWarningInfo& w : r.warnings)
            out += "warning " + std::to_string(w.lineno) + " " + w.msg + "\n";
        return out;
    }
    const SyntaxErrorInfo& e = r.error;
    out += e.type + ": " + e.msg + "\n";
    if (e.lineno > 0)
        out += std::to_string(e.lineno) + " " + std::to_string(e.offset) + " " +
               std::to_string(e.end_lineno) + " " + std::to_string(e.end_offset) + "\n";
    else
        out += "-\n";
    out += "--- stderr\n" + format_syntax_error(e);
    return out;
}

ParseResult parse(const std::string& src) {
    return parse_module(src, "prog.py");
}

// "Type: msg (lineno, offset, end_lineno, end_offset)" of a rejected source, or "OK".
std::string error_of(const std::string& src) {
    ParseResult r = parse(src);
    if (r.ok()) return "OK";
    const SyntaxErrorInfo& e = r.error;
    return e.type + ": " + e.msg + " (" + std::to_string(e.lineno) + ", " + std::to_string(e.offset) + ", " +
           std::to_string(e.end_lineno) + ", " + std::to_string(e.end_offset) + ")";
}

const ast::Expr* first_value(const ParseResult& r) {
    REQUIRE(r.module);
    REQUIRE(!r.module->body.empty());
    const ast::Stmt* s = r.module->body[0];
    if (auto* a = s->try_as<ast::Assign>()) return a->value;
    return s->as<ast::ExprStmt>()->value;
}

} // namespace

TEST_CASE("parser: golden snippets match CPython 3.12", "[parser][golden]") {
    const std::string dir = KRAIT_SOURCE_DIR "/tests/unit/ast_golden";
    REQUIRE(std::filesystem::is_directory(dir));
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::string n = entry.path().filename().string();
        if (n.size() > 3 && n.compare(n.size() - 3, 3, ".py") == 0 && n != "regen.py") names.push_back(n);
    }
    std::sort(names.begin(), names.end());
    size_t ok_count = 0, err_count = 0;
    for (const std::string& name : names) {
        std::string base = name.substr(0, name.size() - 3);
        std::string expected = read_file(dir + "/" + base + ".out");
        INFO("snippet " << name << " (regenerate expectations with " << dir << "/regen.py)");
        REQUIRE(!expected.empty());
        std::string actual = golden_output(read_file(dir + "/" + name), name.rfind("eval_", 0) == 0);
        std::vector<std::string> exp = split_lines(expected), act = split_lines(actual);
        bool is_error = exp[0].rfind("Module(", 0) != 0 && exp[0].rfind("Expression(", 0) != 0;
        (is_error ? err_count : ok_count)++;
        CHECK(act.size() == exp.size());
        for (size_t i = 0; i < std::min(exp.size(), act.size()); ++i) {
            INFO("line " << i + 1);
            CHECK(act[i] == exp[i]);
        }
    }
    CHECK(ok_count >= 80);
    CHECK(err_count >= 40);
}

TEST_CASE("parser: AST structure and checked downcasts", "[parser]") {
    ParseResult r = parse("x = a + 2 * b\nif x:\n    pass\n");
    REQUIRE(r.ok());
    REQUIRE(r.module->body.size() == 2);
    const ast::Assign* a = r.module->body[0]->as<ast::Assign>();
    REQUIRE(a->targets.size() == 1);
    CHECK(a->targets[0]->as<ast::Name>()->id == "x");
    CHECK(a->targets[0]->as<ast::Name>()->ctx == ast::ExprContext::Store);
    const ast::BinOp* add = a->value->as<ast::BinOp>();
    CHECK(add->op == ast::Operator::Add);
    CHECK(add->right->is<ast::BinOp>());
    CHECK(add->right->try_as<ast::Name>() == nullptr);
    CHECK((a->lineno == 1 && a->col_offset == 0 && a->end_lineno == 1 && a->end_col_offset == 13));
    const ast::If* i = r.module->body[1]->as<ast::If>();
    CHECK(i->body[0]->kind == ast::StmtKind::Pass);
    CHECK(std::string(ast::stmt_kind_name(ast::StmtKind::ExprStmt)) == "ExprStmt");
}

TEST_CASE("parser: constants", "[parser]") {
    auto constant = [](const std::string& src) {
        static std::vector<ParseResult> keep; // the nodes live in the result's arena
        keep.push_back(parse_module(src, "prog.py"));
        return first_value(keep.back())->as<ast::Constant>();
    };
    const ast::Constant* c = constant("1_000\n");
    CHECK(c->value_kind == ast::ConstantKind::Int);
    CHECK((c->int_fits && c->int_value == 1000 && c->int_digits == "1000" && c->int_base == 10));
    c = constant("0xFF\n");
    CHECK((c->int_base == 16 && c->int_digits == "FF" && c->int_value == 255));
    c = constant("9223372036854775807\n");
    CHECK((c->int_fits && c->int_value == INT64_MAX));
    c = constant("9223372036854775808\n");
    CHECK_FALSE(c->int_fits);
    CHECK(c->int_digits == "9223372036854775808");
    c = constant("0b_1010\n");
    CHECK((c->int_base == 2 && c->int_value == 10));
    c = constant("1.5e3\n");
    CHECK((c->value_kind == ast::ConstantKind::Float && c->float_value == 1500.0));
    c = constant("0.1\n");
    CHECK(c->float_value == 0.1);
    c = constant("1e999\n");
    CHECK(c->float_value > 1e308);
    c = constant("2.5j\n");
    CHECK((c->value_kind == ast::ConstantKind::Imaginary && c->float_value == 2.5));
    c = constant("'a\\tb' \"c\"\n");
    CHECK((c->value_kind == ast::ConstantKind::Str && c->str_value == "a\tbc"));
    c = constant("b'\\x00\\xff'\n");
    CHECK(c->value_kind == ast::ConstantKind::Bytes);
    CHECK(c->str_value == std::string("\x00\xff", 2));
    c = constant("u'x'\n");
    CHECK(c->has_u_prefix);
    c = constant("'\\ud800'\n"); // a lone surrogate survives as its 3-byte encoding
    CHECK(c->str_value == "\xED\xA0\x80");
    CHECK(constant("None\n")->value_kind == ast::ConstantKind::None);
    CHECK(constant("...\n")->value_kind == ast::ConstantKind::Ellipsis);
}

TEST_CASE("parser: f-strings", "[parser]") {
    ParseResult r = parse("f'a{x!r:>{w}}' 'b'\n");
    const ast::JoinedStr* js = first_value(r)->as<ast::JoinedStr>();
    REQUIRE(js->values.size() == 3);
    CHECK(js->values[0]->as<ast::Constant>()->str_value == "a");
    const ast::FormattedValue* fv = js->values[1]->as<ast::FormattedValue>();
    CHECK(fv->conversion == 'r');
    CHECK(fv->format_spec->as<ast::JoinedStr>()->values.size() == 3);
    CHECK(js->values[2]->as<ast::Constant>()->str_value == "b");
    r = parse("f'{x = }'\n");
    js = first_value(r)->as<ast::JoinedStr>();
    REQUIRE(js->values.size() == 2);
    CHECK(js->values[0]->as<ast::Constant>()->str_value == "x = ");
    CHECK(js->values[1]->as<ast::FormattedValue>()->conversion == 'r');
}

TEST_CASE("parser: eval mode", "[parser]") {
    ParseResult r = parse_expression("\n1 + 2, x\n\n", "<string>");
    REQUIRE(r.ok());
    CHECK(ast_dump(r.expression) ==
          "Expression(body=Tuple(elts=[BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)), "
          "Name(id='x', ctx=Load())], ctx=Load()))");
    r = parse_expression("x = 1", "<string>");
    CHECK_FALSE(r.ok());
    CHECK(r.error.msg == "invalid syntax");
}

TEST_CASE("parser: constructs Krait rejects", "[parser]") {
    CHECK(error_of("async def f(): pass\n") == "SyntaxError: 'async' is not supported by Krait (1, 1, 1, 6)");
    CHECK(error_of("def f():\n    async with a: pass\n") ==
          "SyntaxError: 'async' is not supported by Krait (2, 5, 2, 10)");
    CHECK(error_of("x = [y async for y in z]\n") ==
          "SyntaxError: 'async' is not supported by Krait (1, 8, 1, 13)");
    CHECK(error_of("x = await y\n") == "SyntaxError: 'await' is not supported by Krait (1, 5, 1, 10)");
    CHECK(error_of("match x:\n    case 1: pass\n") ==
          "SyntaxError: 'match' statement is not supported by Krait (1, 1, 1, 6)");
    CHECK(error_of("type X = int\n") ==
          "SyntaxError: 'type' statement is not supported by Krait (1, 1, 1, 5)");
    CHECK(error_of("try:\n    pass\nexcept* E:\n    pass\n") ==
          "SyntaxError: 'except*' is not supported by Krait (3, 1, 3, 8)");
    CHECK(error_of("def f[T](x): pass\n") ==
          "SyntaxError: type parameters are not supported by Krait (1, 6, 1, 7)");
    CHECK(error_of("x = '\\N{BULLET}'\n") ==
          "SyntaxError: (unicode error) \\N{...} escapes are not supported (1, 5, 1, 17)");
    // The soft keywords stay ordinary names everywhere else.
    CHECK(error_of("match = 1\ntype(x)\nmatch(x)\nmatch[0] = case = type\nprint(match, type.__name__)\n") ==
          "OK");
    CHECK(error_of("def f(match, type): return match or type\n") == "OK");
}

TEST_CASE("parser: deep nesting gives CPython's errors, never a crash", "[parser][limits]") {
    const std::string memory =
        "MemoryError: Parser stack overflowed - Python source too complex to parse (0, 0, 0, 0)";
    CHECK(error_of("x = " + std::string(10000, '(') + "1" + std::string(10000, ')') + "\n")
              .find("too many nested parentheses") != std::string::npos);
    CHECK(error_of("x = " + std::string(10000, '-') + "1\n") == memory);
    CHECK(error_of("x = " + std::string(5000, '-') + "1\n") == "OK");
    std::string nots, lambdas, ifs, pows, fstrings;
    for (int i = 0; i < 10000; ++i) nots += "not ";
    for (int i = 0; i < 10000; ++i) lambdas += "lambda: ";
    for (int i = 0; i < 10000; ++i) ifs += "1 if 1 else ";
    for (int i = 0; i < 10000; ++i) pows += "2**";
    CHECK(error_of("x = " + nots + "1\n") == memory);
    CHECK(error_of("x = " + lambdas + "1\n") == memory);
    CHECK(error_of("x = " + ifs + "1\n") == memory);
    CHECK(error_of("x = " + pows + "1\n") == memory);
    CHECK(error_of("x = " + std::string(2000, '(') + "\n").find("too many nested parentheses") !=
          std::string::npos);
    std::string blocks;
    for (int i = 0; i < 150; ++i) blocks += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    CHECK(error_of(blocks + std::string(150, ' ') + "pass\n") ==
          "IndentationError: too many levels of indentation (101, 1, 101, 0)");
    // Within the limits, deep programs parse.
    CHECK(error_of("x = " + std::string(199, '[') + std::string(199, ']') + "\n") == "OK");
    std::string nested_f = "1";
    for (int i = 0; i < 20; ++i) nested_f = "f'{" + nested_f + "}'";
    CHECK(error_of("x = " + nested_f + "\n") == "OK");
}

TEST_CASE("parser: huge inputs", "[parser][limits]") {
    std::string digits(100000, '7');
    ParseResult r = parse("x = " + digits + "\n");
    const ast::Constant* c = first_value(r)->as<ast::Constant>();
    CHECK_FALSE(c->int_fits);
    CHECK(c->int_digits.size() == 100000);
    r = parse("s = '" + std::string(10 * 1000 * 1000, 'a') + "'\n");
    CHECK(first_value(r)->as<ast::Constant>()->str_value.size() == 10u * 1000 * 1000);
    // A long operator chain builds a left-deep tree without recursing in the parser.
    std::string chain = "x = a";
    for (int i = 0; i < 100000; ++i) chain += " + a";
    r = parse(chain + "\n");
    CHECK(r.ok());
    // 10,000 lines.
    std::string lines;
    for (int i = 0; i < 10000; ++i) {
        lines += 'v';
        lines += std::to_string(i);
        lines += " = f(a, [x * 2 for x in y], {'k': 1})\n";
    }
    r = parse(lines);
    REQUIRE(r.ok());
    CHECK(r.module->body.size() == 10000);
    CHECK(parse("").ok());
    CHECK(parse("x = 1").ok());
}

TEST_CASE("parser: SyntaxError rendering", "[parser]") {
    SyntaxErrorInfo e = parse("x = (1 +\n").error;
    CHECK(format_syntax_error(e) ==
          "  File \"prog.py\", line 1\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n");
    e = parse("if x\n    pass\n").error;
    CHECK(format_syntax_error(e) ==
          "  File \"prog.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n");
    e = parse("f(a for a in b, c)\n").error;
    CHECK(format_syntax_error(e) == "  File \"prog.py\", line 1\n    f(a for a in b, c)\n      ^^^^^^^^^^^^\n"
                                    "SyntaxError: Generator expression must be parenthesized\n");
    // A multi-line range underlines to the end of the first line.
    e = parse("x = (1 +\n  2 3)\n").error;
    CHECK(format_syntax_error(e) == "  File \"prog.py\", line 1\n    x = (1 +\n         ^^^\n"
                                    "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    // IndentationError shows a single caret; errors without a location print one line.
    e = parse("if x:\npass\n").error;
    CHECK(format_syntax_error(e) ==
          "  File \"prog.py\", line 2\n    pass\n    ^\nIndentationError: expected an "
          "indented block after 'if' statement on line 1\n");
    SyntaxErrorInfo bare;
    bare.type = "SyntaxError";
    bare.msg = "encoding problem: foo";
    CHECK(format_syntax_error(bare) == "SyntaxError: encoding problem: foo\n");
}

TEST_CASE("parser: warnings", "[parser]") {
    ParseResult r = parse("a = '\\d'\nb = 1if c else 2\n");
    REQUIRE(r.ok());
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].msg == "invalid escape sequence '\\d'");
    CHECK(r.warnings[0].lineno == 1);
    CHECK(r.warnings[1].msg == "invalid decimal literal");
    CHECK(r.warnings[1].lineno == 2);
}

TEST_CASE("parser: random inputs never crash or hang", "[parser][robustness]") {
    // Token soup and byte noise: every input must give a tree or a SyntaxError (or MemoryError).
    const char* const pieces[] = {"(",     ")",      "[",     "]",        "{",    "}",  ":",      ",",
                                  "=",     "==",     "if",    "else",     "for",  "in", "lambda", "*",
                                  "**",    "'",      "\"",    "f\"",      "{x",   "}",  "\\",     "\n",
                                  "    ",  "\t",     "x",     "1",        "1.5e", "0x", "yield",  "def",
                                  "class", "return", "not",   "and",      ".",    "@",  "->",     ":=",
                                  "#",     "\"\"\"", "b'",    "import",   "from", "as", "try",    "except",
                                  "async", "await",  "match", "\xC3\xA9", "\xFF", ";",  "...",    "!r",
                                  "!",     "%"};
    std::mt19937 rng(12345);
    for (int i = 0; i < 3000; ++i) {
        std::string src;
        int n = static_cast<int>(rng() % 40);
        for (int k = 0; k < n; ++k) {
            if (rng() % 8 == 0)
                src += static_cast<char>(rng() % 256);
            else
                src += pieces[rng() % (sizeof pieces / sizeof pieces[0])];
            if (rng() % 3 == 0) src += ' ';
        }
        ParseResult r = parse(src);
        INFO(src);
        CHECK((r.ok() || !r.error.type.empty()));
        if (!r.ok()) CHECK(!format_syntax_error(r.error).empty());
    }
}

TEST_CASE("parser: SyntaxWarning rendering", "[parser]") {
    CHECK(format_syntax_warning("prog.py", 1, "invalid escape sequence '\\d'", "    x = \"\\d\"") ==
          "prog.py:1: SyntaxWarning: invalid escape sequence '\\d'\n  x = \"\\d\"\n");
    CHECK(format_syntax_warning("p.py", 3, "m", "") == "p.py:3: SyntaxWarning: m\n");
}
