// compiler.h — AST to code objects (compiler.cpp), after scope analysis (symtable.h).
#pragma once

#include <string>

#include "ast.h"
#include "code.h"

namespace krait {

struct CompileError {
    std::string msg;
    int lineno = 0, col = 0;  // col is 1-based
};

// Compiles a module. Returns null and fills *err on a compile-time SyntaxError.
CodeObject* compile_module(const ast::Module* m, const std::string& filename, CompileError* err);

}  // namespace krait
