// frame.h — activation records on the one contiguous value stack (ARCHITECTURE decision 3).
//
//   [Frame header][localsplus: args, locals, cells, frees][operand stack: code->stacksize values][next frame ...]
//
// A frame's extent is fixed when it is pushed, so the next frame always starts at frame->end(). The collector
// scans every frame's whole extent; the operand area is zeroed on push so that it never holds stale pointers.
// A generator's frame is copied into the generator object when it yields and back onto the stack when resumed
// (its ip and sp are stored as offsets-safe pointers: ip into the immutable code array, sp re-based on copy).
#pragma once

#include "code.h"
#include "object.h"

namespace krait {

struct GeneratorObject;

enum FrameFlags : uint32_t {
    FRAME_ENTRY = 1,  // pushed by C++ (call_function): returning from it returns from the run loop
    FRAME_INIT = 2,   // runs __init__ for CALL_ALLOC_AND_ENTER_INIT: must return None; the instance is the result
};

struct Frame {
    Frame* prev;
    CodeObject* code;
    // Copies of the code object's arrays, so that the interpreter reaches them in one load from the frame (it
    // keeps only the frame, ip, sp and oparg in registers). Set with set_code().
    uint32_t* code_base;
    Value* consts;
    StrObject** names;
    FunctionObject* func;  // null for module bodies
    DictObject* globals;
    Value locals_dict;     // namespace of a module or class body, VAL_NULL in functions
    uint32_t* ip;          // next instruction
    Value* sp;             // saved operand stack pointer (valid while the frame is not running)
    GeneratorObject* gen;  // the generator running in this frame, if any
    uint32_t flags;
    uint32_t last_pc;      // code unit of the instruction being executed (for tracebacks and handlers)

    Value* localsplus() { return reinterpret_cast<Value*>(this + 1); }
    void set_code(CodeObject* c) {
        code = c;
        code_base = c->code_base;
        consts = c->consts_base;
        names = c->names_base;
    }
    Value* stack_base() { return localsplus() + code->nlocalsplus; }
    Value* end() { return stack_base() + code->stacksize; }
    size_t extent_values() const { return sizeof(Frame) / sizeof(Value) + code->nlocalsplus + code->stacksize; }
    size_t pc() const { return ip - code->code.data(); }
};
static_assert(sizeof(Frame) % sizeof(Value) == 0, "frames are laid out in whole value words");

enum class GenState : uint8_t { Created, Suspended, Running, Finished };

struct GeneratorObject : Object {
    Value* saved;        // copy of the frame (header + extent) while not running
    size_t nvalues;
    GenState state;
    StrObject* name;
    StrObject* qualname;
    Value handled_exc;   // the exception being handled inside the generator while suspended
};

}  // namespace krait
