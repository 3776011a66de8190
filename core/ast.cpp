// AST support code: kind names, the arena, and ast::dump(), a faithful re-implementation of
// CPython 3.12's ast.dump() used by the golden tests (tests/unit/test_parser.cpp) and for debugging.
#include "ast.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "tokenizer.h"

namespace krait::ast {

const char* stmt_kind_name(StmtKind k) {
    switch (k) {
#define KRAIT_AST_NAME_CASE(name)                                                                            \
    case StmtKind::name: return #name;
        KRAIT_AST_STMT_KINDS(KRAIT_AST_NAME_CASE)
#undef KRAIT_AST_NAME_CASE
    }
    return "?";
}

const char* expr_kind_name(ExprKind k) {
    switch (k) {
#define KRAIT_AST_NAME_CASE(name)                                                                            \
    case ExprKind::name: return #name;
        KRAIT_AST_EXPR_KINDS(KRAIT_AST_NAME_CASE)
#undef KRAIT_AST_NAME_CASE
    }
    return "?";
}

const char* context_name(ExprContext c) {
    static const char* const names[] = {"Load", "Store", "Del"};
    return names[static_cast<int>(c)];
}

const char* bool_operator_name(BoolOperator op) {
    return op == BoolOperator::And ? "And" : "Or";
}

const char* operator_name(Operator op) {
    static const char* const names[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
                                        "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
    return names[static_cast<int>(op)];
}

const char* unary_operator_name(UnaryOperator op) {
    static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[static_cast<int>(op)];
}

const char* cmp_operator_name(CmpOperator op) {
    static const char* const names[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                        "GtE", "Is",    "IsNot", "In",  "NotIn"};
    return names[static_cast<int>(op)];
}

void bad_node_cast(const char* actual, const char* wanted) {
    std::fprintf(stderr, "krait: bad AST downcast: node is %s, wanted %s\n", actual, wanted);
    std::abort();
}

// ---------------------------------------------------------------------------------------------
// Arena

AstArena::~AstArena() {
    for (size_t i = dtors_.size(); i-- > 0;) dtors_[i].fn(dtors_[i].obj);
}

void* AstArena::allocate(size_t size, size_t align) {
    uintptr_t p = reinterpret_cast<uintptr_t>(cur_);
    uintptr_t aligned = (p + align - 1) & ~static_cast<uintptr_t>(align - 1);
    if (cur_ == nullptr || aligned + size > reinterpret_cast<uintptr_t>(end_)) {
        // Blocks grow geometrically so a huge file needs few of them.
        size_t block = blocks_.empty() ? 16384 : std::min<size_t>(1 << 20, 2 * (end_ - blocks_.back().get()));
        if (block < size + align) block = size + align;
        blocks_.emplace_back(new char[block]);
        cur_ = blocks_.back().get();
        end_ = cur_ + block;
        p = reinterpret_cast<uintptr_t>(cur_);
        aligned = (p + align - 1) & ~static_cast<uintptr_t>(align - 1);
    }
    cur_ = reinterpret_cast<char*>(aligned + size);
    bytes_used_ += size;
    return reinterpret_cast<void*>(aligned);
}

// ---------------------------------------------------------------------------------------------
// dump: Python repr() of the values ast.dump() prints.

namespace {

std::string repr_str(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    char buf[16];
    for (size_t i = 0; i < s.size();) {
        int len = 1;
        uint32_t cp = utf8_decode(s, i, &len);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7f) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp < 0x7f) {
            out += static_cast<char>(cp);
        } else if (unicode_is_printable(cp)) {
            out.append(s, i, static_cast<size_t>(len));
        } else if (cp <= 0xff) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp <= 0xffff) {
            std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        }
        i += static_cast<size_t>(len);
    }
    out += quote;
    return out;
}

std::string repr_bytes(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out = "b";
    out += quote;
    char buf[8];
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7f) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return out;
}

// repr(float) of CPython: the shortest digits that round-trip, in fixed notation when the decimal
// exponent is in (-4, 16], otherwise d.ddde+XX. `add_dot_0` is false for complex parts ("2j").
std::string repr_double(double v, bool add_dot_0) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    std::string s = buf;
    std::string sign;
    if (s[0] == '-') {
        sign = "-";
        s.erase(0, 1);
    }
    size_t epos = s.find('e');
    int exp10 = std::atoi(s.c_str() + epos + 1);
    std::string digits;
    for (size_t i = 0; i < epos; ++i)
        if (s[i] != '.') digits += s[i];
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    int decpt = exp10 + 1;
    int nd = static_cast<int>(digits.size());
    std::string out;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out = "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
        } else if (decpt >= nd) {
            out = digits + std::string(static_cast<size_t>(decpt - nd), '0');
            if (add_dot_0) out += ".0";
        } else {
            out = digits.substr(0, static_cast<size_t>(decpt)) + "." +
                  digits.substr(static_cast<size_t>(decpt));
        }
    } else {
        out = digits.substr(0, 1);
        if (nd > 1) out += "." + digits.substr(1);
        int e = decpt - 1;
        std::snprintf(buf, sizeof buf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        out += buf;
    }
    return sign + out;
}

// Decimal text of an integer literal given as digits in `base` (any length; quadratic, which is
// fine for a debugging aid).
std::string int_to_decimal(const std::string& digits, int base) {
    size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos) return "0";
    if (base == 10) return digits.substr(first);
    std::vector<uint32_t> limbs; // little-endian, base 1e9
    for (size_t i = first; i < digits.size(); ++i) {
        char c = digits[i];
        uint64_t carry = static_cast<uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        for (uint32_t& limb : limbs) {
            uint64_t cur = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
            limb = static_cast<uint32_t>(cur % 1000000000u);
            carry = cur / 1000000000u;
        }
        while (carry) {
            limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    std::string out = std::to_string(limbs.back());
    char buf[16];
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
        out += buf;
    }
    return out;
}

std::string repr_constant(const Constant* c) {
    switch (c->value_kind) {
    case ConstantKind::None: return "None";
    case ConstantKind::True: return "True";
    case ConstantKind::False: return "False";
    case ConstantKind::Ellipsis: return "Ellipsis";
    case ConstantKind::Int:
        return c->int_fits ? std::to_string(c->int_value) : int_to_decimal(c->int_digits, c->int_base);
    case ConstantKind::Float: return repr_double(c->float_value, true);
    case ConstantKind::Imaginary: return repr_double(c->float_value, false) + "j";
    case ConstantKind::Str: return repr_str(c->str_value);
    case ConstantKind::Bytes: return repr_bytes(c->str_value);
    }
    return "?";
}

// Builds "Name(field=value, ...)" strings; optional fields that are absent are skipped, exactly as
// ast.dump() skips None-valued fields whose class default is None.
class Dumper {
public:
    explicit Dumper(bool attrs) : attrs_(attrs) {}
    std::string out;

    void expr(const Expr* e);
    void stmt(const Stmt* s);
    void stmts(const std::vector<Stmt*>& v) {
        list(v, [this](const Stmt* s) { stmt(s); });
    }
    void exprs(const std::vector<Expr*>& v) {
        list(v, [this](const Expr* e) {
            if (e)
                expr(e);
            else
                out += "None";
        });
    }
    void arguments(const Arguments* a);

private:
    template <class T, class F>
    void list(const std::vector<T>& v, F each) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            each(v[i]);
        }
        out += ']';
    }
    // Field helpers: each writes ", name=value" (or "name=value" for the first field).
    bool attrs_;
    bool first_ = true;
    // The positions, written after the fields when attributes are requested.
    void located(const Located* n) {
        if (!attrs_) return;
        f_int("lineno", n->lineno);
        f_int("col_offset", n->col_offset);
        f_int("end_lineno", n->end_lineno);
        f_int("end_col_offset", n->end_col_offset);
    }
    void open(const char* cls) {
        out += cls;
        out += '(';
        first_ = true;
    }
    void close() {
        out += ')';
        first_ = false;
    }
    void key(const char* name) {
        if (!first_) out += ", ";
        first_ = false;
        out += name;
        out += '=';
    }
    void f_expr(const char* name, const Expr* e) {
        if (!e) return;
        key(name);
        expr(e);
    }
    void f_exprs(const char* name, const std::vector<Expr*>& v) {
        key(name);
        exprs(v);
    }
    void f_stmts(const char* name, const std::vector<Stmt*>& v) {
        key(name);
        stmts(v);
    }
    void f_str(const char* name, const std::string& s) {
        key(name);
        out += repr_str(s);
    }
    void f_opt_str(const char* name, const std::string& s) {
        if (!s.empty()) f_str(name, s);
    }
    void f_raw(const char* name, const std::string& s) {
        key(name);
        out += s;
    }
    void f_ctx(ExprContext c) { f_raw("ctx", std::string(context_name(c)) + "()"); }
    void f_int(const char* name, long v) { f_raw(name, std::to_string(v)); }

    void arg(const Arg* a);
    void keyword(const Keyword* k);
    void alias(const Alias* a);
    void comprehension(const Comprehension* c);
    void generators(const std::vector<Comprehension*>& g) {
        key("generators");
        list(g, [this](const Comprehension* c) { comprehension(c); });
    }
    void keywords(const std::vector<Keyword*>& v) {
        key("keywords");
        list(v, [this](const Keyword* k) { keyword(k); });
    }
    void handler(const ExceptHandler* h);
    void expr_fields(const Expr* e);
    void stmt_fields(const Stmt* s);
};

void Dumper::arg(const Arg* a) {
    // Saved/restored because nested helpers reuse first_.
    bool saved = first_;
    open("arg");
    f_str("arg", a->arg);
    f_expr("annotation", a->annotation);
    located(a);
    close();
    first_ = saved;
}

void Dumper::keyword(const Keyword* k) {
    bool saved = first_;
    open("keyword");
    f_opt_str("arg", k->arg);
    key("value");
    expr(k->value);
    located(k);
    close();
    first_ = saved;
}

void Dumper::alias(const Alias* a) {
    bool saved = first_;
    open("alias");
    f_str("name", a->name);
    f_opt_str("asname", a->asname);
    located(a);
    close();
    first_ = saved;
}

void Dumper::comprehension(const Comprehension* c) {
    bool saved = first_;
    open("comprehension");
    f_expr("target", c->target);
    f_expr("iter", c->iter);
    f_exprs("ifs", c->ifs);
    f_int("is_async", c->is_async);
    close();
    first_ = saved;
}

void Dumper::handler(const ExceptHandler* h) {
    bool saved = first_;
    open("ExceptHandler");
    f_expr("type", h->type);
    f_opt_str("name", h->name);
    f_stmts("body", h->body);
    located(h);
    close();
    first_ = saved;
}

void Dumper::arguments(const Arguments* a) {
    bool saved = first_;
    auto args = [this](const char* name, const std::vector<Arg*>& v) {
        key(name);
        list(v, [this](const Arg* x) { arg(x); });
    };
    open("arguments");
    args("posonlyargs", a->posonlyargs);
    args("args", a->args);
    if (a->vararg) {
        key("vararg");
        arg(a->vararg);
    }
    args("kwonlyargs", a->kwonlyargs);
    f_exprs("kw_defaults", a->kw_defaults);
    if (a->kwarg) {
        key("kwarg");
        arg(a->kwarg);
    }
    f_exprs("defaults", a->defaults);
    close();
    first_ = saved;
}

void Dumper::expr(const Expr* e) {
    bool saved = first_;
    open(expr_kind_name(e->kind));
    expr_fields(e);
    located(e);
    close();
    first_ = saved;
}

void Dumper::expr_fields(const Expr* e) {
    switch (e->kind) {
    case ExprKind::BoolOp: {
        auto* n = e->as<BoolOp>();
        f_raw("op", std::string(bool_operator_name(n->op)) + "()");
        f_exprs("values", n->values);
        break;
    }
    case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        f_expr("target", n->target);
        f_expr("value", n->value);
        break;
    }
    case ExprKind::BinOp: {
        auto* n = e->as<BinOp>();
        f_expr("left", n->left);
        f_raw("op", std::string(operator_name(n->op)) + "()");
        f_expr("right", n->right);
        break;
    }
    case ExprKind::UnaryOp: {
        auto* n = e->as<UnaryOp>();
        f_raw("op", std::string(unary_operator_name(n->op)) + "()");
        f_expr("operand", n->operand);
        break;
    }
    case ExprKind::Lambda: {
        auto* n = e->as<Lambda>();
        key("args");
        arguments(n->args);
        f_expr("body", n->body);
        break;
    }
    case ExprKind::IfExp: {
        auto* n = e->as<IfExp>();
        f_expr("test", n->test);
        f_expr("body", n->body);
        f_expr("orelse", n->orelse);
        break;
    }
    case ExprKind::Dict: {
        auto* n = e->as<Dict>();
        f_exprs("keys", n->keys);
        f_exprs("values", n->values);
        break;
    }
    case ExprKind::Set: f_exprs("elts", e->as<Set>()->elts); break;
    case ExprKind::ListComp: {
        auto* n = e->as<ListComp>();
        f_expr("elt", n->elt);
        generators(n->generators);
        break;
    }
    case ExprKind::SetComp: {
        auto* n = e->as<SetComp>();
        f_expr("elt", n->elt);
        generators(n->generators);
        break;
    }
    case ExprKind::DictComp: {
        auto* n = e->as<DictComp>();
        f_expr("key", n->key);
        f_expr("value", n->value);
        generators(n->generators);
        break;
    }
    case ExprKind::GeneratorExp: {
        auto* n = e->as<GeneratorExp>();
        f_expr("elt", n->elt);
        generators(n->generators);
        break;
    }
    case ExprKind::Yield: f_expr("value", e->as<Yield>()->value); break;
    case ExprKind::YieldFrom: f_expr("value", e->as<YieldFrom>()->value); break;
    case ExprKind::Compare: {
        auto* n = e->as<Compare>();
        f_expr("left", n->left);
        key("ops");
        list(n->ops, [this](CmpOperator op) {
            out += cmp_operator_name(op);
            out += "()";
        });
        f_exprs("comparators", n->comparators);
        break;
    }
    case ExprKind::Call: {
        auto* n = e->as<Call>();
        f_expr("func", n->func);
        f_exprs("args", n->args);
        keywords(n->keywords);
        break;
    }
    case ExprKind::FormattedValue: {
        auto* n = e->as<FormattedValue>();
        f_expr("value", n->value);
        f_int("conversion", n->conversion);
        f_expr("format_spec", n->format_spec);
        break;
    }
    case ExprKind::JoinedStr: f_exprs("values", e->as<JoinedStr>()->values); break;
    case ExprKind::Constant: {
        auto* n = e->as<Constant>();
        f_raw("value", repr_constant(n));
        if (n->has_u_prefix) f_raw("kind", "'u'");
        break;
    }
    case ExprKind::Attribute: {
        auto* n = e->as<Attribute>();
        f_expr("value", n->value);
        f_str("attr", n->attr);
        f_ctx(n->ctx);
        break;
    }
    case ExprKind::Subscript: {
        auto* n = e->as<Subscript>();
        f_expr("value", n->value);
        f_expr("slice", n->slice);
        f_ctx(n->ctx);
        break;
    }
    case ExprKind::Starred: {
        auto* n = e->as<Starred>();
        f_expr("value", n->value);
        f_ctx(n->ctx);
        break;
    }
    case ExprKind::Name: {
        auto* n = e->as<Name>();
        f_str("id", n->id);
        f_ctx(n->ctx);
        break;
    }
    case ExprKind::List: {
        auto* n = e->as<List>();
        f_exprs("elts", n->elts);
        f_ctx(n->ctx);
        break;
    }
    case ExprKind::Tuple: {
        auto* n = e->as<Tuple>();
        f_exprs("elts", n->elts);
        f_ctx(n->ctx);
        break;
    }
    case ExprKind::Slice: {
        auto* n = e->as<Slice>();
        f_expr("lower", n->lower);
        f_expr("upper", n->upper);
        f_expr("step", n->step);
        break;
    }
    }
}

void Dumper::stmt(const Stmt* s) {
    bool saved = first_;
    open(s->kind == StmtKind::ExprStmt ? "Expr" : stmt_kind_name(s->kind));
    stmt_fields(s);
    located(s);
    close();
    first_ = saved;
}

void Dumper::stmt_fields(const Stmt* s) {
    switch (s->kind) {
    case StmtKind::FunctionDef: {
        auto* n = s->as<FunctionDef>();
        f_str("name", n->name);
        key("args");
        arguments(n->args);
        f_stmts("body", n->body);
        f_exprs("decorator_list", n->decorator_list);
        f_expr("returns", n->returns);
        f_raw("type_params", "[]");
        break;
    }
    case StmtKind::ClassDef: {
        auto* n = s->as<ClassDef>();
        f_str("name", n->name);
        f_exprs("bases", n->bases);
        keywords(n->keywords);
        f_stmts("body", n->body);
        f_exprs("decorator_list", n->decorator_list);
        f_raw("type_params", "[]");
        break;
    }
    case StmtKind::Return: f_expr("value", s->as<Return>()->value); break;
    case StmtKind::Delete: f_exprs("targets", s->as<Delete>()->targets); break;
    case StmtKind::Assign: {
        auto* n = s->as<Assign>();
        f_exprs("targets", n->targets);
        f_expr("value", n->value);
        break;
    }
    case StmtKind::AugAssign: {
        auto* n = s->as<AugAssign>();
        f_expr("target", n->target);
        f_raw("op", std::string(operator_name(n->op)) + "()");
        f_expr("value", n->value);
        break;
    }
    case StmtKind::AnnAssign: {
        auto* n = s->as<AnnAssign>();
        f_expr("target", n->target);
        f_expr("annotation", n->annotation);
        f_expr("value", n->value);
        f_int("simple", n->simple);
        break;
    }
    case StmtKind::For: {
        auto* n = s->as<For>();
        f_expr("target", n->target);
        f_expr("iter", n->iter);
        f_stmts("body", n->body);
        f_stmts("orelse", n->orelse);
        break;
    }
    case StmtKind::While: {
        auto* n = s->as<While>();
        f_expr("test", n->test);
        f_stmts("body", n->body);
        f_stmts("orelse", n->orelse);
        break;
    }
    case StmtKind::If: {
        auto* n = s->as<If>();
        f_expr("test", n->test);
        f_stmts("body", n->body);
        f_stmts("orelse", n->orelse);
        break;
    }
    case StmtKind::With: {
        auto* n = s->as<With>();
        key("items");
        list(n->items, [this](const WithItem* w) {
            bool saved = first_;
            open("withitem");
            f_expr("context_expr", w->context_expr);
            f_expr("optional_vars", w->optional_vars);
            close();
            first_ = saved;
        });
        f_stmts("body", n->body);
        break;
    }
    case StmtKind::Raise: {
        auto* n = s->as<Raise>();
        f_expr("exc", n->exc);
        f_expr("cause", n->cause);
        break;
    }
    case StmtKind::Try: {
        auto* n = s->as<Try>();
        f_stmts("body", n->body);
        key("handlers");
        list(n->handlers, [this](const ExceptHandler* h) { handler(h); });
        f_stmts("orelse", n->orelse);
        f_stmts("finalbody", n->finalbody);
        break;
    }
    case StmtKind::Assert: {
        auto* n = s->as<Assert>();
        f_expr("test", n->test);
        f_expr("msg", n->msg);
        break;
    }
    case StmtKind::Import: {
        key("names");
        list(s->as<Import>()->names, [this](const Alias* a) { alias(a); });
        break;
    }
    case StmtKind::ImportFrom: {
        auto* n = s->as<ImportFrom>();
        f_opt_str("module", n->module);
        key("names");
        list(n->names, [this](const Alias* a) { alias(a); });
        f_int("level", n->level);
        break;
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
        const auto& names = s->kind == StmtKind::Global ? s->as<Global>()->names : s->as<Nonlocal>()->names;
        key("names");
        list(names, [this](const std::string& n) { out += repr_str(n); });
        break;
    }
    case StmtKind::ExprStmt: f_expr("value", s->as<ExprStmt>()->value); break;
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
    }
}

} // namespace

std::string dump(const Module* m, bool include_attributes) {
    Dumper d(include_attributes);
    d.out = "Module(body=";
    d.stmts(m->body);
    d.out += ", type_ignores=[])";
    return d.out;
}

std::string dump(const Expression* e, bool include_attributes) {
    Dumper d(include_attributes);
    d.out = "Expression(body=";
    d.expr(e->body);
    d.out += ")";
    return d.out;
}

std::string dump(const Stmt* s, bool include_attributes) {
    Dumper d(include_attributes);
    d.stmt(s);
    return d.out;
}

std::string dump(const Expr* e, bool include_attributes) {
    Dumper d(include_attributes);
    d.expr(e);
    return d.out;
}

} // namespace krait::ast
