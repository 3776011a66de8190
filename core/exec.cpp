// exec.cpp — source text to a running module: parse, compile, run; turning parse/compile errors into SyntaxError
// exceptions; and the bytecode disassembler behind `krait --dis`.
#include <cstdio>
#include <string>

#include "code.h"
#include "compiler.h"
#include "containers.h"
#include "gc.h"
#include "parser.h"
#include "syntax_error.h"
#include "vm.h"

namespace krait {

namespace {

std::string line_of(std::string_view source, int lineno) {
    size_t pos = 0;
    for (int l = 1; l < lineno && pos != std::string_view::npos; l++) {
        pos = source.find('\n', pos);
        if (pos != std::string_view::npos) pos++;
    }
    if (pos == std::string_view::npos || pos > source.size()) return "";
    size_t end = source.find('\n', pos);
    return std::string(source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1));
}

}  // namespace

Value raise_syntax_error(const SyntaxErrorInfo& info) {
    if (info.type == "MemoryError") return raise_str(T.e_MemoryError, info.msg);
    TypeObject* t = info.type == "IndentationError" ? T.e_IndentationError
                  : info.type == "TabError"         ? T.e_TabError
                                                    : T.e_SyntaxError;
    Value msg = str_new(info.msg);
    Root r1(msg);
    Value detail = VAL_NONE;
    if (info.has_location()) {
        Value file = str_new(info.filename);
        Root r2(file);
        Value text = info.text.empty() ? VAL_NONE : str_new(info.text);
        Root r3(text);
        detail = tuple_pack({file, int_from_i64(info.lineno), int_from_i64(info.offset), text,
                             int_from_i64(info.end_lineno), int_from_i64(info.end_offset)});
    }
    Root r4(detail);
    Value args[2] = {msg, detail};
    Value e = obj_call(val(t), args, val_is_none(detail) ? 1 : 2, nullptr);
    if (val_is_null(e)) return e;
    return raise_value(e);
}

CodeObject* compile_source(std::string_view source, const std::string& filename) {
    remember_source(filename, source);
    ParseResult pr = parse_module(source, filename);
    // SyntaxWarnings come first, even when the parse then fails (as CPython prints them).
    for (const SyntaxWarningInfo& w : pr.warnings) {
        std::string text = format_syntax_warning(filename, w.lineno, w.msg, line_of(source, w.lineno));
        fflush(stdout);
        fputs(text.c_str(), stderr);
    }
    if (!pr.ok()) {
        raise_syntax_error(pr.error);
        return nullptr;
    }
    CompileError ce;
    CodeObject* code = compile_module(pr.module, filename, &ce);
    if (!code && ce.too_deep) {
        raise(T.e_RecursionError, "maximum recursion depth exceeded during compilation");
        return nullptr;
    }
    if (!code) {
        SyntaxErrorInfo info;
        info.type = "SyntaxError";
        info.msg = ce.msg;
        info.filename = filename;
        info.lineno = ce.lineno > 0 ? ce.lineno : 1;
        info.offset = ce.col;
        info.text = line_of(source, info.lineno);
        info.end_lineno = info.lineno;
        info.end_offset = ce.col;
        raise_syntax_error(info);
        return nullptr;
    }
    return code;
}

Value exec_source(std::string_view source, const std::string& filename, ModuleObject* module) {
    CodeObject* code = compile_source(source, filename);
    if (!code) return VAL_NULL;
    return run_module_code(code, module->dict);
}

namespace {

std::string arg_repr(CodeObject* c, uint8_t op, uint32_t arg) {
    auto repr_of = [](Value v) {
        Value r = obj_repr(v);
        if (val_is_null(r)) {
            err_clear();
            return std::string("?");
        }
        return std::string(str_view(r));
    };
    switch (op < OP__COUNT ? op_arg_kind[op] : ARG_NONE) {
        case ARG_CONST: return arg < c->consts.size() ? repr_of(c->consts[arg]) : "?";
        case ARG_NAME: return arg < c->names.size() ? std::string(c->names[arg]->view()) : "?";
        case ARG_LOCAL:
            return arg < c->localsplus_names.size() ? std::string(c->localsplus_names[arg]->view()) : "?";
        case ARG_BINOP: return std::string(binop_symbol(static_cast<BinOp>(arg & 15), (arg & 16) != 0));
        case ARG_CMPOP: {
            static const char* const s[] = {"<", "<=", "==", "!=", ">", ">="};
            std::string r = (arg & 15) < 6 ? s[arg & 15] : "?";
            return (arg & kCmpToBool) ? r + " bool" : r;
        }
        case ARG_JUMP: return "to " + std::to_string(arg);
        case ARG_LOCAL_LOCAL: {
            uint32_t a = arg >> 12, b = arg & 0xFFF;
            if (a >= c->localsplus_names.size() || b >= c->localsplus_names.size()) return "?";
            return std::string(c->localsplus_names[a]->view()) + ", " + std::string(c->localsplus_names[b]->view());
        }
        case ARG_LOCAL_CONST: {
            uint32_t a = arg >> 12, b = arg & 0xFFF;
            if (a >= c->localsplus_names.size() || b >= c->consts.size()) return "?";
            return std::string(c->localsplus_names[a]->view()) + ", " + repr_of(c->consts[b]);
        }
        default: return "";
    }
}

void dis_one(CodeObject* c, std::string& out) {
    char buf[160];
    snprintf(buf, sizeof buf, "Disassembly of <code object %s, file \"%s\", line %d>:\n", c->qualname->data,
             c->filename->data, c->firstlineno);
    out += buf;
    int last_line = -1;
    for (size_t pc = 0; pc < c->code.size();) {
        uint32_t u = c->code[pc];
        uint8_t op = unit_op(u);
        uint32_t arg = unit_arg(u);
        int line = c->line_at(pc);
        std::string ln = line != last_line ? std::to_string(line) : "";
        last_line = line;
        std::string a = arg_repr(c, op, arg);
        snprintf(buf, sizeof buf, "%5s %6zu %-22s %5u", ln.c_str(), pc, op < OP__COUNT ? op_names[op] : "?", arg);
        out += buf;
        if (!a.empty()) out += " (" + a + ")";
        out += "\n";
        pc += 1 + (op < OP__COUNT ? op_cache_size[op] : 0);
    }
    if (!c->exc_table.empty()) {
        out += "ExceptionTable:\n";
        for (auto& e : c->exc_table) {
            snprintf(buf, sizeof buf, "  %u to %u -> %u [%u]\n", e.start, e.end, e.handler, e.depth);
            out += buf;
        }
    }
    out += "\n";
    for (Value k : c->consts)
        if (is_kind(k, Kind::Code)) dis_one(as<CodeObject>(k), out);
}

}  // namespace

std::string disassemble(CodeObject* code) {
    std::string out;
    dis_one(code, out);
    return out;
}

}  // namespace krait
