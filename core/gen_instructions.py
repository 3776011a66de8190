#!/usr/bin/env python3
"""gen_instructions.py — turns core/instructions.def (the one definition of every instruction and uop) into C/C++.

Usage: gen_instructions.py INPUT.def OUTDIR

Writes into OUTDIR (the build tree; nothing generated is committed except the golden test's expectations):
  opcode_ids.h        enum Opcode (tier-1 instructions) and enum Uop (micro-ops), with counts
  opcode_meta.inc     tables: names, cache sizes, flags, families, stack effects, the uop expansion of each
                      instruction, and the disassembler's argument kinds (included once by core/opcode_meta.cpp)
  interp_cases.inc    one TARGET block per instruction, included by the dispatch loop in core/interp.cpp
  uop_cases.inc       one case per micro-op for the tier-2 uop interpreter (core/tier2_exec.cpp), from the same bodies
  uop_bodies.c        every op body wrapped in a C function, compiled as plain C (C11) by the build so that a
                      body using C++ fails the build now rather than when the stencils are compiled from it
  uop_stencils.inc    every micro-op body as a stencil function, KRAIT_STENCIL(NAME) { ... CONTINUE(); }, included
                      by the stencil template (stencils/template.c), which gives the body's vocabulary its meaning

The DSL is specified at the top of core/instructions.def. This script is small on purpose: a regex-level
parser for the headers, a brace matcher for the bodies, and a stack-layout pass that turns the named stack items
of every op of an instruction into reads at the start and writes at the end.
"""

import os
import re
import sys

FLAG_NAMES = {"pure", "escapes", "tier1", "safepoint"}
# Flags as the tables list them: the first four are written in the DSL, the others derived from the body.
ALL_FLAGS = ["pure", "escapes", "tier1", "safepoint", "deopt", "error", "jump", "guard"]


# Names the interpreter's loop uses around the bodies: a stack item may not take one.
RESERVED = {"sp", "ip", "f", "instr", "oparg", "code", "code_base", "locals", "consts", "names", "entry",
            "return_value", "throwing", "reg0", "reg1", "reg2", "krait_regs_in"}


class DslError(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------
# Parsing


class StackItem:
    """One named item of a stack effect: a value (`name`), an array (`name[size]`) or a cache field (`name/N`)."""

    def __init__(self, text):
        text = text.strip()
        m = re.fullmatch(r"(\w+)/(\d+)", text)
        if m:
            self.name, self.cache, self.size = m.group(1), int(m.group(2)), None
            if self.cache not in (1, 2):
                raise DslError(f"cache field {text}: size must be 1 (32-bit) or 2 (64-bit)")
            return
        m = re.fullmatch(r"(\w+)\[(.+)\]", text)
        if m:
            self.name, self.cache, self.size = m.group(1), None, m.group(2).strip()
            return
        if not re.fullmatch(r"\w+", text):
            raise DslError(f"bad stack item '{text}'")
        self.name, self.cache, self.size = text, None, None

    @property
    def is_array(self):
        return self.size is not None

    @property
    def unused(self):
        return self.name == "unused"

    def count(self):
        """The number of stack slots, as a C expression."""
        return f"({self.size})" if self.is_array else "1"

    def __repr__(self):
        return self.name + (f"/{self.cache}" if self.cache else f"[{self.size}]" if self.size else "")


def split_top(text, sep):
    """Splits on sep at bracket depth 0."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts]


class Op:
    """An `op` or an `inst` (an inst is an op that is also an instruction of its own)."""

    def __init__(self, kind, name, effect, flags, body, doc, line):
        self.kind, self.name, self.body, self.doc, self.line = kind, name, body, doc, line
        if "--" not in effect:
            raise DslError(f"{name}: stack effect needs '--'")
        ins, outs = effect.split("--")
        self.inputs = [StackItem(t) for t in split_top(ins, ",")]
        self.outputs = [StackItem(t) for t in split_top(outs, ",")]
        for item in self.inputs + self.outputs:
            if item.name in RESERVED:
                raise DslError(f"{name}: stack item '{item.name}' would hide the interpreter's own variable")
        self.caches = [i for i in self.inputs if i.cache]
        self.inputs = [i for i in self.inputs if not i.cache]
        if any(o.cache for o in self.outputs):
            raise DslError(f"{name}: cache fields are inputs only")
        if any(i.cache for i in self.inputs):
            raise DslError(f"{name}: cache fields must come first")
        self.flags = set()
        for f in flags:
            if f not in FLAG_NAMES:
                raise DslError(f"{name}: unknown flag '{f}' (known: {', '.join(sorted(FLAG_NAMES))})")
            self.flags.add(f)
        code = strip_comments(body)
        if re.search(r"\bDEOPT_IF\s*\(", code):
            self.flags.add("deopt")
        if re.search(r"\b(ERROR_IF|GOTO_ERROR|UNWIND)\s*\(", code):
            self.flags.add("error")
        if re.search(r"\bJUMP_TO\s*\(", code):
            self.flags.add("jump")
        names_in = [i.name for i in self.inputs]
        names_out = [o.name for o in self.outputs]
        if "deopt" in self.flags and names_in == names_out and not any(i.is_array for i in self.inputs):
            self.flags.add("guard")
        if "pure" in self.flags and ({"escapes", "error"} & self.flags):
            raise DslError(f"{name}: a pure op can neither escape nor raise")
        self.cache_size = sum(c.cache for c in self.caches)

    def uses(self, macro):
        return re.search(r"\b" + macro + r"\s*\(", strip_comments(self.body)) is not None


class Macro:
    def __init__(self, name, parts, flags, doc, line):
        self.name, self.parts, self.doc, self.line = name, parts, doc, line  # parts: Op or int (unused cache words)
        self.flags = set(flags)
        for f in self.flags:
            if f not in FLAG_NAMES:
                raise DslError(f"{name}: unknown flag '{f}'")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def match_brace(text, start):
    """Index just after the brace that closes the one at text[start], skipping strings, chars and comments."""
    depth, i, n = 0, start, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if text.startswith("//", i):
            i = text.index("\n", i)
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise DslError("unbalanced braces")


class Definitions:
    def __init__(self, text):
        self.ops = {}  # name -> Op (op and inst)
        self.instructions = []  # Op (inst) or Macro, in file order: the opcode numbering
        self.families = {}  # base name -> [member names]
        self.family_of = {}  # member name (and base) -> base name
        self.parse(text)
        self.check()

    def parse(self, text):
        pos, n = 0, len(text)
        head = re.compile(r"\s*(inst|op|macro|family)\s*\(")
        doc_lines = []
        line = 1
        while pos < n:
            # Skip blank lines and comments, remembering the last `//` block as the next definition's doc.
            m = re.match(r"[ \t]*\n", text[pos:])
            if m:
                pos += m.end()
                line += 1
                continue
            m = re.match(r"[ \t]*//([^\n]*)\n?", text[pos:])
            if m:
                doc_lines.append(m.group(1).strip())
                pos += m.end()
                line += 1
                continue
            m = re.match(r"\s*/\*.*?\*/", text[pos:], flags=re.S)
            if m:
                line += m.group(0).count("\n")
                pos += m.end()
                doc_lines = []
                continue
            m = head.match(text, pos)
            if not m:
                snippet = text[pos:pos + 40].split("\n")[0]
                raise DslError(f"line {line}: expected a definition, found '{snippet}'")
            kind = m.group(1)
            start_line = line
            doc = " ".join(d for d in doc_lines if d)
            doc_lines = []
            if kind in ("inst", "op"):
                brace = text.index("{", m.end())
                header = text[m.end():brace].strip()
                if not header.endswith(")"):
                    raise DslError(f"line {line}: {kind} header must end with ')' before the body")
                header = header[:-1]
                parts = split_top(header, ",")
                name, effect = parts[0], parts[1]
                if not (effect.startswith("(") and effect.endswith(")")):
                    raise DslError(f"line {line}: {name}: stack effect must be parenthesized")
                end = match_brace(text, brace)
                body = text[brace + 1:end - 1]
                op = Op(kind, name, effect[1:-1], parts[2:], body, doc, start_line)
                if name in self.ops:
                    raise DslError(f"line {line}: {name} defined twice")
                self.ops[name] = op
                if kind == "inst":
                    self.instructions.append(op)
                line += text[pos:end].count("\n")
                pos = end
            else:
                semi = text.index(";", m.end())
                stmt = text[m.end():semi]
                close = stmt.index(")")
                args = [a.strip() for a in stmt[:close].split(",")]
                rhs = stmt[close + 1:].strip()
                if not rhs.startswith("="):
                    raise DslError(f"line {line}: {kind} needs '= ...'")
                rhs = rhs[1:]
                if kind == "macro":
                    parts = []
                    for p in rhs.split("+"):
                        p = p.strip()
                        mu = re.fullmatch(r"unused/(\d+)", p)
                        if mu:
                            parts.append(int(mu.group(1)))
                        elif p in self.ops:
                            parts.append(self.ops[p])
                        else:
                            raise DslError(f"line {line}: macro {args[0]}: unknown part '{p}'")
                    mac = Macro(args[0], parts, args[1:], doc, start_line)
                    if args[0] in self.ops or any(i.name == args[0] for i in self.instructions):
                        raise DslError(f"line {line}: {args[0]} defined twice")
                    self.instructions.append(mac)
                else:
                    members = [x.strip() for x in rhs.split(",") if x.strip()]
                    self.families[args[0]] = members
                line += text[pos:semi + 1].count("\n")
                pos = semi + 1

    def instruction(self, name):
        for i in self.instructions:
            if i.name == name:
                return i
        raise DslError(f"unknown instruction '{name}'")

    def check(self):
        for base, members in self.families.items():
            b = self.instruction(base)
            self.family_of[base] = base
            for mname in members:
                mem = self.instruction(mname)
                if cache_size(mem) != cache_size(b):
                    raise DslError(f"family {base}: {mname} has {cache_size(mem)} cache words, {base} has "
                                   f"{cache_size(b)}; every member must share the base's layout")
                if not same_effect(stack_effect(mem), stack_effect(b)):
                    raise DslError(f"family {base}: {mname} has stack effect {stack_effect(mem)}, "
                                   f"{base} has {stack_effect(b)}")
                self.family_of[mname] = base
        for ins in self.instructions:
            ops = parts_ops(ins)
            # A deopt re-executes the family's generic instruction from the same stack: every op before the
            # last one that can deopt must leave the stack as it found it (a guard).
            deopt_ops = [i for i, o in enumerate(ops) if "deopt" in o.flags]
            if deopt_ops:
                if ins.name not in self.family_of or self.family_of[ins.name] == ins.name:
                    raise DslError(f"{ins.name}: DEOPT_IF in an instruction that is not a specialized family member")
                for o in ops[:deopt_ops[-1]]:
                    if "guard" not in o.flags and [i.name for i in o.inputs] != [x.name for x in o.outputs]:
                        raise DslError(f"{ins.name}: {o.name} changes the stack before a later op can deopt")


def same_effect(member, base):
    """A member's stack effect must equal the base's for every oparg, or for some oparg when the member has a fixed
    arity (CALL_LEN takes one argument: it matches CALL with oparg 1)."""
    def ev(expr, oparg):
        return eval(expr.replace("(int)", ""), {"__builtins__": {}}, {"oparg": oparg})
    opargs = range(0, 9)
    if "oparg" in member:
        return all(ev(member, k) == ev(base, k) for k in opargs)
    return any(ev(member, k) == ev(base, k) for k in opargs)


def parts_ops(ins):
    if isinstance(ins, Op):
        return [ins]
    return [p for p in ins.parts if isinstance(p, Op)]


def cache_size(ins):
    if isinstance(ins, Op):
        return ins.cache_size
    return sum(p if isinstance(p, int) else p.cache_size for p in ins.parts)


def inst_flags(ins):
    flags = set(ins.flags)
    for o in parts_ops(ins):
        flags |= o.flags
    flags.discard("guard")
    return flags


class Lin:
    """A linear combination of C expressions in oparg plus a constant: stack offsets and effects."""

    def __init__(self, terms=None, const=0):
        self.terms = {k: v for k, v in (terms or {}).items() if v}
        self.const = const

    @staticmethod
    def of(count):
        """The slot count of a stack item: 1, or the array size expression."""
        if count == "1":
            return Lin(const=1)
        if re.fullmatch(r"\(\s*\d+\s*\)", count):
            return Lin(const=int(count.strip("() ")))
        return Lin({count: 1})

    def __add__(self, other):
        t = dict(self.terms)
        for k, v in other.terms.items():
            t[k] = t.get(k, 0) + v
        return Lin(t, self.const + other.const)

    def __neg__(self):
        return Lin({k: -v for k, v in self.terms.items()}, -self.const)

    def __sub__(self, other):
        return self + (-other)

    def __eq__(self, other):
        return self.terms == other.terms and self.const == other.const

    def is_const(self):
        return not self.terms

    def c(self):
        """As a C expression."""
        parts = []
        for k, v in sorted(self.terms.items()):
            k = "(int)" + k  # opargs are unsigned: a negated size must not wrap around
            parts.append(k if v == 1 else f"-{k}" if v == -1 else f"{v} * {k}")
        if self.const or not parts:
            parts.append(str(self.const))
        out = " + ".join(parts).replace("+ -", "- ")
        return out

    def __str__(self):
        return self.c()


def total(items):
    acc = Lin()
    for i in items:
        acc = acc + Lin.of(i.count())
    return acc


def stack_effect(ins):
    """The net stack effect over the whole instruction, as a C expression in oparg."""
    net = Lin()
    for o in parts_ops(ins):
        net = net - total(o.inputs) + total(o.outputs)
    return net.c()


# ---------------------------------------------------------------------------------------------------------
# Code generation: the stack layout of one op


def op_layout(o):
    """Positions relative to the stack pointer at op entry (Lin, negative below the top).

    Input k occupies sp[-(slots of inputs k..end)]; outputs are placed from the bottom of the inputs' area
    upwards. Returns (input positions by item id, output positions by item id, net effect)."""
    pos = {}
    acc = Lin()
    for item in reversed(o.inputs):
        acc = acc + Lin.of(item.count())
        pos[id(item)] = -acc
    base = -total(o.inputs)
    outpos = {}
    below = Lin()
    for item in o.outputs:
        outpos[id(item)] = base + below
        below = below + Lin.of(item.count())
    return pos, outpos, total(o.outputs) - total(o.inputs)


def slot(p):
    """sp[p] as C, for a Lin position."""
    return f"sp[{p.c()}]"


def ptr(p):
    """sp + p as C, for a Lin position."""
    return f"sp + {p.c()}" if p.is_const() else f"sp + ({p.c()})"


def emit_cache_reads(o, off, out, q, ctx):
    """The op's cache fields as locals, read from cache offset `off` on; returns the offset after them."""
    for c in o.caches:
        if c.cache == 1:
            out.append(f"{q}uint32_t {c.name} = {ctx['cache32']}({off});")
        else:
            out.append(f"{q}uint64_t {c.name} = {ctx['cache64']}({off});")
        out.append(f"{q}(void){c.name};")
        off += c.cache
    return off


def emit_body(o, out, q):
    """The op's body, re-indented to `q`."""
    body = o.body.strip("\n")
    if body.strip():
        lines = body.split("\n")
        strip = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
        out += [(q + l[strip:]).rstrip() for l in lines]


def emit_op(o, cache_offset, out, indent, ctx):
    """Emits one op's block: cache reads, input reads, declarations, the body, output writes, sp adjustment."""
    p = " " * indent
    out.append(f"{p}/* {o.name} */")
    out.append(f"{p}{{")
    q = " " * (indent + 4)
    off = emit_cache_reads(o, cache_offset, out, q, ctx)
    in_pos, out_pos, net = op_layout(o)
    declared = {}
    for item in o.inputs:
        if item.unused:
            continue
        if item.is_array:
            out.append(f"{q}Value *{item.name} = {ptr(in_pos[id(item)])};")
        else:
            out.append(f"{q}Value {item.name} = {slot(in_pos[id(item)])};")
        declared[item.name] = in_pos[id(item)]
    for item in o.outputs:
        if item.unused or item.name in declared:
            continue
        if item.is_array:
            out.append(f"{q}Value *{item.name} = {ptr(out_pos[id(item)])};")
        else:
            out.append(f"{q}Value {item.name};")
    if "escapes" in o.flags and ctx["save"]:
        out.append(f"{q}{ctx['save']}")
    emit_body(o, out, q)
    # Output writes (scalar outputs; arrays were written in place by the body). A write that would store an
    # input back into the slot it was read from is left out.
    for item in o.outputs:
        if item.unused or item.is_array:
            continue
        if item.name in declared and declared[item.name] == out_pos[id(item)]:
            continue
        out.append(f"{q}{slot(out_pos[id(item)])} = {item.name};")
    if not net == Lin():
        out.append(f"{q}sp += {net.c()};")
    out.append(f"{p}}}")
    return off


# ---------------------------------------------------------------------------------------------------------
# Value registers (ARCHITECTURE decision 6): the stencils' register variants
#
# Between two stencils the top of the operand stack may live in VALUE_REGS machine registers (reg0 .. reg2,
# preserve_none arguments carried through every musttail call) instead of the frame: `depth` values, reg0 the
# deepest of them, the frame's memory holding the rest below sp. A uop with register variants has one per entry
# depth: the variant reads its inputs from the registers (the deeper ones from memory), leaves its outputs in
# registers and says how many registers hold values afterwards (regs_out). The tier-2 register allocator
# (core/tier2_regalloc.cpp) picks each uop's variant from these tables and spills before a uop without variants.

VALUE_REGS = 3
# A body that moves the stack pointer itself, switches frames or leaves the trace needs the whole stack in memory.
FRAME_BOUND = re.compile(r"\b(sp|STACK_SHRINK|PUSH_FRAME|TRACE_RETURN|YIELD_FRAME|EXIT_TRACE_AT|JUMP_TO_TOP|"
                         r"JUMP_TO|CALL_SELF|RETURN_TO_CALLER)\b")


def has_reg_variants(o):
    """Whether a uop gets register variants: only values on the stack (no arrays), at most VALUE_REGS in and out,
    and a body that needs nothing of the frame's stack but its own items. A uop that can run arbitrary code
    (escapes, safepoint) needs every value in the frame, where the collector sees it: it has none."""
    if {"escapes", "safepoint", "tier1", "jump"} & o.flags:
        return False
    if any(i.is_array for i in o.inputs + o.outputs):
        return False
    if len(o.inputs) > VALUE_REGS or len(o.outputs) > VALUE_REGS:
        return False
    if any(item.unused and k >= len(o.inputs) for k, item in enumerate(o.outputs)):
        return False  # an output slot nobody writes
    return not FRAME_BOUND.search(strip_comments(o.body))


def regs_out(o, depth):
    """Registers holding values after the uop's variant for `depth`: the values below its inputs that were in
    registers, then its outputs, the deepest spilled when they do not fit."""
    return min(VALUE_REGS, max(0, depth - len(o.inputs)) + len(o.outputs))


def emit_reg_variant(o, depth, out):
    """The block of o's variant for entry depth `depth`: inputs from the registers and memory, the body, the
    outputs into the registers (the deepest spilled to memory when they do not fit) and sp moved by what went to
    or came from memory. The body sees its items as the memory form does; its exits (DEOPT_IF, ERROR_IF, SAVE)
    spill the entry registers first (template.c), so the frame is exactly what the uop interpreter leaves."""
    q = " " * 8
    out.append(f"    /* {o.name}, {depth} in registers */")
    out.append("    {")
    emit_cache_reads(o, 0, out, q, {"cache32": "CACHE32", "cache64": "CACHE64"})
    n = len(o.inputs)
    values = []  # the inputs' values, bottom first
    for j, item in enumerate(o.inputs):
        from_top = n - j
        where = f"reg{depth - from_top}" if from_top <= depth else f"sp[{depth - from_top}]"
        name = f"krait_in{j}" if item.unused else item.name
        out.append(f"{q}Value {name} = {where};")
        out.append(f"{q}(void){name};")
        values.append(name)
    names_in = set(values)
    for item in o.outputs:
        if not item.unused and item.name not in names_in:
            out.append(f"{q}Value {item.name};")
    emit_body(o, out, q)
    kept = max(0, depth - n)  # registers below the inputs
    from_memory = max(0, n - depth)
    result = [f"reg{k}" for k in range(kept)]
    result += [values[k] if item.unused else item.name for k, item in enumerate(o.outputs)]
    spilled = max(0, len(result) - VALUE_REGS)
    for k in range(spilled):
        out.append(f"{q}sp[{k - from_memory}] = {result[k]};")
    if spilled - from_memory:
        out.append(f"{q}sp += {spilled - from_memory};")
    moves = [(k, v) for k, v in enumerate(result[spilled:]) if v != f"reg{k}"]
    for k, v in moves:
        out.append(f"{q}Value krait_out{k} = {v};")
    for k, _ in moves:
        out.append(f"{q}reg{k} = krait_out{k};")
    out.append("    }")


# ---------------------------------------------------------------------------------------------------------
# Outputs


def gen_ids(defs):
    lines = [HEADER_C, "#ifndef KRAIT_OPCODE_IDS_H", "#define KRAIT_OPCODE_IDS_H", ""]
    lines.append("/* Tier-1 instructions: the opcode byte of a code unit. */")
    lines.append("enum Opcode {")
    for k, ins in enumerate(defs.instructions):
        lines.append(f"    OP_{ins.name} = {k},")
    lines.append(f"    OP__COUNT = {len(defs.instructions)}")
    lines.append("};")
    lines.append("")
    lines.append("/* X(NAME) for every instruction, in opcode order (dispatch tables). */")
    lines.append("#define KRAIT_FOR_EACH_OPCODE(X) \\")
    lines += [f"    X({i.name}) \\" for i in defs.instructions]
    lines.append("")
    lines.append("")
    lines.append("/* Micro-ops: every op and every inst that is not tier-1 only. */")
    lines.append("enum Uop {")
    uops = uop_list(defs)
    for k, o in enumerate(uops):
        lines.append(f"    UOP_{o.name.lstrip('_')} = {k},")
    lines.append(f"    UOP__COUNT = {len(uops)}")
    lines.append("};")
    lines.append("")
    lines.append("/* Machine registers that may hold the top of the operand stack between two stencils (the value")
    lines.append(" * registers of ARCHITECTURE decision 6; see uop_regs_out). */")
    lines.append(f"#define KRAIT_VALUE_REGS {VALUE_REGS}")
    lines.append("")
    lines.append("/* X(NAME) for every uop, in Uop order (the uop interpreter's dispatch table). */")
    lines.append("#define KRAIT_FOR_EACH_UOP(X) \\")
    lines += [f"    X({o.name.lstrip('_')}) \\" for o in uops]
    lines.append("")
    lines.append("")
    lines.append("/* Specialization families: one per generic instruction that specializes. */")
    lines.append("enum Family {")
    fams = list(defs.families)
    for k, b in enumerate(fams):
        lines.append(f"    FAM_{b} = {k},")
    lines.append(f"    FAM__COUNT = {len(fams)},")
    lines.append("    FAM_NONE = 255")
    lines.append("};")
    lines.append("")
    lines.append("#endif")
    return "\n".join(lines) + "\n"


def uop_list(defs):
    """The micro-ops a trace can hold: every op but the tier-1 only ones and the jumps (the trace recorder turns
    a jump into a guard on the direction it saw)."""
    return [o for o in defs.ops.values() if not ({"tier1", "jump"} & o.flags)]


def is_adaptive(o):
    """Tier-1 adaptivity, left out of traces: the counting-down-to-specialize part of a generic instruction
    (_SPECIALIZE_*) and the hotness counters that start tier 2 (_COUNT_*)."""
    return o.name.startswith("_SPECIALIZE_") or o.name.startswith("_COUNT_")


def arg_kind(ins):
    """What the oparg means, for the disassembler: found from the accessors the bodies apply to oparg."""
    for o in parts_ops(ins):
        body = strip_comments(o.body)
        if re.search(r"\bLOCAL\(\s*(oparg >> 12|first)\s*\)", body):
            return "ARG_LOCAL_CONST" if "CONST(oparg & 0xFFF)" in body else "ARG_LOCAL_LOCAL"
        for macro, kind in (("CONST", "ARG_CONST"), ("NAME", "ARG_NAME"), ("LOCAL", "ARG_LOCAL"),
                            ("JUMP_TO", "ARG_JUMP")):
            if re.search(r"\b" + macro + r"\s*\(\s*oparg\s*\)", body):
                return kind
    if ins.name.startswith("BINARY_OP"):
        return "ARG_BINOP"
    if ins.name.startswith("COMPARE_OP"):
        return "ARG_CMPOP"
    return "ARG_NONE"


def gen_meta(defs):
    L = [HEADER_C.replace("/*", "//").replace(" */", ""), ""]
    ins = defs.instructions
    fams = list(defs.families)
    L.append("const char* const op_names[OP__COUNT] = {")
    L += [f'    "{i.name}",' for i in ins]
    L.append("};")
    L.append("const uint8_t op_cache_size[OP__COUNT] = {")
    L += [f"    {cache_size(i)},  // {i.name}" for i in ins]
    L.append("};")
    L.append("const uint16_t op_flags[OP__COUNT] = {")
    for i in ins:
        fl = inst_flags(i)
        L.append("    " + (" | ".join(f"OPF_{f.upper()}" for f in ALL_FLAGS if f in fl) or "0") + f",  // {i.name}")
    L.append("};")
    L.append("const uint8_t op_family[OP__COUNT] = {")
    for i in ins:
        b = defs.family_of.get(i.name)
        L.append(f"    {('FAM_' + b) if b else 'FAM_NONE'},  // {i.name}")
    L.append("};")
    L.append("const uint8_t op_generic[OP__COUNT] = {  // the family's generic instruction (itself if none)")
    for i in ins:
        b = defs.family_of.get(i.name, i.name)
        L.append(f"    OP_{b},  // {i.name}")
    L.append("};")
    L.append("const uint8_t op_arg_kind[OP__COUNT] = {")
    for i in ins:
        L.append(f"    {arg_kind(i)},  // {i.name}")
    L.append("};")
    L.append("const char* const family_names[FAM__COUNT + 1] = {")
    L += [f'    "{b}",' for b in fams]
    L.append('    nullptr,')
    L.append("};")
    L.append("")
    L.append("// Net stack effect of an instruction with the given oparg (the compiler sizes frames from it).")
    L.append("int op_stack_effect(int op, uint32_t oparg) {")
    L.append("    (void)oparg;")
    L.append("    switch (op) {")
    for i in ins:
        e = stack_effect(i)
        L.append(f"        case OP_{i.name}: return static_cast<int>({e});")
    L.append("        default: return 0;")
    L.append("    }")
    L.append("}")
    L.append("")
    uops = uop_list(defs)
    L.append("const char* const uop_names[UOP__COUNT] = {")
    L += [f'    "{o.name}",' for o in uops]
    L.append("};")
    L.append("const uint16_t uop_flags[UOP__COUNT] = {")
    for o in uops:
        L.append("    " + (" | ".join(f"OPF_{f.upper()}" for f in ALL_FLAGS if f in o.flags) or "0") + f",  // {o.name}")
    L.append("};")
    L.append("const uint8_t uop_cache_size[UOP__COUNT] = {  // cache words the uop reads (its operand words in a trace)")
    L += [f"    {o.cache_size},  // {o.name}" for o in uops]
    L.append("};")
    L.append("// Registers holding values after each uop's register variant for an entry depth (-1: no such variant;")
    L.append("// the uop runs on the frame's memory).")
    L.append(f"const int8_t uop_regs_out[UOP__COUNT][KRAIT_VALUE_REGS + 1] = {{")
    for o in uops:
        row = [regs_out(o, d) if has_reg_variants(o) else -1 for d in range(VALUE_REGS + 1)]
        L.append("    {" + ", ".join(map(str, row)) + f"}},  // {o.name}")
    L.append("};")
    L.append("// Stack values a uop pops and pushes with the given oparg (the optimizer's abstract stack).")
    L.append("void uop_stack_io(int uop, uint32_t oparg, int* pops, int* pushes) {")
    L.append("    (void)oparg;")
    L.append("    switch (uop) {")
    for o in uops:
        L.append(f"        case UOP_{o.name.lstrip('_')}: *pops = static_cast<int>({total(o.inputs).c()}); "
                 f"*pushes = static_cast<int>({total(o.outputs).c()}); return;")
    L.append("        default: *pops = *pushes = 0; return;")
    L.append("    }")
    L.append("}")
    L.append("")
    L.append("// Each instruction as its sequence of uops, with the cache offset each reads its fields from.")
    L.append("// The adaptive _SPECIALIZE_/_COUNT_ parts are left out; instructions with a tier-1 only part or a jump have no")
    L.append("// expansion (count 0): the trace recorder translates those itself.")
    exp = []
    starts = []
    for i in ins:
        starts.append(len(exp))
        ops = []
        off = 0
        ok = True
        parts = [i] if isinstance(i, Op) else i.parts
        for p in parts:
            if isinstance(p, int):
                off += p
                continue
            if is_adaptive(p):
                off += p.cache_size
                continue
            if {"tier1", "jump"} & p.flags:
                ok = False
                break
            ops.append((p, off))
            off += p.cache_size
        if ok:
            exp += [(p.name, o) for p, o in ops]
        else:
            starts[-1] = -1
    L.append("const UopExpansion uop_expansion_items[] = {")
    L += [f"    {{UOP_{n.lstrip('_')}, {o}}}," for n, o in exp] or ["    {0, 0},"]
    L.append("};")
    L.append("const UopExpansionRange op_expansion[OP__COUNT] = {")
    for k, i in enumerate(ins):
        if starts[k] < 0:
            L.append(f"    {{0, 0}},  // {i.name}: tier-1 only")
        else:
            nxt = next((s for s in starts[k + 1:] if s >= 0), len(exp))
            L.append(f"    {{{starts[k]}, {nxt - starts[k]}}},  // {i.name}")
    L.append("};")
    return "\n".join(L) + "\n"


def gen_cases(defs):
    L = [HEADER_C, ""]
    predicted = set(defs.families)
    ctx = {"cache32": "CACHE32", "cache64": "CACHE64", "save": "SAVE();"}
    for ins in defs.instructions:
        doc = f"  /* {ins.doc} */" if ins.doc else ""
        L.append(f"TARGET({ins.name}, {cache_size(ins)}) {{{doc}")
        if ins.name in predicted:
            L.append(f"PREDICTED_{ins.name}:;")
        fam = defs.family_of.get(ins.name)
        if fam and fam != ins.name:
            L.append(f"    STAT_HIT(FAM_{fam});")
            L.append("#undef DEOPT_IF")
            L.append(f"#define DEOPT_IF(cond) do {{ if (KRAIT_UNLIKELY(cond)) {{ STAT_MISS(FAM_{fam}); "
                     f"goto PREDICTED_{fam}; }} }} while (0)")
        off = 0
        parts = [ins] if isinstance(ins, Op) else ins.parts
        for p in parts:
            if isinstance(p, int):
                off += p
                continue
            off = emit_op(p, off, L, 4, ctx)
        if fam and fam != ins.name:
            L.append("#undef DEOPT_IF")
            L.append("#define DEOPT_IF(cond) DEOPT_IF_used_outside_a_family_member")
        L.append("    DISPATCH();")
        L.append("}")
        L.append("")
    return "\n".join(L)


def wrap_bodies(ops, open_line, prologue, close, headers=(), spaced=True):
    """Each op's body (emit_op) in a wrapper of its own: `open_line(o)` opens it, `prologue` and `close` are the
    statements before and after the body. The uop interpreter, the stencil template and the C11 check differ only
    in their wrappers (and in the macros those define)."""
    ctx = {"cache32": "CACHE32", "cache64": "CACHE64", "save": "SAVE();"}
    L = [HEADER_C, *headers, ""]
    for o in ops:
        L.append(open_line(o))
        if prologue:
            L.append("    " + prologue)
        emit_op(o, 0, L, 4, ctx)
        L.append("    " + close)
        L.append("}")
        if spaced:
            L.append("")
    return "\n".join(L) + ("" if spaced else "\n")


def gen_uop_cases(defs):
    """The tier-2 interpreter's cases, UOP_TARGET(NAME) { ... NEXT_UOP(); }: the op's cache fields are its operand
    words (cache offset 0 = the first)."""
    def open_line(o):
        doc = f"  /* {o.doc} */" if o.doc else ""
        return f"UOP_TARGET({o.name.lstrip('_')}) {{{doc}"
    return wrap_bodies(uop_list(defs), open_line, None, "NEXT_UOP();", spaced=False)


def gen_bodies_c(defs):
    return wrap_bodies(defs.ops.values(), lambda o: f"void krait_check_{o.name.lstrip('_')}(KRAIT_CHECK_PARAMS) {{",
                       "KRAIT_CHECK_PROLOGUE;", "KRAIT_CHECK_EPILOGUE;", headers=['#include "instr_check_context.h"'])


def gen_uop_stencils(defs):
    """The micro-op bodies for the stencil template: a stencil runs one uop and continues into the next one's
    code; cache fields are holes the JIT patches with the uop's operand words (cache offset 0 = the first). Each
    uop's memory form, KRAIT_STENCIL(NAME), then the register variants of those that have them,
    KRAIT_REG_STENCIL(NAME, DEPTH) (emit_reg_variant)."""
    uops = uop_list(defs)
    L = [wrap_bodies(uops, lambda o: f"KRAIT_STENCIL({o.name.lstrip('_')}) {{", "KRAIT_STENCIL_PROLOGUE;",
                     "CONTINUE();")]
    for o in uops:
        if not has_reg_variants(o):
            continue
        for depth in range(VALUE_REGS + 1):
            L.append(f"KRAIT_REG_STENCIL({o.name.lstrip('_')}, {depth}) {{")
            L.append(f"    KRAIT_REG_PROLOGUE({depth});")
            emit_reg_variant(o, depth, L)
            L.append(f"    CONTINUE_REGS({regs_out(o, depth)});")
            L.append("}")
            L.append("")
    return "\n".join(L)


HEADER_C = "/* Generated by core/gen_instructions.py from core/instructions.def. Do not edit. */"


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n")[2], file=sys.stderr)
        return 2
    src, outdir = argv[1], argv[2]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    try:
        defs = Definitions(text)
    except DslError as e:
        print(f"{src}: error: {e}", file=sys.stderr)
        return 1
    os.makedirs(outdir, exist_ok=True)
    write_if_changed(os.path.join(outdir, "opcode_ids.h"), gen_ids(defs))
    write_if_changed(os.path.join(outdir, "opcode_meta.inc"), gen_meta(defs))
    write_if_changed(os.path.join(outdir, "interp_cases.inc"), gen_cases(defs))
    write_if_changed(os.path.join(outdir, "uop_cases.inc"), gen_uop_cases(defs))
    write_if_changed(os.path.join(outdir, "uop_bodies.c"), gen_bodies_c(defs))
    write_if_changed(os.path.join(outdir, "uop_stencils.inc"), gen_uop_stencils(defs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
