// frames.h — frames on the one value stack: allocating, pushing and popping them, and binding a call's
// arguments into a new frame (CPython's messages for every binding error). Used by the interpreter, the
// instruction helpers (instr_api.cpp) and the C++ entry points that call Python.
#pragma once

#include "frame.h"
#include "vm.h"

namespace krait {

// A new frame for `code` right above the current one, all zero but for its header. Null + RecursionError when
// the recursion limit or the value stack would be exceeded. The frame is not pushed.
Frame* frame_alloc(CodeObject* code);

inline void frame_push(Frame* f) {
    vm.frame = f;
    vm.depth++;
}
inline void frame_pop(Frame* f) {
    vm.frame = f->prev;
    vm.depth--;
}

// Prepares a frame for calling fn with the given arguments (the last len(kwnames) of them keyword values).
// Returns the frame (not yet pushed), or null: with *gen_out set to a new generator when fn is a generator
// function, or with an exception set.
Frame* prepare_call(FunctionObject* fn, Value* args, size_t nargs, TupleObject* kwnames, Value* gen_out);

// The fast path of prepare_call for a call the specializer proved simple: fn is not a generator, takes exactly
// nargs positional parameters and nothing else. Null + RecursionError when too deep.
Frame* prepare_exact_call(FunctionObject* fn, Value* args, size_t nargs);

// Saves a suspended generator frame (with its stack up to sp) back into its generator object.
void save_generator_frame(Frame* f, Value* sp);

}  // namespace krait
