// symtable.h — scope analysis: which names of each function, class, lambda and comprehension are locals, cells,
// free variables or globals. Built in one walk over the AST before code generation (compiler.cpp reads it).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast.h"

namespace krait {

enum class ScopeKind { Module, Function, Class };

enum class NameScope { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct Scope {
    ScopeKind kind;
    std::string name;
    Scope* parent = nullptr;
    std::vector<std::unique_ptr<Scope>> children;
    std::vector<std::string> params;           // in localsplus order
    std::vector<std::string> assigned_order;   // locals in first-assignment order
    std::unordered_map<std::string, bool> assigned, used, global_decl, nonlocal_decl;
    std::unordered_map<std::string, NameScope> resolved;
    std::vector<std::string> cells, frees;     // in slot order
    bool is_generator = false;
    bool uses_super_or_class = false;          // needs the implicit __class__ free variable
    bool needs_class_cell = false;             // a class body whose methods use __class__ / super
    int lineno = 0;

    NameScope lookup(const std::string& n) const {
        auto it = resolved.find(n);
        if (it != resolved.end()) return it->second;
        return kind == ScopeKind::Module ? NameScope::GlobalImplicit : NameScope::GlobalImplicit;
    }
};

// Private name mangling: inside class C, `__x` (not ending in "__") means `_C__x`.
std::string mangle(const std::string& class_name, const std::string& name);

struct SymtableError {
    std::string msg;
    int lineno = 0, col = 0;
    bool too_deep = false;
};

// Builds the scope tree of a module. Scopes are keyed by the AST node that opens them (FunctionDef, Lambda,
// ClassDef, comprehensions); the module scope is `root`.
class Symtable {
public:
    bool build(const ast::Module* m, SymtableError* err);
    Scope* root() { return root_.get(); }
    Scope* scope_of(const void* node) { return by_node_.at(node); }

private:
    std::unique_ptr<Scope> root_;
    std::map<const void*, Scope*> by_node_;
    friend class SymtableBuilder;
};

}  // namespace krait
