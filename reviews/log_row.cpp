// log_row.cpp - typed log entries to and from their stored rows, and the chain.
#include "log_row.h"

#include "reviews/hash.h"

#include <charconv>

namespace medloc::reviews {
namespace {

constexpr std::string_view kVersionPrefix = "version ";
constexpr std::string_view kSourcePrefix = ", source sha256 ";
constexpr std::string_view kTargetsPrefix = "targets sha256 ";

template <typename Enum>
Enum parsed(std::optional<Enum> value, const LogRow& row, const char* what, const std::string& text) {
    if (!value)
        throw LogFormatError("event " + std::to_string(row.id) + " has the " + what + " \"" + text +
                             "\", which no medloc writes");
    return *value;
}

// The fields every entry has, read back.
template <typename Record>
Record unstamped(const LogRow& row) {
    Record record;
    record.at = row.at;
    record.document_id = row.document_id;
    record.locale = row.locale;
    record.actor = row.actor;
    record.role = parsed(parse_role(row.role), row, "role", row.role);
    record.comment = row.comment;
    record.origin = row.origin;
    return record;
}

DocumentReview review_of(const LogRow& row) {
    DocumentReview review = unstamped<DocumentReview>(row);
    const std::string_view source = row.source;
    const std::size_t comma = source.find(kSourcePrefix);
    const std::string_view number = source.starts_with(kVersionPrefix) && comma != std::string_view::npos
                                        ? source.substr(kVersionPrefix.size(), comma - kVersionPrefix.size())
                                        : std::string_view();
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), review.version);
    if (number.empty() || error != std::errc() || end != number.data() + number.size())
        throw LogFormatError("event " + std::to_string(row.id) + " is a document review that names no version");
    review.source_sha256 = std::string(source.substr(comma + kSourcePrefix.size()));
    const std::string targets = row.target.value_or("");
    if (!targets.starts_with(kTargetsPrefix))
        throw LogFormatError("event " + std::to_string(row.id) + " is a document review that signs no targets");
    review.targets_sha256 = std::string(targets.substr(kTargetsPrefix.size()));
    return review;
}

Event event_of(const LogRow& row) {
    Event event = unstamped<Event>(row);
    event.segment_id = row.segment_id;
    event.meaning = parsed(parse_meaning(row.meaning), row, "meaning", row.meaning);
    event.state = parsed(parse_state(row.state), row, "state", row.state);
    event.source = row.source;
    event.target = row.target;
    return event;
}

// The fields every entry has: who, when, where, why, from what.
template <typename Record>
LogRow stamped(const Record& record) {
    LogRow row;
    row.at = record.at;
    row.document_id = record.document_id;
    row.locale = record.locale;
    row.actor = record.actor;
    row.role = to_string(record.role);
    row.comment = record.comment;
    row.origin = record.origin;
    return row;
}

}  // namespace

std::string signed_source(const DocumentReview& review) {
    return std::string(kVersionPrefix) + std::to_string(review.version) + std::string(kSourcePrefix) +
           review.source_sha256;
}

std::string signed_targets(const DocumentReview& review) { return std::string(kTargetsPrefix) + review.targets_sha256; }

LogRow row_of(const Event& event) {
    LogRow row = stamped(event);
    row.segment_id = event.segment_id;
    row.meaning = to_string(event.meaning);
    row.state = to_string(event.state);
    row.source = event.source;
    row.target = event.target;
    return row;
}

LogRow row_of(const DocumentReview& review) {
    LogRow row = stamped(review);
    row.meaning = kDocumentReviewMeaning;
    row.state = to_string(State::approved);
    row.source = signed_source(review);
    row.target = signed_targets(review);
    return row;
}

LogEntry entry_of(const LogRow& row) {
    LogEntry entry;
    entry.id = row.id;
    entry.hash = row.hash;
    if (row.segment_id.empty() && row.meaning == kDocumentReviewMeaning) entry.record = review_of(row);
    else entry.record = event_of(row);
    return entry;
}

std::string row_hash(const LogRow& row, const std::string& previous_hash) {
    std::string bytes;
    for (const std::string* field :
         {&previous_hash, &row.at, &row.document_id, &row.segment_id, &row.locale, &row.actor, &row.role, &row.meaning,
          &row.state, &row.source, &row.comment, &row.origin}) {
        bytes += std::to_string(field->size()) + ":" + *field;
    }
    bytes += row.target ? std::to_string(row.target->size()) + ":" + *row.target : std::string("-");
    return sha256_hex(bytes);
}

void ChainCheck::add(const LogRow& row) {
    if (!problem_.empty()) return;
    const std::string name =
        "event " + std::to_string(row.id) + " (" + row.at + ", " + row.actor + ", " + row.meaning + ")";
    if (row.previous_hash != previous_hash_)
        problem_ = name + " does not follow event " + std::to_string(previous_id_) +
                   ": an event between them was removed or the chain was rewritten";
    else if (row_hash(row, row.previous_hash) != row.hash)
        problem_ = name + " does not match its hash: its content was changed after it was written";
    previous_hash_ = row.hash;
    previous_id_ = row.id;
    ++rows_;
}

}  // namespace medloc::reviews
