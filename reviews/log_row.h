// log_row: the log as every backend stores it, one row of text per entry,
// and the hash chain over those rows. Private to reviews/.
//
// The row form is what is hashed, so it must never change: a project
// written by an older medloc verifies with a newer one. Each field goes into
// the hash with its length in front, so that no two rows hash alike.
#pragma once

#include "reviews/store.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace medloc::reviews {

struct LogRow {
    std::int64_t id = 0;
    std::string at;
    std::string document_id;
    std::string segment_id;  // "" for a whole-document review
    std::string locale;
    std::string actor;
    std::string role;
    std::string meaning;
    std::string state;
    std::string source;
    std::optional<std::string> target;
    std::string comment;
    std::string origin;
    std::string previous_hash;
    std::string hash;
};

LogRow row_of(const Event& event);
LogRow row_of(const DocumentReview& review);

// Throws LogFormatError for a row no medloc writes.
class LogFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
LogEntry entry_of(const LogRow& row);

// The hash that chains `row` (its fields, not its id or own hash) to
// `previous_hash`.
std::string row_hash(const LogRow& row, const std::string& previous_hash);

// Checks the rows of a log, fed in order; stops at the first problem.
class ChainCheck {
public:
    void add(const LogRow& row);
    const std::string& problem() const { return problem_; }
    std::int64_t rows() const { return rows_; }

private:
    std::string previous_hash_;
    std::int64_t previous_id_ = 0;
    std::int64_t rows_ = 0;
    std::string problem_;
};

}  // namespace medloc::reviews
