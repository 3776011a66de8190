// helper_thread.h — one background thread that does the JIT's first-touch work ahead of need: populating the code
// arena's pages before traces are written into them and reading the stencil tables once at start-up. On this
// project's machines (virtual machines) the first touch of a page costs 5-20 us however it happens — a page fault,
// madvise(MADV_POPULATE_*), or the hypervisor backing a page the guest already mapped — which is 100-500 times a
// uop's copy and patch. Done on the main thread it made a trace's compile wait for the kernel (nbody: 40 us per
// trace, about 40 of them on pages, not on copying); done here, the second core pays it while the program runs.
// Nothing the main thread reads or writes is touched here except memory no one uses yet (see CodeArena) and
// read-only tables, so the jobs need no locking beyond the queue's.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace krait::jit {

// Reads a byte of each page of [at, at + size): mapped, readable memory (the runtime's image).
void touch_pages(const void* at, size_t size);

class HelperThread {
public:
    HelperThread() = default;
    HelperThread(const HelperThread&) = delete;
    HelperThread& operator=(const HelperThread&) = delete;
    ~HelperThread() { stop(); }
    // Runs `job` on the thread (started at the first post), in the order posted; inline when no thread can start.
    void post(std::function<void()> job);
    // Returns once every job posted so far has finished.
    void wait_idle();
    // Finishes the jobs posted and ends the thread (the arena's memory must outlive them).
    void stop();

private:
    void run();

    std::mutex mutex_;
    std::condition_variable work_;  // signalled when a job is posted or the thread should end
    std::condition_variable idle_;  // signalled when the queue empties
    std::deque<std::function<void()>> jobs_;
    bool busy_ = false;  // a job is running
    bool ending_ = false;
    bool failed_ = false;  // the thread could not start: jobs run inline
    std::thread thread_;
};

}  // namespace krait::jit
