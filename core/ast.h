// Krait's abstract syntax tree: the parser (core/parser*.cpp) builds it, the compiler walks it.
//
// The tree mirrors CPython 3.12's `ast` module node for node and field for field (see
// https://docs.python.org/3.12/library/ast.html), so ast_dump() can print exactly what
// `ast.dump(ast.parse(src))` prints and golden tests can compare the two. Differences:
//   * the `Expr` *statement* is ast::ExprStmt here (ast::Expr is the expression base struct);
//   * constructs Krait rejects at parse time have no nodes: AsyncFunctionDef, AsyncFor,
//     AsyncWith, Await, Match (and patterns), TryStar, TypeAlias, type parameters;
//   * type comments are not kept.
//
// Conventions:
//   * every statement, expression, arg, keyword, alias and ExceptHandler carries lineno,
//     col_offset, end_lineno, end_col_offset with CPython's meaning: 1-based lines, 0-based
//     columns counted in UTF-8 *bytes* of the (newline-normalised) source line;
//   * optional children are nullptr when absent (CPython's None);
//   * all nodes live in an AstArena and are freed together with it; nodes never own each other.
//
// Walking: switch on `e->kind` and downcast with `e->as<BinOp>()` (checked: aborts on a wrong
// kind), or test with `e->is<BinOp>()` / `e->try_as<BinOp>()` (nullptr on mismatch).
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace krait::ast {

// ---------------------------------------------------------------------------------------------
// Kinds. X-macros so the enums, the kind names and ast_dump cannot drift apart.

#define KRAIT_AST_STMT_KINDS(X)                                                                              \
    X(FunctionDef)                                                                                           \
    X(ClassDef)                                                                                              \
    X(Return)                                                                                                \
    X(Delete)                                                                                                \
    X(Assign)                                                                                                \
    X(AugAssign)                                                                                             \
    X(AnnAssign)                                                                                             \
    X(For)                                                                                                   \
    X(While)                                                                                                 \
    X(If)                                                                                                    \
    X(With)                                                                                                  \
    X(Raise)                                                                                                 \
    X(Try)                                                                                                   \
    X(Assert)                                                                                                \
    X(Import)                                                                                                \
    X(ImportFrom)                                                                                            \
    X(Global)                                                                                                \
    X(Nonlocal)                                                                                              \
    X(ExprStmt)                                                                                              \
    X(Pass)                                                                                                  \
    X(Break)                                                                                                 \
    X(Continue)

#define KRAIT_AST_EXPR_KINDS(X)                                                                              \
    X(BoolOp)                                                                                                \
    X(NamedExpr)                                                                                             \
    X(BinOp)                                                                                                 \
    X(UnaryOp)                                                                                               \
    X(Lambda)                                                                                                \
    X(IfExp)                                                                                                 \
    X(Dict)                                                                                                  \
    X(Set)                                                                                                   \
    X(ListComp)                                                                                              \
    X(SetComp)                                                                                               \
    X(DictComp)                                                                                              \
    X(GeneratorExp)                                                                                          \
    X(Yield)                                                                                                 \
    X(YieldFrom)                                                                                             \
    X(Compare)                                                                                               \
    X(Call)                                                                                                  \
    X(FormattedValue)                                                                                        \
    X(JoinedStr)                                                                                             \
    X(Constant)                                                                                              \
    X(Attribute)                                                                                             \
    X(Subscript)                                                                                             \
    X(Starred)                                                                                               \
    X(Name)                                                                                                  \
    X(List)                                                                                                  \
    X(Tuple)                                                                                                 \
    X(Slice)

#define KRAIT_AST_ENUM_ENTRY(name) name,
enum class StmtKind : uint8_t { KRAIT_AST_STMT_KINDS(KRAIT_AST_ENUM_ENTRY) };
enum class ExprKind : uint8_t { KRAIT_AST_EXPR_KINDS(KRAIT_AST_ENUM_ENTRY) };
#undef KRAIT_AST_ENUM_ENTRY

// CPython's class name for a kind ("Expr" for StmtKind::ExprStmt).
const char* stmt_kind_name(StmtKind k);
const char* expr_kind_name(ExprKind k);

// expr_context: how a Name/Attribute/Subscript/Starred/List/Tuple is used.
enum class ExprContext : uint8_t { Load, Store, Del };

enum class BoolOperator : uint8_t { And, Or };

// CPython's `operator`, used by BinOp and AugAssign.
enum class Operator : uint8_t {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv
};

enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };

enum class CmpOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython's class names ("Load", "And", "Add", "USub", "NotIn", ...).
const char* context_name(ExprContext c);
const char* bool_operator_name(BoolOperator op);
const char* operator_name(Operator op);
const char* unary_operator_name(UnaryOperator op);
const char* cmp_operator_name(CmpOperator op);

// Called by the checked downcasts on a kind mismatch; prints both kinds and aborts.
[[noreturn]] void bad_node_cast(const char* actual, const char* wanted);

// ---------------------------------------------------------------------------------------------
// Base structs.

// Source range with CPython's conventions (see the file comment).
struct Located {
    int lineno = 0;
    int col_offset = 0;
    int end_lineno = 0;
    int end_col_offset = 0;
};

struct Expr : Located {
    const ExprKind kind;

    template <class T>
    bool is() const {
        return kind == T::kKind;
    }
    template <class T>
    T* as() {
        if (kind != T::kKind) bad_node_cast(expr_kind_name(kind), expr_kind_name(T::kKind));
        return static_cast<T*>(this);
    }
    template <class T>
    const T* as() const {
        return const_cast<Expr*>(this)->as<T>();
    }
    template <class T>
    T* try_as() {
        return is<T>() ? static_cast<T*>(this) : nullptr;
    }
    template <class T>
    const T* try_as() const {
        return is<T>() ? static_cast<const T*>(this) : nullptr;
    }

protected:
    explicit Expr(ExprKind k) : kind(k) {}
};

struct Stmt : Located {
    const StmtKind kind;

    template <class T>
    bool is() const {
        return kind == T::kKind;
    }
    template <class T>
    T* as() {
        if (kind != T::kKind) bad_node_cast(stmt_kind_name(kind), stmt_kind_name(T::kKind));
        return static_cast<T*>(this);
    }
    template <class T>
    const T* as() const {
        return const_cast<Stmt*>(this)->as<T>();
    }
    template <class T>
    T* try_as() {
        return is<T>() ? static_cast<T*>(this) : nullptr;
    }
    template <class T>
    const T* try_as() const {
        return is<T>() ? static_cast<const T*>(this) : nullptr;
    }

protected:
    explicit Stmt(StmtKind k) : kind(k) {}
};

#define KRAIT_AST_EXPR_NODE(name)                                                                            \
    static constexpr ExprKind kKind = ExprKind::name;                                                        \
    name() : Expr(kKind) {}
#define KRAIT_AST_STMT_NODE(name)                                                                            \
    static constexpr StmtKind kKind = StmtKind::name;                                                        \
    name() : Stmt(kKind) {}

// ---------------------------------------------------------------------------------------------
// Helper nodes.

// A parameter: `name: annotation`.
struct Arg : Located {
    std::string arg;
    Expr* annotation = nullptr;
};

// A call's keyword argument `arg=value`; arg is empty for `**value`.
struct Keyword : Located {
    std::string arg; // empty: `**value`
    Expr* value = nullptr;
};

// `name as asname` in an import; asname empty when absent. name may be dotted ("a.b.c") or "*".
struct Alias : Located {
    std::string name;
    std::string asname; // empty: no `as`
};

// A parameter list (also for lambdas). kw_defaults has one entry per kwonlyarg (nullptr when that
// argument has no default); defaults covers the *last* len(defaults) of posonlyargs + args.
struct Arguments {
    std::vector<Arg*> posonlyargs;
    std::vector<Arg*> args;
    Arg* vararg = nullptr;
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kw_defaults;
    Arg* kwarg = nullptr;
    std::vector<Expr*> defaults;
};

// One `expr as target` of a with statement.
struct WithItem {
    Expr* context_expr = nullptr;
    Expr* optional_vars = nullptr;
};

// One `for target in iter if ...` clause of a comprehension (is_async is always 0 in Krait).
struct Comprehension {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    std::vector<Expr*> ifs;
    int is_async = 0;
};

// `except type as name: body`; type nullptr for a bare except, name empty without `as`.
struct ExceptHandler : Located {
    Expr* type = nullptr;
    std::string name;
    std::vector<Stmt*> body;
};

// ---------------------------------------------------------------------------------------------
// Expressions.

struct BoolOp : Expr {
    KRAIT_AST_EXPR_NODE(BoolOp)
    BoolOperator op = BoolOperator::And;
    std::vector<Expr*> values; // at least two
};

// `target := value`; target is a Name with ctx Store.
struct NamedExpr : Expr {
    KRAIT_AST_EXPR_NODE(NamedExpr)
    Expr* target = nullptr;
    Expr* value = nullptr;
};

struct BinOp : Expr {
    KRAIT_AST_EXPR_NODE(BinOp)
    Expr* left = nullptr;
    Operator op = Operator::Add;
    Expr* right = nullptr;
};

struct UnaryOp : Expr {
    KRAIT_AST_EXPR_NODE(UnaryOp)
    UnaryOperator op = UnaryOperator::Not;
    Expr* operand = nullptr;
};

struct Lambda : Expr {
    KRAIT_AST_EXPR_NODE(Lambda)
    Arguments* args = nullptr; // never null
    Expr* body = nullptr;
};

// `body if test else orelse`.
struct IfExp : Expr {
    KRAIT_AST_EXPR_NODE(IfExp)
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
};

// `{k: v, **d}`: keys[i] is nullptr for a `**values[i]` entry.
struct Dict : Expr {
    KRAIT_AST_EXPR_NODE(Dict)
    std::vector<Expr*> keys;
    std::vector<Expr*> values;
};

struct Set : Expr {
    KRAIT_AST_EXPR_NODE(Set)
    std::vector<Expr*> elts;
};

struct ListComp : Expr {
    KRAIT_AST_EXPR_NODE(ListComp)
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct SetComp : Expr {
    KRAIT_AST_EXPR_NODE(SetComp)
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct DictComp : Expr {
    KRAIT_AST_EXPR_NODE(DictComp)
    Expr* key = nullptr;
    Expr* value = nullptr;
    std::vector<Comprehension*> generators;
};

struct GeneratorExp : Expr {
    KRAIT_AST_EXPR_NODE(GeneratorExp)
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct Yield : Expr {
    KRAIT_AST_EXPR_NODE(Yield)
    Expr* value = nullptr; // optional
};

struct YieldFrom : Expr {
    KRAIT_AST_EXPR_NODE(YieldFrom)
    Expr* value = nullptr;
};

// `left ops[0] comparators[0] ops[1] comparators[1] ...` (a chained comparison).
struct Compare : Expr {
    KRAIT_AST_EXPR_NODE(Compare)
    Expr* left = nullptr;
    std::vector<CmpOperator> ops;
    std::vector<Expr*> comparators;
};

// args may contain Starred (`*x`); keywords hold `k=v` and `**d` (arg empty).
struct Call : Expr {
    KRAIT_AST_EXPR_NODE(Call)
    Expr* func = nullptr;
    std::vector<Expr*> args;
    std::vector<Keyword*> keywords;
};

// One `{value!conversion:format_spec}` of an f-string. conversion is -1 (none) or the code of
// 's', 'r' or 'a'; format_spec is a JoinedStr or nullptr.
struct FormattedValue : Expr {
    KRAIT_AST_EXPR_NODE(FormattedValue)
    Expr* value = nullptr;
    int conversion = -1;
    Expr* format_spec = nullptr;
};

// An f-string (after implicit concatenation): Constant(str) and FormattedValue parts.
struct JoinedStr : Expr {
    KRAIT_AST_EXPR_NODE(JoinedStr)
    std::vector<Expr*> values;
};

enum class ConstantKind : uint8_t { None, True, False, Ellipsis, Int, Float, Imaginary, Str, Bytes };

// A literal. Only the fields of `value_kind` are meaningful:
//   Int:       int_digits (the literal's digits: no prefix, no underscores) in int_base
//              (2, 8, 10 or 16); int_value holds the value when int_fits (it fits in int64_t),
//              otherwise the compiler must build a big int from the digits.
//   Float:     float_value (correctly rounded, may be inf).
//   Imaginary: float_value is the imaginary part (the real part is 0).
//   Str:       str_value, UTF-8 after escape processing and concatenation; has_u_prefix is
//              CPython's kind='u' (the first piece had a lowercase `u` prefix). Lone surrogates
//              written as escapes ("\ud800") are kept as their 3-byte encodings (WTF-8).
//   Bytes:     str_value holds the raw bytes.
struct Constant : Expr {
    KRAIT_AST_EXPR_NODE(Constant)
    ConstantKind value_kind = ConstantKind::None;
    std::string int_digits;
    int int_base = 10;
    int64_t int_value = 0;
    bool int_fits = true;
    double float_value = 0.0;
    std::string str_value;
    bool has_u_prefix = false;
};

struct Attribute : Expr {
    KRAIT_AST_EXPR_NODE(Attribute)
    Expr* value = nullptr;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
};

// value[slice]; slice is a Slice, a Tuple (possibly containing Slices) or any expression.
struct Subscript : Expr {
    KRAIT_AST_EXPR_NODE(Subscript)
    Expr* value = nullptr;
    Expr* slice = nullptr;
    ExprContext ctx = ExprContext::Load;
};

struct Starred : Expr {
    KRAIT_AST_EXPR_NODE(Starred)
    Expr* value = nullptr;
    ExprContext ctx = ExprContext::Load;
};

struct Name : Expr {
    KRAIT_AST_EXPR_NODE(Name)
    std::string id;
    ExprContext ctx = ExprContext::Load;
};

struct List : Expr {
    KRAIT_AST_EXPR_NODE(List)
    std::vector<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};

struct Tuple : Expr {
    KRAIT_AST_EXPR_NODE(Tuple)
    std::vector<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};

// lower:upper:step inside a subscript; each part optional.
struct Slice : Expr {
    KRAIT_AST_EXPR_NODE(Slice)
    Expr* lower = nullptr;
    Expr* upper = nullptr;
    Expr* step = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Statements.

struct FunctionDef : Stmt {
    KRAIT_AST_STMT_NODE(FunctionDef)
    std::string name;
    Arguments* args = nullptr; // never null
    std::vector<Stmt*> body;
    std::vector<Expr*> decorator_list;
    Expr* returns = nullptr; // the `-> annotation`, optional
};

struct ClassDef : Stmt {
    KRAIT_AST_STMT_NODE(ClassDef)
    std::string name;
    std::vector<Expr*> bases;
    std::vector<Keyword*> keywords;
    std::vector<Stmt*> body;
    std::vector<Expr*> decorator_list;
};

struct Return : Stmt {
    KRAIT_AST_STMT_NODE(Return)
    Expr* value = nullptr; // optional
};

struct Delete : Stmt {
    KRAIT_AST_STMT_NODE(Delete)
    std::vector<Expr*> targets; // ctx Del
};

// `t1 = t2 = value`: targets in source order.
struct Assign : Stmt {
    KRAIT_AST_STMT_NODE(Assign)
    std::vector<Expr*> targets;
    Expr* value = nullptr;
};

struct AugAssign : Stmt {
    KRAIT_AST_STMT_NODE(AugAssign)
    Expr* target = nullptr; // Name, Attribute or Subscript, ctx Store
    Operator op = Operator::Add;
    Expr* value = nullptr;
};

// `target: annotation = value`; simple is 1 for a bare (unparenthesised) Name target.
struct AnnAssign : Stmt {
    KRAIT_AST_STMT_NODE(AnnAssign)
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr; // optional
    int simple = 0;
};

struct For : Stmt {
    KRAIT_AST_STMT_NODE(For)
    Expr* target = nullptr;
    Expr* iter = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
};

struct While : Stmt {
    KRAIT_AST_STMT_NODE(While)
    Expr* test = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
};

// `elif` chains are nested Ifs in orelse, as in CPython.
struct If : Stmt {
    KRAIT_AST_STMT_NODE(If)
    Expr* test = nullptr;
    std::vector<Stmt*> body;
    std::vector<Stmt*> orelse;
};

struct With : Stmt {
    KRAIT_AST_STMT_NODE(With)
    std::vector<WithItem*> items;
    std::vector<Stmt*> body;
};

struct Raise : Stmt {
    KRAIT_AST_STMT_NODE(Raise)
    Expr* exc = nullptr;   // optional
    Expr* cause = nullptr; // optional (`from cause`)
};

struct Try : Stmt {
    KRAIT_AST_STMT_NODE(Try)
    std::vector<Stmt*> body;
    std::vector<ExceptHandler*> handlers;
    std::vector<Stmt*> orelse;
    std::vector<Stmt*> finalbody;
};

struct Assert : Stmt {
    KRAIT_AST_STMT_NODE(Assert)
    Expr* test = nullptr;
    Expr* msg = nullptr; // optional
};

struct Import : Stmt {
    KRAIT_AST_STMT_NODE(Import)
    std::vector<Alias*> names;
};

// `from ..module import names`; module empty for `from . import x`; level = number of dots.
struct ImportFrom : Stmt {
    KRAIT_AST_STMT_NODE(ImportFrom)
    std::string module; // empty: none
    std::vector<Alias*> names;
    int level = 0;
};

struct Global : Stmt {
    KRAIT_AST_STMT_NODE(Global)
    std::vector<std::string> names;
};

struct Nonlocal : Stmt {
    KRAIT_AST_STMT_NODE(Nonlocal)
    std::vector<std::string> names;
};

// An expression statement (CPython's `Expr` node).
struct ExprStmt : Stmt {
    KRAIT_AST_STMT_NODE(ExprStmt)
    Expr* value = nullptr;
};

struct Pass : Stmt {
    KRAIT_AST_STMT_NODE(Pass)
};

struct Break : Stmt {
    KRAIT_AST_STMT_NODE(Break)
};

struct Continue : Stmt {
    KRAIT_AST_STMT_NODE(Continue)
};

#undef KRAIT_AST_EXPR_NODE
#undef KRAIT_AST_STMT_NODE

// ---------------------------------------------------------------------------------------------
// Roots.

// "exec" mode result.
struct Module {
    std::vector<Stmt*> body;
};

// "eval" mode result.
struct Expression {
    Expr* body = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Ownership.

// Bump allocator owning every node of one parse. Nodes hold std::string/std::vector members, so
// the arena records each object's destructor and runs them all (in reverse) when it dies.
class AstArena {
public:
    AstArena() = default;
    AstArena(const AstArena&) = delete;
    AstArena& operator=(const AstArena&) = delete;
    ~AstArena();

    // Allocates and default-constructs a T owned by the arena.
    template <class T>
    T* make() {
        void* mem = allocate(sizeof(T), alignof(T));
        T* obj = new (mem) T();
        if constexpr (!std::is_trivially_destructible_v<T>) {
            dtors_.push_back({[](void* p) { static_cast<T*>(p)->~T(); }, obj});
        }
        return obj;
    }

    // Bytes handed out so far (for tests and statistics).
    size_t bytes_used() const { return bytes_used_; }

private:
    void* allocate(size_t size, size_t align);

    struct DtorEntry {
        void (*fn)(void*);
        void* obj;
    };
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<DtorEntry> dtors_;
    char* cur_ = nullptr;
    char* end_ = nullptr;
    size_t bytes_used_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Debug printing.

// Exactly what CPython 3.12's ast.dump() prints for the same tree (no indent), e.g.
// "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"; with include_attributes, the
// positions too, as ast.dump(tree, include_attributes=True) does. Recursive: intended for tests
// and debugging, not for pathologically deep trees.
std::string dump(const Module* m, bool include_attributes = false);
std::string dump(const Expression* e, bool include_attributes = false);
std::string dump(const Stmt* s, bool include_attributes = false);
std::string dump(const Expr* e, bool include_attributes = false);

} // namespace krait::ast

namespace krait {

// The names the parser's brief asks for, re-exported in namespace krait.
using AstArena = ast::AstArena;
inline std::string ast_dump(const ast::Module* m, bool include_attributes = false) {
    return ast::dump(m, include_attributes);
}
inline std::string ast_dump(const ast::Expression* e, bool include_attributes = false) {
    return ast::dump(e, include_attributes);
}
inline std::string ast_dump(const ast::Expr* e, bool include_attributes = false) {
    return ast::dump(e, include_attributes);
}
inline std::string ast_dump(const ast::Stmt* s, bool include_attributes = false) {
    return ast::dump(s, include_attributes);
}

} // namespace krait
