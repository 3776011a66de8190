// compiler.h — AST to code objects (compiler.cpp), after scope analysis (symtable.h).
#pragma once

#include <string>

#include "ast.h"
#include "code.h"

namespace krait {

struct CompileError {
    std::string msg;
    int lineno = 0, col = 0;  // col is 1-based
    bool too_deep = false;    // nesting beyond kMaxCompileDepth: RecursionError, as CPython reports it
};

// Deepest AST nesting the compiler (and scope analysis) will walk: both recurse on the C++ stack.
constexpr int kMaxCompileDepth = 2000;

// Compiles a module. Returns null and fills *err on a compile-time SyntaxError.
CodeObject* compile_module(const ast::Module* m, const std::string& filename, CompileError* err);

}  // namespace krait
