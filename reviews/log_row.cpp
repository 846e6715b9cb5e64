// log_row.cpp - typed log entries to and from their stored rows, and the
// check of a whole log.
#include "log_row.h"

#include "reviews/hash.h"
#include "reviews/keys.h"

#include <algorithm>
#include <charconv>

namespace medloc::reviews {
namespace {

constexpr std::string_view kVersionPrefix = "version ";
constexpr std::string_view kSourcePrefix = ", source sha256 ";
constexpr std::string_view kTargetsPrefix = "targets sha256 ";
constexpr std::string_view kGlossaryPrefix = "glossary sha256 ";
constexpr std::string_view kMemoryPrefix = "memory sha256 ";
constexpr std::string_view kSegmentationPrefix = "segmentation sha256 ";

template <typename Enum>
Enum parsed(std::optional<Enum> value, const LogRow& row, const char* what, const std::string& text) {
    if (!value)
        throw LogFormatError("event " + std::to_string(row.id) + " has the " + what + " \"" + text +
                             "\", which no medloc writes");
    return *value;
}

// The fields every entry has: who, when, where, why, from what.
template <typename Record>
LogRow stamped(const Record& record) {
    LogRow row;
    row.at = record.at;
    row.actor = record.actor;
    row.actor_id = record.actor_id;
    row.role = to_string(record.role);
    row.comment = record.comment;
    row.origin = record.origin;
    return row;
}

// The same fields, read back.
template <typename Record>
Record unstamped(const LogRow& row) {
    Record record;
    record.at = row.at;
    record.actor = row.actor;
    record.actor_id = row.actor_id;
    record.role = parsed(parse_role(row.role), row, "role", row.role);
    record.comment = row.comment;
    record.origin = row.origin;
    return record;
}

DocumentReview review_of(const LogRow& row) {
    DocumentReview review = unstamped<DocumentReview>(row);
    review.document_id = row.document_id;
    review.locale = row.locale;
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
    review.targets_sha256 = targets.substr(kTargetsPrefix.size());
    return review;
}

std::optional<PersonChange::Kind> change_kind(std::string_view meaning) {
    for (const auto kind :
         {PersonChange::Kind::registered, PersonChange::Kind::disabled, PersonChange::Kind::passphrase_changed})
        if (meaning == to_string(kind)) return kind;
    return std::nullopt;
}

// A registry change keeps the person's name, roles and key in its target,
// one per line (a name holds no line break: locales/names.h).
PersonChange change_of(const LogRow& row, PersonChange::Kind kind) {
    PersonChange change = unstamped<PersonChange>(row);
    change.kind = kind;
    change.person_id = row.source;
    const std::string details = row.target.value_or("");
    const std::size_t first = details.find('\n');
    const std::size_t second = first == std::string::npos ? first : details.find('\n', first + 1);
    if (second == std::string::npos)
        throw LogFormatError("event " + std::to_string(row.id) + " is a registry change without name, roles and key");
    change.name = details.substr(0, first);
    const auto roles = parse_role_list(details.substr(first + 1, second - first - 1));
    if (!roles) throw LogFormatError("event " + std::to_string(row.id) + " gives roles no medloc knows");
    change.roles = *roles;
    change.public_key = details.substr(second + 1);
    return change;
}

// Most entries are events, read by every audit, build and review: the row's
// texts are moved into the event, not copied.
Event event_of(LogRow&& row) {
    Event event;
    event.role = parsed(parse_role(row.role), row, "role", row.role);
    event.meaning = parsed(parse_meaning(row.meaning), row, "meaning", row.meaning);
    event.state = parsed(parse_state(row.state), row, "state", row.state);
    if ((event.meaning == Meaning::waived) == row.finding.empty())
        throw LogFormatError(
            "event " + std::to_string(row.id) +
            (row.finding.empty() ? " is a waiver that names no finding" : " names a finding but waives nothing"));
    event.at = std::move(row.at);
    event.actor = std::move(row.actor);
    event.actor_id = std::move(row.actor_id);
    event.comment = std::move(row.comment);
    event.origin = std::move(row.origin);
    event.document_id = std::move(row.document_id);
    event.segment_id = std::move(row.segment_id);
    event.locale = std::move(row.locale);
    event.for_id = std::move(row.for_id);
    event.source = std::move(row.source);
    event.target = std::move(row.target);
    event.finding = std::move(row.finding);
    return event;
}

}  // namespace

std::string signed_source(const DocumentReview& review) {
    return std::string(kVersionPrefix) + std::to_string(review.version) + std::string(kSourcePrefix) +
           review.source_sha256;
}

std::string signed_targets(const DocumentReview& review) { return std::string(kTargetsPrefix) + review.targets_sha256; }

std::string act_message(const std::string& project_id, const std::string& head_hash) {
    return "medloc act\nproject " + project_id + "\nlog head " + head_hash + "\n";
}

LogRow row_of(const Event& event) {
    LogRow row = stamped(event);
    row.document_id = event.document_id;
    row.segment_id = event.segment_id;
    row.locale = event.locale;
    row.for_id = event.for_id;
    row.meaning = to_string(event.meaning);
    row.state = to_string(event.state);
    row.source = event.source;
    row.target = event.target;
    row.finding = event.finding;
    return row;
}

LogRow row_of(const DocumentReview& review) {
    LogRow row = stamped(review);
    row.document_id = review.document_id;
    row.locale = review.locale;
    row.meaning = kDocumentReviewMeaning;
    row.state = to_string(State::approved);
    row.source = signed_source(review);
    row.target = signed_targets(review);
    return row;
}

LogRow row_of(const PersonChange& change) {
    LogRow row = stamped(change);
    row.meaning = to_string(change.kind);
    row.source = change.person_id;
    row.target = change.name + "\n" + role_list(change.roles) + "\n" + change.public_key;
    return row;
}

std::string release_source(std::string_view manifest_sha256) {
    return "manifest sha256 " + std::string(manifest_sha256);
}

LogRow row_of(const Release& release) {
    LogRow row = stamped(release);
    row.locale = release.locale;
    row.meaning = kReleaseMeaning;
    row.source = release_source(release.manifest_sha256);
    return row;
}

LogRow row_of(const Retirement& retirement) {
    LogRow row = stamped(retirement);
    row.document_id = retirement.document_id;
    row.meaning = kRetiredMeaning;
    row.source = std::string(kVersionPrefix) + std::to_string(retirement.version);
    return row;
}

Retirement retirement_of(const LogRow& row) {
    Retirement retirement = unstamped<Retirement>(row);
    retirement.document_id = row.document_id;
    const std::string_view number =
        std::string_view(row.source).substr(std::min(row.source.size(), kVersionPrefix.size()));
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), retirement.version);
    if (!row.source.starts_with(kVersionPrefix) || error != std::errc() || end != number.data() + number.size())
        throw LogFormatError("event " + std::to_string(row.id) + " retires no version of its document");
    return retirement;
}

// A file import as the log stores it: its meaning, and the file's hash
// after a prefix that names what the file was.
LogRow file_import_row(const FileImport& import, const char* meaning, std::string_view prefix) {
    LogRow row = stamped(import);
    row.meaning = meaning;
    row.source = std::string(prefix) + import.sha256;
    return row;
}

template <typename Import>
Import file_import_of(const LogRow& row, std::string_view prefix, const char* what) {
    Import import = unstamped<Import>(row);
    if (!row.source.starts_with(prefix))
        throw LogFormatError("event " + std::to_string(row.id) + " imports " + what + " it does not name");
    import.sha256 = row.source.substr(prefix.size());
    return import;
}

LogRow row_of(const GlossaryImport& import) { return file_import_row(import, kGlossaryMeaning, kGlossaryPrefix); }

LogRow row_of(const MemoryImport& import) { return file_import_row(import, kMemoryMeaning, kMemoryPrefix); }

LogRow row_of(const SegmentationChange& change) {
    return file_import_row(change, kSegmentationMeaning, kSegmentationPrefix);
}

LogEntry entry_of(LogRow row) {
    LogEntry entry;
    entry.id = row.id;
    entry.hash = std::move(row.hash);
    if (row.document_id.empty() && row.meaning == kMemoryMeaning) {
        entry.record = file_import_of<MemoryImport>(row, kMemoryPrefix, "a translation memory");
        return entry;
    }
    if (row.document_id.empty() && row.meaning == kSegmentationMeaning) {
        entry.record = file_import_of<SegmentationChange>(row, kSegmentationPrefix, "segmentation rules");
        return entry;
    }
    if (row.document_id.empty() && row.meaning == kGlossaryMeaning) {
        entry.record = file_import_of<GlossaryImport>(row, kGlossaryPrefix, "a glossary");
        return entry;
    }
    if (!row.document_id.empty() && row.segment_id.empty() && row.meaning == kRetiredMeaning) {
        entry.record = retirement_of(row);
        return entry;
    }
    if (row.document_id.empty() && row.meaning == kReleaseMeaning) {
        Release release = unstamped<Release>(row);
        release.locale = row.locale;
        const std::string prefix = release_source("");
        if (!row.source.starts_with(prefix))
            throw LogFormatError("event " + std::to_string(row.id) + " is a release that names no manifest");
        release.manifest_sha256 = row.source.substr(prefix.size());
        entry.record = release;
    } else if (row.document_id.empty()) {
        const auto kind = change_kind(row.meaning);
        if (!kind) throw LogFormatError("event " + std::to_string(row.id) + " names no document");
        entry.record = change_of(row, *kind);
    } else if (row.segment_id.empty() && row.meaning == kDocumentReviewMeaning) {
        entry.record = review_of(row);
    } else {
        entry.record = event_of(std::move(row));
    }
    return entry;
}

std::string row_hash(const LogRow& row, const std::string& previous_hash) {
    // Built in a buffer the thread keeps: the log is hashed entry by entry on
    // every audit and build.
    thread_local std::string bytes;
    bytes.clear();
    const auto add = [](const std::string& field) {
        bytes += std::to_string(field.size());
        bytes += ':';
        bytes += field;
    };
    for (const std::string* field :
         {&previous_hash, &row.at, &row.document_id, &row.segment_id, &row.locale, &row.actor, &row.role, &row.meaning,
          &row.state, &row.source, &row.comment, &row.origin})
        add(*field);
    if (row.target) add(*row.target);
    else bytes += '-';
    if (!row.actor_id.empty() || !row.for_id.empty()) {
        bytes += '|';
        add(row.actor_id);
        add(row.for_id);
    }
    if (!row.finding.empty()) {
        bytes += "|finding ";
        add(row.finding);
    }
    return sha256_hex(bytes);
}

void LogCheck::fail(std::string problem) {
    if (report_.problem.empty()) report_.problem = std::move(problem);
}

void LogCheck::check_row(const LogRow& row) {
    // Named only for a problem: every entry is checked on every audit and build.
    const auto named = [&row] {
        return "event " + std::to_string(row.id) + " (" + row.at + ", " + row.actor + ", " + row.meaning + ")";
    };
    if (row.id != previous_id_ + 1)
        return fail(named() +
                    (previous_id_ == 0 ? std::string(" is the first of the log")
                                       : " does not follow event " + std::to_string(previous_id_)) +
                    ": an event before it was removed");
    if (row_hash(row, previous_hash_) != row.hash)
        return fail(named() + " does not match its hash: its content was changed after it was written");
    if (row.at < previous_at_)
        return fail(named() + " is dated before event " + std::to_string(previous_id_) + " (" + previous_at_ +
                    "): the clock went back, or the log was edited");
    const bool registry = row.document_id.empty() && change_kind(row.meaning).has_value();
    if (!people_started_ && !registry && row.actor_id.empty()) {
        ++report_.unsigned_legacy_entries;  // from before people were registered
        return;
    }
    if (!people_started_ && !(registry && row.meaning == to_string(PersonChange::Kind::registered) &&
                              row.actor_id == row.source && row.role == to_string(Role::publisher)))
        return fail(named() + " is not the project owner registering themselves, yet no one was registered before it");
    people_started_ = true;
    if (row.actor_id.empty())
        return fail(named() +
                    " names no registered person, after people were registered: it was written outside medloc");
    try {
        if (registry) pending_.changes.emplace_back(row.id, std::get<PersonChange>(entry_of(row).record));
    } catch (const LogFormatError& e) {
        return fail(e.what());
    }
    if (pending_.first_id == 0) pending_.first_id = row.id;
    pending_.last_id = row.id;
    pending_.last_hash = row.hash;
    const auto is_actor = [&](const auto& actor) { return actor.first == row.actor_id; };
    if (std::none_of(pending_.actors.begin(), pending_.actors.end(), is_actor))
        pending_.actors.emplace_back(row.actor_id, row.id);
}

void LogCheck::add(const LogRow& row) {
    if (!report_.problem.empty()) return;
    check_row(row);
    previous_hash_ = row.hash;
    previous_at_ = row.at;
    previous_id_ = row.id;
    ++report_.entries_checked;
}

const LogCheck::Key* LogCheck::signer_key(const std::string& signer_id) const {
    if (const auto known = keys_.find(signer_id); known != keys_.end()) return &known->second;
    return nullptr;
}

void LogCheck::apply(const PersonChange& change) {
    Key& key = keys_[change.person_id];
    key.name = change.name;
    key.roles = change.roles;
    key.public_key = change.public_key;
    key.disabled = change.kind == PersonChange::Kind::disabled;
    if (report_.owner_id.empty()) {
        report_.owner_id = change.person_id;
        report_.owner_name = change.name;
        report_.owner_fingerprint = key_fingerprint(change.public_key);
    }
}

void LogCheck::add_signature(const ActSignature& signature) {
    if (!report_.problem.empty()) return;
    const std::string name =
        "the signature of " + signature.signer_id + " on event " + std::to_string(signature.last_event);
    if (pending_.last_id == 0 || pending_.last_id != signature.last_event)
        return fail(name + " covers no act of its own: events were removed, or signatures rewritten");
    // The owner's first act registers the key that signs it.
    const bool bootstrap = keys_.empty() && !pending_.changes.empty() &&
                           pending_.changes.front().first == pending_.first_id &&
                           pending_.changes.front().second.person_id == signature.signer_id;
    if (bootstrap) apply(pending_.changes.front().second);
    const Key* key = signer_key(signature.signer_id);
    if (!key) return fail(name + ": " + signature.signer_id + " was never registered by a publisher");
    if (key->disabled) return fail(name + ": " + signature.signer_id + " was disabled before it");
    for (const auto& [actor_id, first_row] : pending_.actors)
        if (actor_id != signature.signer_id)
            return fail("event " + std::to_string(first_row) + " names " + actor_id + " but is signed by " +
                        signature.signer_id + ": it was written outside medloc");
    bool changes_registry = false;
    for (const auto& [row_id, change] : pending_.changes) {
        // Anyone changes their own passphrase; every other registry change is a publisher's.
        const bool own_passphrase =
            change.kind == PersonChange::Kind::passphrase_changed && change.person_id == signature.signer_id;
        changes_registry = changes_registry || !own_passphrase;
    }
    bool publisher = false;
    for (const Role role : key->roles) publisher = publisher || role == Role::publisher;
    if (changes_registry && !publisher)
        return fail(name + ": " + signature.signer_id + " changed the people registry without the publisher role");
    if (!signature_valid(key->public_key, act_message(project_id_, pending_.last_hash), signature.signature))
        return fail(name + " is not " + signature.signer_id + "'s signature: events " +
                    std::to_string(pending_.first_id) + " to " + std::to_string(signature.last_event) +
                    " were written or changed by someone without " + signature.signer_id + "'s passphrase");
    for (const auto& [row_id, change] : pending_.changes) apply(change);
    pending_ = {};
    ++report_.signatures_checked;
}

void LogCheck::finish() {
    if (!report_.problem.empty() || pending_.last_id == 0) return;
    fail("events " + std::to_string(pending_.first_id) + " to " + std::to_string(pending_.last_id) +
         " are signed by no one: they were written outside medloc");
}

void LogCheck::check_registry(const std::vector<Person>& people) {
    if (!report_.problem.empty()) return;
    for (const Person& person : people) {
        const Key* key = signer_key(person.id);
        if (!key) return fail("person " + person.id + " is in the registry but was never registered in the log");
        if (key->public_key != person.public_key || key->roles != person.roles ||
            key->disabled != person.disabled_at.has_value() || key->name != person.name)
            return fail("person " + person.id + " in the registry is not what the log says: changed outside medloc");
    }
    if (people.size() != keys_.size()) fail("the registry lacks people the log registered: changed outside medloc");
}

}  // namespace medloc::reviews
