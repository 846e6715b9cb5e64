// work_beside: work that reads nothing of the project, done in the order it
// was handed on a thread of its own, while the caller reads on. Private to
// app/. (ReadAhead is the other way round: reads ahead of the caller's
// writes.)
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace medloc::pipeline {

class WorkBeside {
public:
    WorkBeside() : thread_([this] { run(); }) {}
    // Does what was handed, then stops: no future is left without its result.
    ~WorkBeside() {
        {
            const std::lock_guard lock(mutex_);
            stopped_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    WorkBeside(const WorkBeside&) = delete;
    WorkBeside& operator=(const WorkBeside&) = delete;

    // `work` done beside, after what was handed before; its result, or
    // what it threw, comes from the future.
    template <typename Result>
    std::future<Result> hand(std::function<Result()> work) {
        auto task = std::make_shared<std::packaged_task<Result()>>(std::move(work));
        std::future<Result> result = task->get_future();
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back([task] { (*task)(); });
        }
        changed_.notify_all();
        return result;
    }

private:
    void run() {
        for (;;) {
            std::function<void()> next;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return stopped_ || !queue_.empty(); });
                if (queue_.empty()) return;
                next = std::move(queue_.front());
                queue_.pop_front();
            }
            next();
        }
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> queue_;
    bool stopped_ = false;
    std::thread thread_;  // last: it starts once the rest is made
};

}  // namespace medloc::pipeline
