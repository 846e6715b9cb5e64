// build.cpp - `medloc build`: a localized bundle, only from approved text.
//
// The gate comes first: every segment of every document approved, for the
// very source and target text it has now, and every document's clinical
// review current at the build date. One blocker and nothing is written.
//
// The bundle is written into a folder beside DIR/LOCALE and swapped into
// place with one rename (renameat2 RENAME_EXCHANGE), so a reader, or a build
// that dies half way, never sees half a bundle: the previous one stays whole
// until the new one is complete.
#include "pipeline/commands.h"
#include "pipeline/errors.h"
#include "pipeline/files.h"
#include "pipeline/html_language.h"
#include "pipeline/project.h"
#include "pipeline/skeleton.h"
#include "reviews/hash.h"
#include "reviews/store.h"
#include "reviews/workflow.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <ostream>
#include <set>

namespace medloc::pipeline {
namespace {

namespace fs = std::filesystem;

struct Blocker {
    std::string document_id;
    std::string segment_id;  // empty for the document as a whole
    std::string state;
    std::string reason;
};

std::string why_not_approved(const reviews::StoredSegment& segment, const std::string& state,
                             const std::optional<reviews::Translation>& translation) {
    if (state == "translated") return "not revised and approved yet";
    if (state == "revised") return "not approved by a clinical reviewer yet";
    if (translation && translation->previous_target)
        return translation->previous_source == segment.source ? "rejected, to be translated again"
                                                              : "the source changed since it was translated";
    return "not translated yet";
}

// Everyone whose work is in a document, by role, for the manifest.
struct Credits {
    std::set<std::string> translators, revisers, clinicians;
};

// Checks one document against the gate, reading each segment's history
// once: for the gate and for the credits alike.
Credits check_document(reviews::Store& store, const reviews::DocumentVersion& version, const std::string& locale,
                       const std::string& as_of, std::vector<Blocker>& blockers) {
    Credits credits;
    for (const reviews::StoredSegment& segment : store.version_segments(version.document_id, version.version)) {
        const auto translation = store.translation(segment.id, locale);
        const std::string state = translation ? translation->state : "new";
        const auto block = [&](std::string reason) {
            blockers.push_back({version.document_id, segment.id, state, std::move(reason)});
        };
        if (state != "approved") {
            block(why_not_approved(segment, state, translation));
            continue;
        }
        const reviews::People people = reviews::people_of(store, segment.id, locale);
        const std::optional<reviews::Event>& approval = people.approval;
        if (!approval) block("approved, but no approval is on record");
        else if (approval->source != segment.source) block("approved for a different source text");
        else if (approval->target != translation->target) block("approved for a different target text");
        credits.translators.insert(people.translator);
        if (!people.reviser.empty()) credits.revisers.insert(people.reviser);
        if (approval) credits.clinicians.insert(approval->actor);
    }
    const ReviewStanding review = review_standing(store, version.document_id, locale, as_of);
    if (review.standing == "not reviewed")
        blockers.push_back({version.document_id, {}, "-", "no clinical review of the whole document on record"});
    else if (review.standing == "expired")
        blockers.push_back({version.document_id, {}, "-",
                            "the clinical review of " + review.last_reviewed + " expired on " + review.next_due});
    return credits;
}

std::string built_document(reviews::Store& store, const reviews::DocumentVersion& version, const std::string& locale) {
    std::map<std::string, xliff::Content> sources, targets;
    for (const reviews::StoredSegment& segment : store.version_segments(version.document_id, version.version)) {
        sources[segment.id] = xliff::content_from_markup(segment.source);
        targets[segment.id] = xliff::content_from_markup(*store.translation(segment.id, locale)->target);
    }
    std::string bytes = rebuild(Skeleton::from_json(version.skeleton), [&](const std::string& id) {
        const auto source = sources.find(id);
        const auto target = targets.find(id);
        return source == sources.end() || target == targets.end() ? SegmentText{}
                                                                  : SegmentText{&source->second, &target->second};
    });
    return version.format == "html" ? with_language(bytes, locale) : bytes;
}

// A build killed at this point, for the test that proves it leaves no half
// bundle behind (MEDLOC_TEST_KILL_BUILD_AFTER=N documents).
void test_kill_point(std::size_t documents_written) {
    const char* after = std::getenv("MEDLOC_TEST_KILL_BUILD_AFTER");
    if (after && std::to_string(documents_written) == after) raise(SIGKILL);
}

// Folders left by builds that died: never a bundle, always safe to remove.
void remove_abandoned(const fs::path& out, const std::string& locale) {
    std::error_code error;
    const std::string prefix = "." + locale + ".building-";
    for (const auto& entry : fs::directory_iterator(out, error))
        if (entry.path().filename().string().starts_with(prefix)) fs::remove_all(entry.path(), error);
}

void swap_into_place(const fs::path& built, const fs::path& bundle) {
    std::error_code error;
    if (!fs::exists(bundle, error)) {
        fs::rename(built, bundle, error);
        if (error) throw InputError(bundle.string(), "cannot be written: " + error.message(), "check the permissions");
        return;
    }
    if (renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, bundle.c_str(), RENAME_EXCHANGE) != 0)
        throw InputError(bundle.string(), "cannot be replaced", "check the permissions and that it is a folder");
    fs::remove_all(built, error);  // the previous bundle, now in the temporary place
}

std::string blocker_lines(const std::vector<Blocker>& blockers) {
    std::string lines;
    for (const Blocker& blocker : blockers)
        lines += "\n  " + blocker.document_id + "  " + (blocker.segment_id.empty() ? "(document)" : blocker.segment_id) +
                 "  " + blocker.state + ": " + blocker.reason;
    return lines;
}

}  // namespace

int run_build(const std::string& db_path, const BuildOptions& options, std::ostream& out) {
    reviews::Store store = reviews::Store::open(db_path);
    const reviews::ProjectSettings& settings = store.settings();
    const std::string locale = target_locale_option(settings, options.locale);
    const std::string as_of = as_of_option(options.as_of);

    reviews::Transaction reading(store.database());  // one consistent view of the project
    std::vector<reviews::DocumentVersion> versions;
    for (const std::string& id : store.document_ids()) versions.push_back(*store.current_version(id));
    if (versions.empty()) throw InputError(db_path, "the project has no documents", "extract some first");
    std::vector<Blocker> blockers;
    std::vector<Credits> credits;
    for (const reviews::DocumentVersion& version : versions)
        credits.push_back(check_document(store, version, locale, as_of, blockers));
    if (!blockers.empty()) {
        if (options.json) {
            nlohmann::ordered_json json;
            json["locale"] = locale;
            json["as_of"] = as_of;
            json["built"] = false;
            json["blockers"] = nlohmann::ordered_json::array();
            for (const Blocker& b : blockers)
                json["blockers"].push_back({{"document", b.document_id},
                                            {"segment", b.segment_id.empty() ? nullptr : nlohmann::ordered_json(b.segment_id)},
                                            {"state", b.state},
                                            {"reason", b.reason}});
            out << json.dump(2) << "\n";
            return 3;
        }
        throw Refused("build " + locale + " as of " + as_of + ": " + std::to_string(blockers.size()) +
                      " blocker(s):" + blocker_lines(blockers) + "\n");
    }

    const fs::path root(options.out_dir);
    std::error_code error;
    fs::create_directories(root, error);
    if (error) throw InputError(root.string(), "cannot create the folder: " + error.message(), "check the path");
    remove_abandoned(root, locale);
    const fs::path building = root / ("." + locale + ".building-" + std::to_string(getpid()));
    fs::create_directories(building, error);
    if (error) throw InputError(building.string(), "cannot create the folder: " + error.message(), "check the permissions");

    nlohmann::ordered_json manifest;
    manifest["project"] = settings.project_id;
    manifest["locale"] = locale;
    manifest["source_locale"] = settings.source_locale;
    manifest["built_at"] = reviews::utc_timestamp();
    manifest["as_of"] = as_of;
    manifest["documents"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const reviews::DocumentVersion& version = versions[i];
        const std::string bytes = built_document(store, version, locale);
        write_file_replacing(building / version.document_id, bytes);
        test_kill_point(i + 1);
        const ReviewStanding review = review_standing(store, version.document_id, locale, as_of);
        nlohmann::ordered_json entry;
        entry["id"] = version.document_id;
        entry["format"] = version.format;
        entry["version"] = version.version;
        entry["source_sha256"] = version.source_sha256;
        entry["output_sha256"] = reviews::sha256_hex(bytes);
        entry["translators"] = credits[i].translators;
        entry["revisers"] = credits[i].revisers;
        entry["clinical_reviewers"] = credits[i].clinicians;
        entry["last_reviewed"] = review.last_reviewed;
        entry["reviewed_by"] = review.reviewer;
        entry["next_review_due"] = review.next_due;
        manifest["documents"].push_back(std::move(entry));
        out << locale << "/" << version.document_id << ": version " << version.version << ", reviewed "
            << review.last_reviewed << ", next review " << review.next_due << "\n";
    }
    write_file_replacing(building / "manifest.json", manifest.dump(2) + "\n");
    const fs::path bundle = root / locale;
    swap_into_place(building, bundle);
    out << "Built " << bundle.string() << ": " << versions.size() << " document(s) and manifest.json\n";
    return 0;
}

}  // namespace medloc::pipeline
