// helper_thread.cpp — see helper_thread.h.
#include "helper_thread.h"

#include <system_error>

namespace krait::jit {

void HelperThread::post(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!thread_.joinable() && !failed_ && !ending_) {
            try {
                thread_ = std::thread([this] { run(); });
            } catch (const std::system_error&) {
                failed_ = true;  // no threads here (a sandbox's limit): the caller pays the first touches itself
            }
        }
        if (thread_.joinable()) {
            jobs_.push_back(std::move(job));
            work_.notify_one();
            return;
        }
    }
    job();
}

void HelperThread::wait_idle() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return jobs_.empty() && !busy_; });
}

void HelperThread::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ending_ = true;
        work_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
}

void HelperThread::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        work_.wait(lock, [this] { return !jobs_.empty() || ending_; });
        if (jobs_.empty()) return;  // ending, and nothing left to do
        std::function<void()> job = std::move(jobs_.front());
        jobs_.pop_front();
        busy_ = true;
        lock.unlock();
        job();
        lock.lock();
        busy_ = false;
        if (jobs_.empty()) idle_.notify_all();
    }
}

}  // namespace krait::jit
