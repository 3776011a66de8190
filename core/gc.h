// gc.h — allocation and the precise mark-and-sweep collector (ARCHITECTURE decision 2).
//
// Allocation never collects. It only counts, and when enough has been allocated it raises a flag that the
// interpreter polls at its safepoints (loop back-edges and function entry); only there does collection run, when
// every live value is in a frame on the value stack, in a suspended generator, or in an explicit root.
// C++ code that keeps values in locals across a call back into Python must root them (Root / RootVec below).
// Stress mode (-X gc-stress or KRAIT_GC_STRESS=1) collects at every safepoint so that a missing root shows up.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

#include "object.h"

extern "C" volatile int krt_eval_breaker_flag;  // instr_api.h

namespace krait {

// The least allocation between two collections. Measured (dict_str, fannkuch, raytrace, deltablue, nbody,
// interleaved runs): 2 MiB is ~12% faster than 8 MiB on dict_str and level elsewhere; smaller gains nothing.
constexpr size_t kMinGcThreshold = 2u << 20;

struct GcState {
    Object* all = nullptr;         // every collectable object
    size_t allocated_since = 0;    // bytes since the last collection
    size_t threshold = kMinGcThreshold;  // collect when allocated_since exceeds this
    size_t live_after_last = 0;
    size_t collections = 0;
    bool pending = false;          // set by allocation, polled by safepoints
    bool stress = false;
    std::vector<Value*> roots;     // addresses of rooted C++ locals
    std::vector<std::vector<Value>*> root_vectors;
    std::vector<std::pair<Value*, size_t>> root_arrays;
};
extern GcState gc;

// Raw allocation of `size` bytes for an object of `type` with layout `kind`; zero-filled. Returns null when the
// allocator fails (the caller raises MemoryError). Registers the object with the collector.
Object* gc_alloc(size_t size, TypeObject* type, Kind kind);

template <class T>
T* gc_new(TypeObject* type, Kind kind, size_t extra_bytes = 0) {
    void* mem = gc_alloc(sizeof(T) + extra_bytes, type, kind);
    if (!mem) return nullptr;
    // Placement-new runs T's member initializers (std::vector members) but keeps the header we just wrote.
    Object hdr = *static_cast<Object*>(mem);
    T* t = new (mem) T();
    *static_cast<Object*>(t) = hdr;
    return t;
}

// Buffers owned by objects outside their own block (list items, instance slots): small ones come from the same
// pools as objects, which makes them cheap to get and to give back. The caller remembers the size (a capacity) and
// passes it back. Contents are uninitialized; null on failure (no exception raised).
void* gc_buffer_alloc(size_t bytes);
void* gc_buffer_realloc(void* p, size_t old_bytes, size_t new_bytes);
void gc_buffer_free(void* p, size_t bytes);

// Accounts memory owned by an object outside its own block (list items, hash tables, big int limbs).
inline void gc_account(size_t bytes) {
    gc.allocated_since += bytes;
    if (gc.allocated_since > gc.threshold) gc.pending = true;
    if (gc.pending || gc.stress) krt_eval_breaker_flag = 1;  // the next safepoint has work (gc_due)
}

// Runs a full collection now. Only call at a safepoint.
void gc_collect();
// The safepoint check: collects if pending. Stress mode collects at every safepoint at which anything was
// allocated since the previous collection (with nothing new allocated, a collection could only repeat the last).
inline bool gc_due() { return gc.pending || (gc.stress && gc.allocated_since != 0); }
inline void gc_safepoint() {
    if (gc_due()) gc_collect();
}
// Marks an object permanent: never collected, never traced as garbage (it is still traced for its children).
void gc_make_permanent(Object* o);

// Roots a C++ local for its lifetime.
class Root {
public:
    explicit Root(Value& slot) : slot_(&slot) { gc.roots.push_back(slot_); }
    ~Root() { gc.roots.pop_back(); }
    Root(const Root&) = delete;
    Root& operator=(const Root&) = delete;

private:
    Value* slot_;
};

// A vector of values that is a GC root for its lifetime (e.g. the items being sorted).
class RootVec {
public:
    RootVec() { gc.root_vectors.push_back(&items); }
    ~RootVec() { gc.root_vectors.pop_back(); }
    RootVec(const RootVec&) = delete;
    RootVec& operator=(const RootVec&) = delete;
    std::vector<Value> items;
};

// Roots a fixed array of values (e.g. an argument array built on the C++ stack) for its lifetime.
class RootArray {
public:
    RootArray(Value* items, size_t n) { gc.root_arrays.emplace_back(items, n); }
    ~RootArray() { gc.root_arrays.pop_back(); }
    RootArray(const RootArray&) = delete;
    RootArray& operator=(const RootArray&) = delete;
};

// Frees any out-of-line storage of a dead object (defined per layout in gc.cpp).
void gc_finalize(Object* o);

}  // namespace krait
