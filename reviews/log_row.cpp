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

DocumentReview review_of(const LogRow& row) {
    DocumentReview review;
    review.at = row.at;
    review.document_id = row.document_id;
    review.locale = row.locale;
    review.actor = row.actor;
    review.role = parsed(parse_role(row.role), row, "role", row.role);
    review.comment = row.comment;
    review.origin = row.origin;
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
    Event event;
    event.at = row.at;
    event.document_id = row.document_id;
    event.segment_id = row.segment_id;
    event.locale = row.locale;
    event.actor = row.actor;
    event.role = parsed(parse_role(row.role), row, "role", row.role);
    event.meaning = parsed(parse_meaning(row.meaning), row, "meaning", row.meaning);
    event.state = parsed(parse_state(row.state), row, "state", row.state);
    event.source = row.source;
    event.target = row.target;
    event.comment = row.comment;
    event.origin = row.origin;
    return event;
}

}  // namespace

std::string signed_source(const DocumentReview& review) {
    return std::string(kVersionPrefix) + std::to_string(review.version) + std::string(kSourcePrefix) +
           review.source_sha256;
}

std::string signed_targets(const DocumentReview& review) { return std::string(kTargetsPrefix) + review.targets_sha256; }

LogRow row_of(const Event& event) {
    LogRow row;
    row.at = event.at;
    row.document_id = event.document_id;
    row.segment_id = event.segment_id;
    row.locale = event.locale;
    row.actor = event.actor;
    row.role = to_string(event.role);
    row.meaning = to_string(event.meaning);
    row.state = to_string(event.state);
    row.source = event.source;
    row.target = event.target;
    row.comment = event.comment;
    row.origin = event.origin;
    return row;
}

LogRow row_of(const DocumentReview& review) {
    LogRow row;
    row.at = review.at;
    row.document_id = review.document_id;
    row.locale = review.locale;
    row.actor = review.actor;
    row.role = to_string(review.role);
    row.meaning = kDocumentReviewMeaning;
    row.state = to_string(State::approved);
    row.source = signed_source(review);
    row.target = signed_targets(review);
    row.comment = review.comment;
    row.origin = review.origin;
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
