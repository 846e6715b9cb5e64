// extract.cpp - `medloc extract PATH...`: documents into segments.
//
// All named documents are read, checked and stored in one transaction: one
// bad file and the project stays exactly as it was. Documents are taken one
// at a time, so memory does not grow with the number of documents.
//
// Against the document's current version each segment is unchanged (same
// id), new, or removed; a new segment standing where a removed one stood,
// with mostly the same words, is reported as the changed form of it and
// remembers the segment it replaces. Removed segments are retired, not
// deleted.
#include "locales/locales.h"
#include "pipeline/commands.h"
#include "pipeline/document.h"
#include "pipeline/errors.h"
#include "pipeline/files.h"
#include "pipeline/progress.h"
#include "reviews/hash.h"
#include "reviews/store.h"


#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace medloc::pipeline {
namespace {

namespace fs = std::filesystem;

struct SourceFile {
    fs::path path;
    std::string document_id;
    Format format;
};

struct Report {
    std::string document_id;
    std::int64_t version = 0;
    std::size_t added = 0, changed = 0, unchanged = 0, removed = 0;
    bool same_source = false;
};

// A document id is a relative path with '/' separators that stays inside
// the folder it came from: it is also where `build` writes the document.
void check_document_id(const std::string& shown, const std::string& id) {
    const fs::path path(id);
    bool escapes = id.empty() || path.is_absolute() || id.find('\\') != std::string::npos;
    for (const fs::path& part : path) escapes = escapes || part == ".." || part == ".";
    if (escapes)
        throw InputError(shown, "document id \"" + id + "\" would escape the project",
                         "extract the folder that holds the document, so that its id is a path inside it");
    for (unsigned char c : id)
        if (c < 0x20 || c == 0x7f)
            throw InputError(shown, "the file name has control characters", "rename the file");
}

void add_file(std::vector<SourceFile>& files, const fs::path& path, std::string id, bool named) {
    const auto format = format_of(path);
    if (!format) {
        if (named)
            throw InputError(path.string(), "unsupported file type \"" + path.extension().string() + "\"",
                             "medloc extracts .txt, .md/.markdown and .html/.htm/.xhtml documents");
        return;
    }
    check_document_id(path.string(), id);
    files.push_back({path, std::move(id), *format});
}

// The documents the command line names, in a stable order.
std::vector<SourceFile> collect(const std::vector<std::string>& arguments, std::ostream& err) {
    std::vector<SourceFile> files;
    for (const std::string& argument : arguments) {
        const fs::path path(argument);
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (!fs::exists(status))
            throw InputError(argument, "no such file or folder", "check the path given to medloc extract");
        if (fs::is_regular_file(status)) {
            add_file(files, path, path.filename().string(), true);
            continue;
        }
        if (!fs::is_directory(status))
            throw InputError(argument, "not a regular file or folder", "name documents or folders of documents");
        const fs::path root = fs::canonical(path);
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
             it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (error) throw InputError(argument, "cannot list the folder: " + error.message());
            const std::string name = it->path().filename().string();
            if (!name.empty() && name[0] == '.') {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file()) found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        std::size_t skipped = 0;
        for (const fs::path& file : found) {
            const fs::path real = fs::canonical(file, error);
            const auto [root_end, real_it] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
            if (error || root_end != root.end())
                throw InputError(file.string(), "is a link to " + real.string() + ", outside " + argument +
                                                    ": its document id would escape the project",
                                 "copy the document into the folder instead of linking to it");
            const std::string id = file.lexically_relative(path).generic_string();
            if (!format_of(file)) ++skipped;
            add_file(files, file, id, false);
        }
        if (skipped > 0)
            err << "medloc: " << argument << ": skipped " << skipped << " file(s) that are not .txt, .md or .html\n";
    }
    std::set<std::string> ids;
    for (const SourceFile& file : files)
        if (!ids.insert(file.document_id).second)
            throw InputError(file.path.string(), "a second document with the id \"" + file.document_id + "\"",
                             "extract documents with the same name from one folder each, in separate runs");
    return files;
}

// Word overlap of two texts (Dice coefficient over lowercased words).
double similarity(const std::string& a, const std::string& b) {
    const auto words = [](const std::string& text) {
        std::multiset<std::string> out;
        std::istringstream in(text);
        for (std::string word; in >> word;) {
            std::transform(word.begin(), word.end(), word.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            out.insert(word);
        }
        return out;
    };
    const auto wa = words(a), wb = words(b);
    if (wa.empty() || wb.empty()) return 0;
    std::vector<std::string> common;
    std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
    return 2.0 * static_cast<double>(common.size()) / static_cast<double>(wa.size() + wb.size());
}

// For each new segment, the removed segment it is an edit of, if any. Both
// documents are cut into gaps between segments they share, in order; within
// a gap a new segment pairs with the removed one sharing most of its words
// (at least half), and a gap left with one new and one removed segment
// pairs those two ("911" edited to "912" shares no word, but stands where
// the old one stood).
std::map<std::string, std::string> pair_changes(const std::vector<reviews::StoredSegment>& old_segments,
                                                const std::vector<DocumentSegment>& new_segments) {
    std::map<std::string, std::size_t> old_position;
    for (std::size_t i = 0; i < old_segments.size(); ++i) old_position[old_segments[i].id] = i;
    std::set<std::string> new_ids;
    for (const DocumentSegment& segment : new_segments) new_ids.insert(segment.id);

    std::map<std::string, std::string> replaces;
    std::size_t old_begin = 0, new_begin = 0;
    for (std::size_t i = 0; i <= new_segments.size(); ++i) {
        const auto kept = i < new_segments.size() ? old_position.find(new_segments[i].id) : old_position.end();
        if (i < new_segments.size() && kept == old_position.end()) continue;
        // The gap: old [old_begin, old_end), new [new_begin, i).
        const std::size_t old_end = i < new_segments.size() ? std::max(kept->second, old_begin) : old_segments.size();
        std::vector<std::size_t> removed, added;
        for (std::size_t k = old_begin; k < old_end; ++k)
            if (!new_ids.contains(old_segments[k].id)) removed.push_back(k);
        for (std::size_t k = new_begin; k < i; ++k) added.push_back(k);
        std::set<std::size_t> taken;
        std::vector<std::size_t> unpaired;
        for (std::size_t n : added) {
            double best = 0.5;
            std::size_t chosen = old_segments.size();
            for (std::size_t k : removed) {
                if (taken.contains(k)) continue;
                const double score = similarity(old_segments[k].plain, new_segments[n].plain);
                if (score >= best) best = score, chosen = k;
            }
            if (chosen < old_segments.size()) {
                taken.insert(chosen);
                replaces[new_segments[n].id] = old_segments[chosen].id;
            } else {
                unpaired.push_back(n);
            }
        }
        if (unpaired.size() == 1 && removed.size() == taken.size() + 1)
            for (std::size_t k : removed)
                if (!taken.contains(k)) replaces[new_segments[unpaired.front()].id] = old_segments[k].id;
        if (i < new_segments.size()) old_begin = std::max(old_begin, kept->second + 1);
        new_begin = i + 1;
    }
    return replaces;
}

// A changed segment starts over in every locale that had a translation of
// the text it replaces: needs-translation, the old pair kept for reference,
// and an event that says why any approval is gone.
void carry_translations(reviews::Store& store, const reviews::StoredSegment& replaced,
                        const reviews::StoredSegment& segment, std::int64_t version) {
    for (const reviews::Translation& old : store.translations_of(replaced.id)) {
        const std::optional<std::string>& target = old.target ? old.target : old.previous_target;
        if (!target) continue;
        reviews::Translation translation;
        translation.segment_id = segment.id;
        translation.locale = old.locale;
        translation.state = "needs-translation";
        translation.updated_at = reviews::utc_timestamp();
        translation.updated_by = "medloc extract";
        translation.previous_source = old.target ? replaced.source : old.previous_source.value_or(replaced.source);
        translation.previous_target = target;
        store.put_translation(translation);

        reviews::Event event;
        event.at = translation.updated_at;
        event.document_id = segment.document_id;
        event.segment_id = segment.id;
        event.locale = old.locale;
        event.actor = "medloc extract";
        event.role = "system";
        event.meaning = "invalidated: source text changed";
        event.state = translation.state;
        event.source = segment.source;
        event.target = target;  // the translation whose approval is withdrawn
        event.comment = "replaces segment " + replaced.id + " (was " + old.state + "); the old target is kept for reference";
        event.origin = segment.document_id + " version " + std::to_string(version);
        store.add_event(event);
    }
}

Report store_document(reviews::Store& store, const SourceFile& file, const std::string& bytes,
                      DocumentExtractor& extractor) {
    Report report;
    report.document_id = file.document_id;
    const std::string sha = reviews::sha256_hex(bytes);
    const auto current = store.current_version(file.document_id);
    if (current && current->source_sha256 == sha && current->format == to_string(file.format)) {
        report.version = current->version;
        report.unchanged = store.version_segments(file.document_id, current->version).size();
        report.same_source = true;
        return report;
    }
    const ExtractedDocument document = extractor.extract(file.path.string(), file.document_id, file.format, bytes);
    const std::vector<reviews::StoredSegment> old_segments =
        current ? store.version_segments(file.document_id, current->version) : std::vector<reviews::StoredSegment>{};
    report.version = current ? current->version + 1 : 1;

    reviews::DocumentVersion version;
    version.document_id = file.document_id;
    version.version = report.version;
    version.format = to_string(file.format);
    version.source_sha256 = sha;
    version.source_bytes = static_cast<std::int64_t>(bytes.size());
    version.skeleton = document.skeleton.to_json();
    version.extracted_at = reviews::utc_timestamp();

    std::set<std::string> old_ids;
    for (const reviews::StoredSegment& segment : old_segments) old_ids.insert(segment.id);
    std::set<std::string> new_ids;
    std::vector<std::string> ids;
    for (const DocumentSegment& segment : document.segments) {
        new_ids.insert(segment.id);
        ids.push_back(segment.id);
    }
    const auto replaces = pair_changes(old_segments, document.segments);

    store.add_document_version(version);
    for (const DocumentSegment& segment : document.segments) {
        if (old_ids.contains(segment.id)) {
            ++report.unchanged;
            continue;
        }
        const auto replaced = replaces.find(segment.id);
        if (replaced != replaces.end()) ++report.changed;
        else ++report.added;
        if (store.segment(segment.id)) {
            store.restore_segment(segment.id);  // text that was removed once and is back
            continue;
        }
        reviews::StoredSegment stored;
        stored.id = segment.id;
        stored.document_id = file.document_id;
        stored.source = segment.markup;
        stored.plain = segment.plain;
        stored.words = static_cast<std::int64_t>(segment.words);
        stored.kind = to_string(segment.extracted.kind);
        stored.context = segment.extracted.context;
        if (replaced == replaces.end()) {
            store.add_segment(stored, report.version, std::nullopt);
            continue;
        }
        store.add_segment(stored, report.version, replaced->second);
        carry_translations(store, *store.segment(replaced->second), stored, report.version);
    }
    store.set_version_segments(file.document_id, report.version, ids);
    for (const reviews::StoredSegment& segment : old_segments)
        if (!new_ids.contains(segment.id)) {
            store.retire_segment(segment.id, report.version);
            ++report.removed;
        }
    return report;
}

}  // namespace

int run_extract(const std::string& db_path, const std::vector<std::string>& paths, std::ostream& out) {
    reviews::Store store = reviews::Store::open(db_path);
    const std::vector<SourceFile> files = collect(paths, std::cerr);
    if (files.empty()) throw InputError(paths.front(), "has no .txt, .md or .html documents", "name a folder that has some");
    DocumentExtractor extractor(store.settings().source_locale);

    std::vector<Report> reports;
    reviews::Transaction transaction(store.database());
    {
        const Progress progress("extracting", files.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            progress.at(i + 1);
            const std::string bytes = read_file(files[i].path);
            check_text(files[i].path.string(), bytes);
            reports.push_back(store_document(store, files[i], bytes, extractor));
        }
    }
    transaction.commit();

    Report total;
    for (const Report& report : reports) {
        out << report.document_id << ": version " << report.version
            << (report.same_source ? " (source unchanged)" : "") << ", "
            << report.added + report.changed + report.unchanged << " segments: " << report.added << " new, "
            << report.changed << " changed, " << report.unchanged << " unchanged, " << report.removed << " removed\n";
        total.added += report.added;
        total.changed += report.changed;
        total.unchanged += report.unchanged;
        total.removed += report.removed;
    }
    out << reports.size() << " document(s): " << total.added << " new, " << total.changed << " changed, "
        << total.unchanged << " unchanged, " << total.removed << " removed\n";
    return 0;
}

}  // namespace medloc::pipeline
