// helper_thread.h — one background thread that does the JIT's first-touch work ahead of need: populating the code
// arena's pages before traces are written into them, once the pages the arena populated at start-up run out. On this
// project's machines (virtual machines) the first touch of a page costs 5-20 us however it happens — a page fault,
// madvise(MADV_POPULATE_*), or the hypervisor backing a page the guest already mapped — which is 100-500 times a
// uop's copy and patch. Done on the main thread during a compile it made the compile wait for the kernel (nbody:
// 40 us per trace, about 40 of them on pages, not on copying); done here, the second core pays it while the program
// runs.
//
// The thread starts only when a program compiles that much code, and the start-up work is done before the program
// runs instead (CodeArena::init, the JIT's touch_runtime_code and touch_table): while this thread existed, the main
// thread's first compiles were slower. fib's first trace took a median of 19.8K cycles to compile with the start-up
// work here, 13.9K with it done at start-up and no thread (21 runs each), and 13.4K with this thread but the whole
// process pinned to one CPU; start-up did not get slower (`krait -c pass`: 10.0 ms against 10.4 ms). Why, these
// machines cannot say (no PMU).
//
// Nothing the main thread reads or writes is touched here except memory no one uses yet (see CodeArena), so the
// jobs need no locking beyond the queue's.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace krait::jit {

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
