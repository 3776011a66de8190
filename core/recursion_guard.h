// recursion_guard.h — RAII guards for operations that recurse through containers (repr, ==, hash):
// ReprGuard makes a container whose repr is already in progress print as [...] / {...} (CPython's
// Py_ReprEnter), DepthGuard bounds the C++ recursion (RecursionError instead of a stack overflow).
#pragma once

#include <algorithm>
#include <vector>

#include "runtime.h"

namespace krait {

// Objects whose repr is being computed, innermost last (one stack for every container type).
std::vector<Object*>& repr_stack();

struct ReprGuard {
    bool recursive;
    explicit ReprGuard(Value v) {
        auto& st = repr_stack();
        recursive = std::find(st.begin(), st.end(), obj(v)) != st.end();
        if (!recursive) st.push_back(obj(v));
    }
    ~ReprGuard() {
        if (!recursive) repr_stack().pop_back();
    }
    ReprGuard(const ReprGuard&) = delete;
    ReprGuard& operator=(const ReprGuard&) = delete;
};

struct DepthGuard {
    bool ok;
    explicit DepthGuard(const char* where) : ok(enter_recursive_call(where)) {}
    ~DepthGuard() {
        if (ok) leave_recursive_call();
    }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
};

}  // namespace krait
