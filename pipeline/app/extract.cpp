// extract.cpp - documents into segments (see extract.h).
#include "app/extract.h"

#include "app/segmentation.h"

#include "extract/changes.h"
#include "extract/source.h"
#include "io/errors.h"
#include "io/files.h"
#include "io/progress.h"
#include "reviews/hash.h"
#include "skeleton/document.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_set>

namespace medloc::pipeline {
namespace {

namespace fs = std::filesystem;

struct SourceFile {
    fs::path path;
    std::string document_id;
    Format format;
    std::string folder;  // the folder given, as a canonical path; "" for a file named alone
};

// One extract run: when, by whom, and under which segmentation rules.
struct Run {
    std::string now;
    std::string person_id;
    std::string segmentation_sha256;
};

// True when the version is of this very source, read as the same format.
bool same_source(const std::optional<reviews::DocumentVersion>& current, const SourceFile& file,
                 const std::string& sha) {
    return current && current->source_sha256 == sha && current->format == to_string(file.format);
}

// True when the project holds this very source, cut by the rules in force.
bool is_current(const std::optional<reviews::DocumentVersion>& current, const SourceFile& file, const std::string& sha,
                const Run& run) {
    return same_source(current, file, sha) && current->segmentation_sha256 == run.segmentation_sha256;
}

// True when the version's segments are, in order, the ones given.
bool same_segments(const std::vector<reviews::StoredSegment>& stored, const std::vector<reviews::StoredSegment>& cut) {
    return std::equal(stored.begin(), stored.end(), cut.begin(), cut.end(),
                      [](const reviews::StoredSegment& a, const reviews::StoredSegment& b) { return a.id == b.id; });
}

void check_document_id(const std::string& shown, const std::string& id) {
    const std::string problem = document_id_problem(id);
    if (!problem.empty())
        throw InputError(shown, problem,
                         "extract the folder that holds the document, so that its id is a plain path inside it");
}

void add_file(std::vector<SourceFile>& files, const fs::path& path, std::string id, bool named,
              const std::string& folder = {}) {
    const auto format = format_of(path);
    if (!format) {
        if (named)
            throw InputError(path.string(), "unsupported file type \"" + path.extension().string() + "\"",
                             "medloc extracts .txt, .md/.markdown and .html/.htm/.xhtml documents");
        return;
    }
    check_document_id(path.string(), id);
    files.push_back({path, std::move(id), *format, folder});
}

// The regular files under `folder`, sorted, hidden ones left out.
std::vector<fs::path> files_in(const std::string& folder) {
    std::vector<fs::path> found;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, error);
         it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) throw InputError(folder, "cannot list the folder: " + error.message());
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

// The documents of a folder; a link that leads outside it is refused.
void add_folder(std::vector<SourceFile>& files, const std::string& folder, ExtractOutcome& outcome) {
    const fs::path root = fs::canonical(folder);
    std::size_t skipped = 0;
    for (const fs::path& file : files_in(folder)) {
        std::error_code error;
        const fs::path real = fs::canonical(file, error);
        const auto [root_end, real_it] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
        if (error || root_end != root.end())
            throw InputError(
                file.string(),
                "is a link to " + real.string() + ", outside " + folder + ": its document id would escape the project",
                "copy the document into the folder instead of linking to it");
        if (!format_of(file)) ++skipped;
        add_file(files, file, file.lexically_relative(folder).generic_string(), false, root.string());
    }
    if (skipped > 0)
        outcome.notes.push_back(folder + ": skipped " + std::to_string(skipped) +
                                " file(s) that are not .txt, .md or .html");
}

// The documents the command line names, in a stable order.
std::vector<SourceFile> collect(const std::vector<std::string>& arguments, ExtractOutcome& outcome) {
    std::vector<SourceFile> files;
    for (const std::string& argument : arguments) {
        std::error_code error;
        const fs::file_status status = fs::status(argument, error);
        if (error && error != std::errc::no_such_file_or_directory)
            throw InputError(argument, "cannot be read: " + error.message(),
                             "check the path given to medloc extract (a symbolic link that leads back to itself "
                             "cannot be followed)");
        if (!fs::exists(status))
            throw InputError(argument, "no such file or folder", "check the path given to medloc extract");
        if (fs::is_regular_file(status)) add_file(files, argument, fs::path(argument).filename().string(), true);
        else if (fs::is_directory(status)) add_folder(files, argument, outcome);
        else throw InputError(argument, "not a regular file or folder", "name documents or folders of documents");
    }
    std::set<std::string> ids;
    for (const SourceFile& file : files)
        if (!ids.insert(file.document_id).second)
            throw InputError(file.path.string(), "a second document with the id \"" + file.document_id + "\"",
                             "extract documents with the same name from one folder each, in separate runs");
    return files;
}

// A changed segment starts over in every locale that had a translation of
// the text it replaces: needs-translation, the old pair kept for reference,
// and an event that says why any approval is gone.
void carry_translations(reviews::Store& store, const reviews::StoredSegment& replaced,
                        const reviews::StoredSegment& segment, std::int64_t version, const Run& run) {
    const std::string& now = run.now;
    for (const reviews::Translation& old : store.translations_of(replaced.id)) {
        const std::optional<std::string>& target = old.target ? old.target : old.previous_target;
        if (!target) continue;
        reviews::Translation translation;
        translation.segment_id = segment.id;
        translation.locale = old.locale;
        translation.state = reviews::State::needs_translation;
        translation.updated_at = now;
        translation.updated_by = "medloc extract";
        translation.previous_source = old.target ? replaced.source : old.previous_source.value_or(replaced.source);
        translation.previous_target = target;
        store.put_translation(translation);

        reviews::Event event;
        event.at = now;
        event.document_id = segment.document_id;
        event.segment_id = segment.id;
        event.locale = old.locale;
        event.actor = "medloc extract";
        event.actor_id = run.person_id;  // who ran it, and signs it
        event.role = reviews::Role::system;
        event.meaning = reviews::Meaning::invalidated;
        event.state = translation.state;
        event.source = segment.source;
        event.target = target;  // the translation whose approval is withdrawn
        event.comment = "replaces segment " + replaced.id + " (was " + reviews::to_string(old.state) +
                        "); the old target is kept for reference";
        event.origin = segment.document_id + " version " + std::to_string(version);
        store.add_event(event);
    }
}

reviews::StoredSegment stored_form(const DocumentSegment& segment, const std::string& document_id) {
    reviews::StoredSegment stored;
    stored.id = segment.id;
    stored.document_id = document_id;
    stored.source = segment.markup;
    stored.plain = segment.plain;
    stored.words = static_cast<std::int64_t>(segment.words);
    stored.kind = to_string(segment.extracted.kind);
    stored.context = segment.extracted.context;
    return stored;
}

std::vector<Sentence> sentences_of(const std::vector<reviews::StoredSegment>& segments) {
    std::vector<Sentence> sentences;
    for (const reviews::StoredSegment& segment : segments) sentences.push_back({segment.id, segment.plain});
    return sentences;
}

// Stores the segments of a new version against those of the one before.
void store_segments(reviews::Store& store, std::vector<reviews::StoredSegment>& segments,
                    const std::string& document_id, const std::vector<reviews::StoredSegment>& old_segments,
                    const Run& run, ExtractReport& report) {
    std::set<std::string> old_ids, new_ids;
    for (const reviews::StoredSegment& segment : old_segments) old_ids.insert(segment.id);
    std::vector<std::string> ids;
    const auto replaces = pair_changes(sentences_of(old_segments), sentences_of(segments));
    for (reviews::StoredSegment& segment : segments) {
        new_ids.insert(segment.id);
        ids.push_back(segment.id);
        if (old_ids.contains(segment.id)) {
            ++report.unchanged;
            continue;
        }
        const auto replaced = replaces.find(segment.id);
        ++(replaced != replaces.end() ? report.changed : report.added);
        if (store.segment(segment.id)) {
            store.restore_segment(segment.id);  // text that was removed once and is back
            continue;
        }
        if (replaced != replaces.end()) segment.replaces = replaced->second;
        store.add_segment(segment, report.version);
        if (segment.replaces)
            carry_translations(store, *store.segment(*segment.replaces), segment, report.version, run);
    }
    store.set_version_segments(document_id, report.version, ids);
    for (const reviews::StoredSegment& segment : old_segments)
        if (!new_ids.contains(segment.id)) {
            store.retire_segment(segment.id, report.version);
            ++report.removed;
        }
}

// A source file read, checked and taken apart, before the write lock: its
// segments and skeleton in the form they are stored in, a fraction of the
// extractor's working form.
struct ReadDocument {
    std::string sha;
    std::int64_t source_bytes = 0;
    bool taken_apart = false;  // false when it is the current version's source
    std::vector<reviews::StoredSegment> segments;
    std::string skeleton;

    std::size_t size() const {
        std::size_t bytes = skeleton.size();
        for (const reviews::StoredSegment& segment : segments)
            bytes += sizeof segment + segment.id.size() + segment.source.size() + segment.plain.size() +
                     segment.context.size() + segment.document_id.size();
        return bytes;
    }
};

// Reads and checks one file and takes it apart unless the project already
// holds this very source (or `always`). Throws InputError.
ReadDocument read_document(reviews::Store& store, const SourceFile& file, DocumentExtractor& extractor,
                           const InputLimits& limits, const Run& run, bool always = false) {
    ReadDocument read;
    const std::string bytes = read_file(file.path, limits.max_bytes);
    check_text(file.path.string(), bytes);
    check_nesting(file.path.string(), bytes, file.format, limits.max_depth);
    read.sha = reviews::sha256_hex(bytes);
    read.source_bytes = static_cast<std::int64_t>(bytes.size());
    if (!always && is_current(store.current_version(file.document_id), file, read.sha, run)) return read;
    const ExtractedDocument document = extractor.extract(file.path.string(), file.document_id, file.format, bytes);
    read.taken_apart = true;
    read.segments.reserve(document.segments.size());
    for (const DocumentSegment& segment : document.segments)
        read.segments.push_back(stored_form(segment, file.document_id));
    read.skeleton = document.skeleton.to_json();
    return read;
}

// A read document as the scratch file keeps it: each field as its length
// and bytes, in the order below. The document id is the file's.
class SpilledForm {
public:
    static std::string of(const ReadDocument& read) {
        SpilledForm form;
        form.put(read.sha);
        form.put(static_cast<std::uint64_t>(read.source_bytes));
        form.put(static_cast<std::uint64_t>(read.taken_apart));
        form.put(read.skeleton);
        form.put(static_cast<std::uint64_t>(read.segments.size()));
        for (const reviews::StoredSegment& segment : read.segments) {
            form.put(segment.id);
            form.put(segment.source);
            form.put(segment.plain);
            form.put(static_cast<std::uint64_t>(segment.words));
            form.put(segment.kind);
            form.put(segment.context);
        }
        return std::move(form.bytes_);
    }

    static ReadDocument read(std::string bytes, const std::string& document_id) {
        SpilledForm form;
        form.bytes_ = std::move(bytes);
        ReadDocument read;
        read.sha = form.text();
        read.source_bytes = static_cast<std::int64_t>(form.number());
        read.taken_apart = form.number() != 0;
        read.skeleton = form.text();
        const std::uint64_t segments = form.number();
        form.expect(segments * 6 * sizeof(std::uint64_t));  // six fields each
        read.segments.resize(segments);
        for (reviews::StoredSegment& segment : read.segments) {
            segment.id = form.text();
            segment.document_id = document_id;
            segment.source = form.text();
            segment.plain = form.text();
            segment.words = static_cast<std::int64_t>(form.number());
            segment.kind = form.text();
            segment.context = form.text();
        }
        return read;
    }

private:
    void put(std::uint64_t number) { bytes_.append(reinterpret_cast<const char*>(&number), sizeof number); }
    void put(std::string_view text) {
        put(static_cast<std::uint64_t>(text.size()));
        bytes_ += text;
    }
    // What is left to read holds `size` more bytes, unless the scratch file
    // was changed under medloc.
    void expect(std::uint64_t size) const {
        if (size > bytes_.size() - at_)
            throw EnvironmentError("a temporary file", "was changed while medloc read it back",
                                   "run the extract again");
    }
    std::uint64_t number() {
        std::uint64_t number = 0;
        expect(sizeof number);
        std::memcpy(&number, bytes_.data() + at_, sizeof number);
        at_ += sizeof number;
        return number;
    }
    std::string text() {
        const std::uint64_t size = number();
        expect(size);
        std::string text = bytes_.substr(at_, size);
        at_ += size;
        return text;
    }

    std::string bytes_;
    std::size_t at_ = 0;
};

// The documents taken apart before the write lock, for the storing pass:
// in memory up to a budget, beyond it in a scratch file, so that memory
// stays bounded and no document is taken apart twice (at 10,000 documents
// doing that again was a third of extracting).
class KeptDocuments {
public:
    explicit KeptDocuments(std::size_t budget) : budget_(budget) {}

    void keep(std::size_t index, ReadDocument read) {
        if (const std::size_t size = read.size(); in_memory_bytes_ + size <= budget_) {
            in_memory_bytes_ += size;
            in_memory_.emplace(index, std::move(read));
        } else {
            on_disk_.emplace(index, scratch_.append(SpilledForm::of(read)));
        }
    }

    ReadDocument take(std::size_t index, const std::string& document_id) {
        if (const auto found = in_memory_.find(index); found != in_memory_.end()) {
            ReadDocument read = std::move(found->second);
            in_memory_.erase(found);
            return read;
        }
        return SpilledForm::read(scratch_.read(on_disk_.at(index)), document_id);
    }

private:
    std::size_t budget_;
    std::size_t in_memory_bytes_ = 0;
    std::map<std::size_t, ReadDocument> in_memory_;
    std::map<std::size_t, ScratchFile::Place> on_disk_;
    ScratchFile scratch_;
};

ExtractReport store_document(reviews::Store& store, const SourceFile& file, ReadDocument read,
                             DocumentExtractor& extractor, const InputLimits& limits, const Run& run) {
    ExtractReport report;
    report.document_id = file.document_id;
    const std::string& sha = read.sha;
    const auto current = store.current_version(file.document_id);
    if (is_current(current, file, sha, run)) {
        report.version = current->version;
        report.unchanged = store.version_segments(file.document_id, current->version).size();
        report.same_source = true;
        return report;
    }
    // Current when checked, changed since by someone else: taken apart now.
    if (!read.taken_apart) read = read_document(store, file, extractor, limits, run, true);
    const std::vector<reviews::StoredSegment> old_segments =
        current ? store.version_segments(file.document_id, current->version) : std::vector<reviews::StoredSegment>{};
    // The same source under other segmentation rules: a new version only
    // where the rules cut it otherwise.
    report.new_rules = same_source(current, file, sha);
    if (report.new_rules && same_segments(old_segments, read.segments)) {
        store.set_version_segmentation(file.document_id, current->version, run.segmentation_sha256);
        report.version = current->version;
        report.unchanged = old_segments.size();
        report.same_source = true;
        return report;
    }
    report.version = current ? current->version + 1 : 1;
    store.add_document_version({file.document_id, report.version, to_string(file.format), sha, read.source_bytes,
                                read.skeleton, run.now, run.segmentation_sha256});
    store_segments(store, read.segments, file.document_id, old_segments, run, report);
    report.outside_text =
        current && !report.new_rules && report.added == 0 && report.changed == 0 && report.removed == 0;
    if (current)
        for (const std::string& locale : store.settings().target_locales)
            if (const auto review = store.last_document_review(file.document_id, locale);
                review && review->review.version == current->version)
                report.withdrawn_reviews.push_back(locale + ": " + review->review.at.substr(0, 10) + " by " +
                                                   review->review.actor);
    return report;
}

// Reads, checks and takes apart every file into `kept`, on this thread and
// one beside it (with a reader and an extractor of its own): taking
// documents apart is half of an extract, and each file's is its own work.
// Throws what reading the first bad file in order threw, as one thread
// would; files after it are not read.
void read_all(reviews::Store& store, const std::vector<SourceFile>& files, DocumentExtractor& extractor,
              const ProjectSegmentation& segmentation, const InputLimits& limits, const Run& run, KeptDocuments& kept) {
    std::mutex mutex;  // guards kept, first_bad and failure
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::size_t first_bad = files.size();
    std::exception_ptr failure;
    const auto read_some = [&](reviews::Store& from, DocumentExtractor& by, Progress* progress) {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            {
                const std::lock_guard lock(mutex);
                if (i > first_bad) return;
            }
            if (progress) progress->at(done + 1);
            try {
                ReadDocument read = read_document(from, files[i], by, limits, run);
                const std::lock_guard lock(mutex);
                kept.keep(i, std::move(read));
            } catch (...) {
                const std::lock_guard lock(mutex);
                if (i < first_bad) {
                    first_bad = i;
                    failure = std::current_exception();
                }
                return;
            }
            ++done;
        }
    };
    Progress progress("checking", files.size());
    if (files.size() > 1) {
        const std::unique_ptr<reviews::Store> reader = store.reader_apart();
        DocumentExtractor beside(store.settings().source_locale, segmentation.rules);
        const std::jthread helper([&] { read_some(*reader, beside, nullptr); });
        read_some(store, extractor, &progress);
    } else {
        read_some(store, extractor, &progress);
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

ExtractOutcome extract_documents(reviews::Store& store, const std::vector<std::string>& paths,
                                 const Credentials& credentials, const Services& services, const InputLimits& limits) {
    const SignedIn publisher = sign_in(store, credentials, {reviews::Role::publisher}, "extract", services.clock);
    ExtractOutcome outcome;
    const std::vector<SourceFile> files = collect(paths, outcome);
    if (files.empty())
        throw InputError(paths.front(), "has no .txt, .md or .html documents", "name a folder that has some");
    const ProjectSegmentation segmentation = project_segmentation(store);
    DocumentExtractor extractor(store.settings().source_locale, segmentation.rules);
    const Run run{services.clock.now(), publisher.person.id, segmentation.sha256};
    std::vector<std::string> folders;
    for (const SourceFile& file : files)
        if (!file.folder.empty() && std::find(folders.begin(), folders.end(), file.folder) == folders.end())
            folders.push_back(file.folder);

    // Every file is read, checked and taken apart before the write lock, so
    // that a bad or hostile one is refused without keeping others waiting.
    KeptDocuments kept(services.extract_kept_bytes);
    read_all(store, files, extractor, segmentation, limits, run, kept);

    const auto transaction = store.transaction(reviews::Access::write);
    Progress progress("extracting", files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        progress.at(i + 1);
        ReadDocument read = kept.take(i, files[i].document_id);
        outcome.documents.push_back(store_document(store, files[i], std::move(read), extractor, limits, run));
        if (store.is_retired(files[i].document_id)) {
            store.restore_document(files[i].document_id);
            outcome.restored.push_back(files[i].document_id);
        }
        if (!files[i].folder.empty()) store.set_document_folder(files[i].document_id, files[i].folder);
    }
    // A set: comparing each stored document with each file was quadratic
    // in a folder of 10,000 articles.
    std::unordered_set<std::string_view> extracted;
    for (const SourceFile& file : files) extracted.insert(file.document_id);
    for (const std::string& folder : folders) {
        GoneFromFolder gone{folder, {}};
        for (const std::string& id : store.documents_from(folder))
            if (!extracted.contains(id)) gone.documents.push_back(id);
        if (!gone.documents.empty()) outcome.gone.push_back(std::move(gone));
    }
    sign_act(store, publisher);
    transaction->commit();
    return outcome;
}

}  // namespace medloc::pipeline
