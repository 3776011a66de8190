#!/usr/bin/env python3
"""gen_stencils.py — compiles the stencil template (stencils/template.c) with clang-19 for one JIT target and turns
the object file into a C++ table of stencils: each uop's code bytes, its holes (relocations: where, what kind,
patched with what) and its read-only data, with the disassembly as comments (stencils/stencil.h defines the table).
The compiler flags live here, once: the build and the golden test (tests/stencils/) both come through this script.

Usage: gen_stencils.py --cc CLANG [--objdump OBJDUMP] [-I DIR]... TEMPLATE.c OPCODE_IDS.h TARGET OUT.cpp
  TARGET is x86_64 or aarch64. OPCODE_IDS.h gives the uop numbering; -I the directories template.c's includes
  come from (core/, and the generated uop_stencils.inc). The object is kept beside OUT.cpp (OUT.o).

A relocation kind the JIT cannot patch, a stencil that calls a function of its own object, a relocated data
section or a missing uop stops the build with a message: a stencil the patcher would get wrong must never be
generated. Writes OUT.cpp only when its text changes (so that what depends on it is rebuilt only then).
"""

import argparse
import os
import re
import struct
import subprocess
import sys

EM_X86_64, EM_AARCH64 = 62, 183
# Why each flag:
#   -ffreestanding        no libc headers of the target needed (AArch64 is cross-compiled from x86-64)
#   -fno-pic + code model x86-64 medium: 32-bit holes become 32-bit immediates, 64-bit ones movabs, the runtime's
#                         data PC-relative (the JIT places its arena near the runtime); AArch64 large: every hole
#                         a MOVZ/MOVK sequence (ADRP would need a hole's value within 4 GiB of the code)
#   -ffunction-sections   one section per stencil, so that each function's relocations are its own
#   -fno-jump-tables      no tables of code addresses that would need relocating with the code
#   -fno-asynchronous-unwind-tables -fno-stack-protector  nothing the copied code cannot carry along
#   -fno-slp-vectorize    no 16-byte loads of two stack slots that the previous uop stored as 8-byte values: the
#                         store-to-load forwarding stall made float_loop 3x slower than tier 1 (0.74 s vs 0.25 s)
CFLAGS = ["-O2", "-std=c11", "-ffreestanding", "-fno-pic", "-ffunction-sections", "-fno-jump-tables",
          "-fno-asynchronous-unwind-tables", "-fno-stack-protector", "-fno-slp-vectorize", "-fno-vectorize", "-Wno-unused-variable",
          "-Wno-unused-but-set-variable", "-Wno-unused-label", "-Werror=implicit-function-declaration"]
TARGET_CFLAGS = {"x86_64": ["--target=x86_64-linux-gnu", "-mcmodel=medium"],
                 "aarch64": ["--target=aarch64-linux-gnu", "-mcmodel=large"]}
SHT_SYMTAB, SHT_RELA = 2, 4
STT_SECTION, STT_FUNC = 3, 2
SHN_UNDEF = 0

# ELF relocation numbers -> HoleKind (stencil.h). Anything else fails the build.
KINDS = {
    EM_X86_64: {1: "X86_64_64", 10: "X86_64_32", 11: "X86_64_32S", 2: "X86_64_PC32", 4: "X86_64_PLT32"},
    EM_AARCH64: {257: "A64_ABS64", 264: "A64_MOVW_G0_NC", 266: "A64_MOVW_G1_NC", 268: "A64_MOVW_G2_NC",
                 269: "A64_MOVW_G3", 283: "A64_CALL26", 282: "A64_JUMP26", 275: "A64_ADR_PREL_PG_HI21",
                 277: "A64_ADD_ABS_LO12_NC", 286: "A64_LDST64_ABS_LO12_NC", 280: "A64_CONDBR19",
                 279: "A64_TSTBR14"},
}
# The final instruction that continues into the next uop, which the JIT leaves out: (size, HoleKind).
TAIL_JUMP = {EM_X86_64: (5, "X86_64_PLT32"), EM_AARCH64: (4, "A64_JUMP26")}
TARGETS = {"x86_64": (EM_X86_64, "X86_64"), "aarch64": (EM_AARCH64, "AArch64")}
HOLE_BYTES = 6  # stencil.h's kHoleBytes
WIDE_KINDS = {"X86_64_64", "A64_ABS64"}  # the holes that are a whole 64-bit word
COPY_SLACK = 32  # stencil.h's kCopySlack

# template.c's holes -> HoleValue.
HOLE_VALUES = {
    "_JIT_OPARG": "Oparg", "_JIT_TARGET": "Target", "_JIT_NEXT": "Next", "_JIT_EXIT": "Exit",
    "_JIT_CACHE0": "Cache0", "_JIT_CACHE1": "Cache1", "_JIT_CACHE2": "Cache2", "_JIT_CACHE3": "Cache3",
    "_JIT_CACHE64_0": "Cache64_0", "_JIT_CACHE64_1": "Cache64_1", "_JIT_CACHE64_2": "Cache64_2",
    "_JIT_EXIT_SLOT": "ExitSlot", "_JIT_VALID": "Valid", "_JIT_WARM": "Warm", "_JIT_ENTRY": "Entry", "_JIT_CONTINUE": "Continue", "_JIT_TOP": "Top",
}
FIRST_SYMBOL = 20  # stencil.h's kFirstSymbol: HoleValue's values, then the runtime symbols
STENCIL_PREFIX = "krait_stencil_"
ENTRY, HEAD, FELL_OFF = "krait_jit_entry", "krait_stencil_TRACE_HEAD", "krait_stencil_FELL_OFF_TRACE"
SPILL = "krait_stencil_SPILL_"  # + n: writes the top n value registers back to the frame
VARIANT = "__r"  # krait_stencil_NAME__rDEPTH: the uop's register variant for DEPTH values in registers


class GenError(Exception):
    pass


class Elf:
    """The parts of an ELF64 little-endian relocatable object the generator needs."""

    def __init__(self, data):
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise GenError("not an ELF64 little-endian object")
        self.data = data
        self.machine = struct.unpack_from("<H", data, 0x12)[0]
        shoff = struct.unpack_from("<Q", data, 0x28)[0]
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
        self.sections = []
        for i in range(shnum):
            name, typ, flags, _addr, off, size, link, info, align, entsize = struct.unpack_from(
                "<IIQQQQIIQQ", data, shoff + i * shentsize)
            self.sections.append(dict(name_off=name, type=typ, flags=flags, offset=off, size=size, link=link,
                                      info=info, align=align, entsize=entsize))
        strtab = self.sections[shstrndx]
        for s in self.sections:
            s["name"] = self.cstr(strtab["offset"] + s["name_off"])
        self.symbols = []
        for s in self.sections:
            if s["type"] != SHT_SYMTAB:
                continue
            names = self.sections[s["link"]]
            for k in range(s["size"] // 24):
                name, info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", data, s["offset"] + 24 * k)
                self.symbols.append(dict(name=self.cstr(names["offset"] + name), type=info & 0xF, shndx=shndx,
                                         value=value, size=size))

    def cstr(self, off):
        end = self.data.index(b"\0", off)
        return self.data[off:end].decode()

    def section_bytes(self, index):
        s = self.sections[index]
        return self.data[s["offset"]:s["offset"] + s["size"]]

    def relocations(self, index):
        """(offset, type, symbol, addend) of the relocations that apply to section `index`."""
        out = []
        for s in self.sections:
            if s["type"] == SHT_RELA and s["info"] == index:
                for k in range(s["size"] // 24):
                    off, info, addend = struct.unpack_from("<QQq", self.data, s["offset"] + 24 * k)
                    out.append((off, info & 0xFFFFFFFF, self.symbols[info >> 32], addend))
        return sorted(out, key=lambda r: r[0])


class StencilOut:
    def __init__(self, name):
        self.name = name
        self.code = b""
        self.body_size = 0
        self.cold = b""
        self.data = b""
        self.data_align = 1
        self.holes = []  # (offset, kind, value, addend, symbol or None)
        self.cold_holes = []
        self.data_at = {}  # section index -> offset in self.data


def holes_of(elf, st, sec, own, out):
    """The holes of section `sec` of stencil st into `out`; `own` maps the stencil's sections (hot, cold) to the
    HoleValue that addresses them."""
    kinds = KINDS[elf.machine]
    for off, typ, sym, addend in elf.relocations(sec):
        if typ not in kinds:
            raise GenError(f"{st.name}: relocation type {typ} at +{off:#x} ({sym['name'] or 'section'}) is not one "
                           f"the JIT can patch; add it to stencil.h, the patcher and this generator")
        kind = kinds[typ]
        name = sym["name"]
        if sym["type"] == STT_SECTION or (sym["shndx"] != SHN_UNDEF and name not in HOLE_VALUES):
            target = sym["shndx"]
            base = 0 if sym["type"] == STT_SECTION else sym["value"]
            if target in own:
                out.append((off, kind, own[target], addend + base, None))
                continue
            tsec = elf.sections[target]
            if tsec["flags"] & 0x4:  # SHF_EXECINSTR: a call into another function of the template
                raise GenError(f"{st.name}: refers to code outside itself ({tsec['name']}{'+' if name else ''}"
                               f"{name}); make the callee static inline (always_inline) or a runtime helper")
            if elf.relocations(target):
                raise GenError(f"{st.name}: data section {tsec['name']} holds relocations (a jump table? "
                               f"compile with -fno-jump-tables)")
            if target not in st.data_at:
                align = max(1, tsec["align"])
                st.data += b"\0" * ((-len(st.data)) % align)
                st.data_at[target] = len(st.data)
                st.data += elf.section_bytes(target)
                st.data_align = max(st.data_align, align)
            out.append((off, kind, "Data", addend + base + st.data_at[target], None))
        elif name in HOLE_VALUES:
            out.append((off, kind, HOLE_VALUES[name], addend, None))
        else:
            out.append((off, kind, "Symbol", addend, name))


def extract(elf, fn):
    """One function's stencil: its hot code (the function's section), its cold code (the blocks split_cold moved
    out), their holes, and the data sections they refer to."""
    st = StencilOut(fn["name"])
    sec = fn["shndx"]
    code = elf.section_bytes(sec)
    if fn["value"] != 0 or fn["size"] != len(code):
        raise GenError(f"{fn['name']}: expected alone in its section (compile with -ffunction-sections)")
    st.code = code
    cold = next((k for k, s in enumerate(elf.sections) if s["name"] == ".text.cold." + fn["name"]), None)
    own = {sec: "Code"}
    if cold is not None:
        own[cold] = "Cold"
        st.cold = elf.section_bytes(cold)
        holes_of(elf, st, cold, own, st.cold_holes)
    holes_of(elf, st, sec, own, st.holes)
    st.body_size = len(code)
    size, kind = TAIL_JUMP[elf.machine]
    last = st.holes[-1] if st.holes else None
    if last and last[2] == "Continue" and last[1] == kind and tail_jump_at_end(elf.machine, code, last[0]):
        st.body_size = len(code) - size
    # The order the JIT patches them in (stencil.h's Stencil): the 64-bit ones first, the jump to the next uop
    # last (the only hole past body_size: a trace leaves it out with the jump).
    for holes in (st.holes, st.cold_holes):
        holes.sort(key=lambda h: (0 if h[1] in WIDE_KINDS else 2 if h[0] >= st.body_size and holes is st.holes
                                  else 1, h[0]))
    return st


CONTINUE_JUMP = re.compile(r"\s+(jmp|b)\s+_JIT_CONTINUE\b")
# A conditional branch to the next uop: x86 jCC, AArch64 b.CC, cbz/cbnz REG, tbz/tbnz REG, #BIT.
CONTINUE_BRANCH = re.compile(r"(\s+)(j[a-z]+|b\.[a-z]+|cbn?z|tbn?z)(\s+)((?:[\w#]+,\s*)*)_JIT_CONTINUE\b.*$")
INVERSE = {"je": "jne", "jl": "jge", "jle": "jg", "jb": "jae", "jbe": "ja", "js": "jns", "jo": "jno",
           "jp": "jnp", "cbz": "cbnz", "tbz": "tbnz"}
INVERSE.update({v: k for k, v in list(INVERSE.items())})
for a, b in (("eq", "ne"), ("hs", "lo"), ("cs", "cc"), ("mi", "pl"), ("vs", "vc"), ("hi", "ls"), ("ge", "lt"),
             ("gt", "le")):
    INVERSE["b." + a], INVERSE["b." + b] = "b." + b, "b." + a


def continue_last(body, section):
    """Makes the function's last reference to the next uop an unconditional jump when it is a conditional branch
    with code after it (clang put the guard's likely outcome on the branch): the branch is inverted to jump to
    that code, which follows a jump to the next uop. Returns the body."""
    last = max((k for k, l in enumerate(body) if "_JIT_CONTINUE" in l), default=None)
    if last is None or CONTINUE_JUMP.match(body[last]):
        return body
    m = CONTINUE_BRANCH.match(body[last])
    if not m or m.group(2) not in INVERSE:
        return body
    label = f".Lkrait_cold_{section}"
    jump = "jmp" if m.group(2).startswith("j") else "b"
    return body[:last] + [f"{m.group(1)}{INVERSE[m.group(2)]}{m.group(3)}{m.group(4)}{label}",
                          f"\t{jump}\t_JIT_CONTINUE", f"{label}:"] + body[last + 1:]
FUNC_SECTION = re.compile(r"\s*\.section\s+\.text\.(krait_stencil_\w+),(.*)$")


def split_cold(asm):
    """Moves each stencil's code after its last jump to the next uop into a section of its own (.text.cold.NAME).

    clang lays a function out hot path first, so that jump is followed by the blocks of the unlikely paths (deopts,
    errors); when the last reference to the next uop is a conditional branch, continue_last makes it a jump first.
    Split off, the hot part ends with the jump, which the JIT then leaves out (the next uop's code
    follows), and a trace's hot code is contiguous: its cold parts are copied after all of it. The assembler turns
    the branches between the two parts into relocations, which become holes like any other."""
    out, section, flags, body = [], None, None, None
    for line in asm.split("\n"):
        m = FUNC_SECTION.match(line)
        if m:
            section, flags = m.group(1), m.group(2)
        if body is None:
            out.append(line)
            if section and line.startswith(section + ":"):
                body = []
            continue
        if not line.startswith(".Lfunc_end"):
            body.append(line)
            continue
        body = continue_last(body, section)
        last = max((k for k, l in enumerate(body) if CONTINUE_JUMP.match(l)), default=None)
        rest = body[last + 1:] if last is not None else []
        if any(l.strip() and not l.lstrip().startswith(("#", "//")) for l in rest):
            body = body[:last + 1] + [f"\t.section\t.text.cold.{section},{flags}"] + rest + \
                   [f"\t.section\t.text.{section},{flags}"]
        out += body + [line]
        body = None
    return "\n".join(out)


CONSTANT_SECTION = re.compile(r"(\s*\.section\s+\.rodata\.cst\d+)(,.*)$")


def unique_constant_sections(asm):
    """Gives each function's constant pool a section of its own (.rodata.cstN.K).

    clang puts the constants of every function of the file into one mergeable section per size (x86-64's
    .rodata.cst8: 45 stencils' NaN constants, 360 bytes), and a stencil's data is the sections it refers to, so each
    float stencil carried all 360 bytes into every trace (nbody's side trace: 13 KB of its 21). The pool precedes its
    function in the assembly: one section per pool keeps each stencil's data to its own constants."""
    out, count = [], 0
    for line in asm.split("\n"):
        m = CONSTANT_SECTION.match(line)
        if m:
            line = f"{m.group(1)}.{count}{m.group(2)}"
            count += 1
        out.append(line)
    return "\n".join(out)


def tail_jump_at_end(machine, code, hole_offset):
    """Whether the code ends with the jump whose displacement is at hole_offset (x86-64: e9 rel32; AArch64: b)."""
    if machine == EM_X86_64:
        return hole_offset == len(code) - 4 and code[-5] == 0xE9
    return hole_offset == len(code) - 4 and (code[-1] & 0xFC) == 0x14


def disassembly(objdump, obj):
    """Function name -> its disassembly lines (for comments), or {} without an objdump."""
    if not objdump:
        return {}
    text = subprocess.run([objdump, "-d", "-r", "--no-show-raw-insn", obj], check=True, capture_output=True,
                          text=True).stdout
    out, cur = {}, None
    for line in text.split("\n"):
        m = re.match(r"[0-9a-f]+ <(\S+)>:", line)
        if m:
            cur = out.setdefault(m.group(1), [])
            continue
        if cur is not None and line.strip() and not line.startswith("Disassembly of section"):
            cur.append(re.sub(r"\s+", " ", line.strip()))
    return out


def uop_names(opcode_ids):
    """The uops (name, number) and the number of value registers, from opcode_ids.h."""
    text = open(opcode_ids, encoding="utf-8").read()
    enum = text[text.index("enum Uop {"):]
    enum = enum[:enum.index("};")]
    regs = re.search(r"#define KRAIT_VALUE_REGS (\d+)", text)
    if not regs:
        raise GenError(f"{opcode_ids}: no KRAIT_VALUE_REGS (the number of value registers)")
    return re.findall(r"UOP_(\w+) = (\d+),", enum), int(regs.group(1))


def c_bytes(b):
    return [", ".join(f"0x{x:02x}" for x in b[i:i + 16]) + "," for i in range(0, len(b), 16)]


class Records:
    """The table's records (stencil.h's Stencil): each stencil's hot code, cold code, data and holes, one after the
    other in one byte array, with the disassembly as comments; and the index entry of each."""

    def __init__(self, dis, symbols):
        self.dis, self.symbols = dis, symbols  # symbols: name -> its index in the table's symbols
        self.lines, self.size = [], 0

    def hole(self, h, where):
        off, kind, value, addend, sym = h
        if not (0 <= off < 1 << 16 and -(1 << 15) <= addend < 1 << 15):
            raise GenError(f"{where}: hole at +{off:#x} with addend {addend} does not fit the table's format")
        v = f"kFirstSymbol + {self.symbols[sym]} /* {sym} */" if sym else f"uint8_t(HoleValue::{value})"
        return f"KRAIT_HOLE({off:#x}, {kind}, {v}, {addend}),"

    def add(self, st):
        """Appends st's record; returns its index entry (a C++ initializer)."""
        L = self.lines
        holes = len(st.holes) + len(st.cold_holes)
        L.append(f"    // {st.name} (+{self.size:#x}): {len(st.code)} bytes of code ({st.body_size} without the jump "
                 f"to the next uop), {len(st.cold)} of cold code, {len(st.data)} of data, {holes} holes")
        for line in self.dis.get(st.name, []):
            L.append(f"    //   {line}")
        L += ["    " + row for row in c_bytes(st.code)]
        if st.cold:
            L.append("    //   cold:")
            for line in self.dis.get(".text.cold." + st.name, []):
                L.append(f"    //   {line}")
            L += ["    " + row for row in c_bytes(st.cold)]
        if st.data:
            L.append("    //   data:")
            L += ["    " + row for row in c_bytes(st.data)]
        for part, hs in (("holes", st.holes), ("cold holes", st.cold_holes)):
            if hs:
                L.append(f"    //   {part}:")
                L += ["    " + self.hole(h, st.name) for h in hs]
        sizes = (len(st.code), st.body_size, len(st.cold))
        if max(sizes) >= 1 << 16 or max(len(st.holes), len(st.cold_holes), len(st.data), st.data_align) >= 1 << 8:
            raise GenError(f"{st.name}: too large for the table's format")
        wide = [sum(h[1] in WIDE_KINDS for h in hs) for hs in (st.holes, st.cold_holes)]
        entry = (f"{{{self.size:#x}, {len(st.code)}, {st.body_size}, {len(st.cold)}, {len(st.data)}, {st.data_align}, "
                 f"{len(st.holes)}, {wide[0]}, {len(st.cold_holes)}, {wide[1]}}}")
        self.size += len(st.code) + len(st.cold) + len(st.data) + HOLE_BYTES * holes
        return entry


def generate(obj, opcode_ids, target, objdump):
    machine, target_enum = TARGETS[target]
    elf = Elf(open(obj, "rb").read())
    if elf.machine != machine:
        raise GenError(f"{obj}: machine {elf.machine}, expected {machine} ({target})")
    funcs = {s["name"]: s for s in elf.symbols if s["type"] == STT_FUNC and s["shndx"] != SHN_UNDEF}
    dis = disassembly(objdump, obj)
    uops, nregs = uop_names(opcode_ids)
    stencils = []
    variants = {}  # (uop name, depth) -> stencil
    for name, num in uops:
        fn = funcs.get(STENCIL_PREFIX + name)
        if not fn:
            raise GenError(f"no stencil for uop {name} in {obj}")
        stencils.append((name, int(num), extract(elf, fn)))
        for depth in range(nregs + 1):
            fn = funcs.get(f"{STENCIL_PREFIX}{name}{VARIANT}{depth}")
            if fn:
                variants[name, depth] = extract(elf, fn)
    for special in [ENTRY, HEAD, FELL_OFF] + [f"{SPILL}{n}" for n in range(1, nregs + 1)]:
        if special not in funcs:
            raise GenError(f"{obj}: {special} missing")
    entry = extract(elf, funcs[ENTRY])
    head = extract(elf, funcs[HEAD])
    fell_off = extract(elf, funcs[FELL_OFF])
    spills = [extract(elf, funcs[f"{SPILL}{n}"]) for n in range(1, nregs + 1)]
    symbols = {}  # name -> index, in order of first use
    for st in [s for _, _, s in stencils] + list(variants.values()) + [entry, head, fell_off] + spills:
        for h in st.holes + st.cold_holes:
            if h[4] and h[4] not in symbols:
                symbols[h[4]] = len(symbols)
    if len(symbols) > 256 - FIRST_SYMBOL:
        raise GenError(f"{len(symbols)} runtime symbols: more than a hole's value byte can name")
    records = Records(dis, symbols)
    index = {}  # stencil identifier -> its entry
    for name, _, st in stencils:
        index[name] = records.add(st)
    for (name, depth), st in variants.items():
        index[name, depth] = records.add(st)
    for n, st in enumerate(spills, 1):
        index[f"spill_{n}"] = records.add(st)
    for ident, st in (("entry", entry), ("head", head), ("fell_off", fell_off)):
        index[ident] = records.add(st)
    ident = lambda sym: re.sub(r"\W", "_", sym)
    L = [f"// Generated by stencils/gen_stencils.py from stencils/template.c compiled for {target}. Do not edit.",
         '#include "opcode_ids.h"', '#include "stencil.h"', "", "namespace krait::jit {", "namespace {", "",
         "// The runtime symbols the stencils refer to, by their assembler names (no prototypes needed).",
         "extern \"C\" {"]
    for sym in symbols:
        L.append(f'extern const char ksym_{ident(sym)}[] __asm__("{sym}");')
    L += ["}", "", f"const void* const symbols_{target}[] = {{"]
    L += [f"    ksym_{ident(sym)},  // {k}" for sym, k in symbols.items()] or ["    nullptr,"]
    L += ["};", "", "// Each stencil's record: its hot code, cold code, data and holes (stencil.h).",
          f"alignas(64) const uint8_t records_{target}[] = {{"]
    L += records.lines
    L += [f"    // {COPY_SLACK} bytes for the copy's last chunk to read (stencil.h's kCopySlack)",
          "    " + ", ".join(["0"] * COPY_SLACK) + ","]
    L += ["};", "", f"const Stencil uops_{target}[UOP__COUNT] = {{"]
    for name, num, _ in stencils:
        L.append(f"    {index[name]},  // {num} {name}")
    L.append("};")
    L.append(f"const Stencil reg_uops_{target}[UOP__COUNT][KRAIT_VALUE_REGS + 1] = {{  // {{}}: no such variant")
    for name, num, _ in stencils:
        row = [index.get((name, d), "{}") for d in range(nregs + 1)]
        L.append(f"    {{{', '.join(row)}}},  // {num} {name}")
    L.append("};")
    L.append("")
    for name, num, _ in stencils:
        L.append(f"static_assert(UOP_{name} == {num});")
    L.append(f"static_assert(kFirstSymbol == {FIRST_SYMBOL} && kHoleBytes == {HOLE_BYTES} && kCopySlack == {COPY_SLACK});")
    spill_list = ", ".join(index[f"spill_{n}"] for n in range(1, nregs + 1))
    L += ["", "}  // namespace", "",
          f"const StencilTable stencils_{target} = {{Target::{target_enum}, records_{target}, {records.size}, "
          f"uops_{target}, UOP__COUNT, reg_uops_{target}, {index['entry']}, {index['head']}, {index['fell_off']}, "
          f"{{{{}}, {spill_list}}}, symbols_{target}, {len(symbols)}}};", "",
          "}  // namespace krait::jit", ""]
    return "\n".join(L)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("template")
    ap.add_argument("opcode_ids")
    ap.add_argument("target", choices=sorted(TARGETS))
    ap.add_argument("out")
    ap.add_argument("--cc", required=True)
    ap.add_argument("--objdump")
    ap.add_argument("-I", dest="includes", action="append", default=[])
    a = ap.parse_args(argv[1:])
    stem = os.path.splitext(a.out)[0]
    obj, asm = stem + ".o", stem + ".s"
    # Compile to assembly, split each stencil's cold code off (split_cold), assemble.
    cmd = [a.cc] + TARGET_CFLAGS[a.target] + CFLAGS + [f"-I{d}" for d in a.includes] + ["-S", a.template, "-o", asm]
    r = subprocess.run(cmd)
    if r.returncode != 0:
        print(f"gen_stencils.py: error: the stencil compiler failed: {' '.join(cmd)}", file=sys.stderr)
        return 1
    with open(asm, encoding="utf-8") as f:
        text = unique_constant_sections(split_cold(f.read()))
    with open(asm, "w", encoding="utf-8") as f:
        f.write(text)
    cmd = [a.cc, TARGET_CFLAGS[a.target][0], "-c", asm, "-o", obj]  # the target only: no code generation here
    if subprocess.run(cmd).returncode != 0:
        print(f"gen_stencils.py: error: assembling the split stencils failed: {' '.join(cmd)}", file=sys.stderr)
        return 1
    try:
        text = generate(obj, a.opcode_ids, a.target, a.objdump)
    except GenError as e:
        print(f"gen_stencils.py: error: {e}", file=sys.stderr)
        return 1
    try:
        if open(a.out, encoding="utf-8").read() == text:
            return 0
    except FileNotFoundError:
        pass
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
