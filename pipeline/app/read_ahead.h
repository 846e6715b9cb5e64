// read_ahead: what an act of many documents or files reads of each, read a
// few ahead of its writes, on a reader and a thread of their own
// (Store::reader_beside). Private to app/.
//
// Half of a revision, an approval or an import is reading and checking.
// The reader reads the project as the act's transaction began, not what
// the act writes; so it serves only items whose reads never depend on what
// the act wrote of the items before (each item a document of its own).
// A few at a time keeps memory flat.
#pragma once

#include "reviews/store.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace medloc::pipeline {

template <typename Read>
class ReadAhead {
public:
    // What reads item i (0 to count - 1, in order) with the reader.
    using ReadItem = std::function<Read(std::size_t)>;
    // Called once, on the thread: what it keeps for its reads (a checker,
    // an importer) is made there, over the reader.
    using Start = std::function<ReadItem(reviews::Store& reader)>;

    ReadAhead(reviews::Store& store, std::size_t count, Start start)
        : store_(store), reader_(store.reader_beside()), count_(count), start_(std::move(start)), thread_([this] {
              read_all();
          }) {}
    ~ReadAhead() {
        {
            const std::lock_guard lock(mutex_);
            stopped_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // The next item's reads, in order; throws what reading it threw. The
    // texts they read are handed to the store, which logs them by id.
    Read next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !ready_.empty() || failed_; });
        if (ready_.empty()) std::rethrow_exception(failed_);
        Item item = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        lock.unlock();
        store_.adopt_read_texts(item.texts);
        return std::move(item.read);
    }

private:
    static constexpr std::size_t kAhead = 4;
    struct Item {
        Read read;
        reviews::ReadTexts texts;
    };

    void read_all() {
        try {
            const ReadItem read = start_(*reader_);
            for (std::size_t i = 0; i < count_; ++i) {
                Item item{read(i), reader_->take_read_texts()};
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return ready_.size() < kAhead || stopped_; });
                if (stopped_) return;
                ready_.push_back(std::move(item));
                changed_.notify_all();
            }
        } catch (...) {
            const std::lock_guard lock(mutex_);
            failed_ = std::current_exception();
            changed_.notify_all();
        }
    }

    reviews::Store& store_;
    std::unique_ptr<reviews::Store> reader_;
    const std::size_t count_;
    const Start start_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Item> ready_;
    bool stopped_ = false;
    std::exception_ptr failed_;
    std::thread thread_;  // last: it starts once the rest is made
};

}  // namespace medloc::pipeline
