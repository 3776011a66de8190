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

// Raises the RecursionError of a frame that would pass the recursion limit or the value stack's end; returns null.
// (The fast path of prepare_call for exact calls is instr_api.h's krt_frame_exact, which calls this.)
Frame* raise_frame_overflow();

// ---- generator frames ----
// A generator runs in a frame on the value stack like any other: resuming copies its saved frame (in the generator
// object) right above the current one, suspending copies it back. Its frame is marked FRAME_ENTRY when C++ resumed
// it (next(), send(), throw()): then its yield and its return leave the run loop. Otherwise FOR_ITER resumed it in
// the loop (interp.cpp): its yield pushes the value on the caller's stack and the caller continues, its return ends
// the caller's for loop.

// Resumes g in a new frame right above the current one, to be pushed at once (flags 0): `sent` is pushed as the
// value of the yield it is suspended at (nothing when VAL_NULL or when it has not started), and the exception it was
// handling becomes the current one. Null + ValueError when it is running already, or RecursionError.
Frame* gen_push_frame(GeneratorObject* g, Value sent);
// The generator running in f yields with its stack up to sp (f->ip already after the yield): saved back into its
// generator, suspended, popped; the caller's handled exception is the current one again.
void gen_frame_suspend(Frame* f, Value* sp);
// The exception being handled, as sys.exc_info() and implicit chaining see it (CPython's topmost exception): the
// current frame's, else (a generator handling none) the one its resumer handles, and so on out. VAL_NULL: none.
Value topmost_handled();
// The generator running in f returned or raised: finished, its saved copy freed, the caller's handled exception
// the current one again. The frame is not popped.
void gen_frame_finish(Frame* f);

}  // namespace krait
